import type { ReactNode } from 'react';
import type { IncomingView } from '../../../lib/api-types';
import { beijingTime, chineseDate } from '../../../lib/format';

/** A cell's text; an empty cell stays empty, as on the paper slip where it is left to be written in. */
const text = (value: string | null | undefined): ReactNode => (value && value.trim() ? value : null);

function Cell({ label, children, span }: { label: string; children: ReactNode; span?: number }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td colSpan={span}>{children}</td>
    </>
  );
}

function Attachments({ names }: { names: readonly string[] }) {
  if (names.length === 0) return null;
  if (names.length === 1) return <>{names[0]}</>;
  return (
    <ol className="inc-slip-list">
      {names.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ol>
  );
}

/**
 * What the slip's 领导批示 row holds: an instruction the paper slip already carried, then each
 * leader's act recorded in Duban (批示 with its words, or 圈阅), with the leader and the time.
 */
function instructionLines(i: IncomingView): string[] {
  const acts = i.instructions
    .filter((s) => s.state === 'done' && (s.action === 'instruct' || s.action === 'circle'))
    .map((s) => `${s.action === 'circle' ? '圈阅' : (s.text ?? '')}　${s.leaderName}　${beijingTime(s.actedAt).slice(0, 16)}`);
  return [...(i.leaderInstruction ? [i.leaderInstruction] : []), ...acts];
}

/**
 * The 文件批办单 as offices print it (seed 002's slip): 运转号 above a ruled table of six columns,
 * label and value in turn; the rows the leaders and the office write in (批示, 意见, 拟办) span the
 * width. The registration's own reading of the document (成文日期, 公开属性, 附件) sits under the
 * title. Narrow screens lay each row out as label above value (incoming.css).
 */
export function RoutingSlip({ incoming, extra }: { incoming: IncomingView; extra?: ReactNode }) {
  const i = incoming;
  return (
    <section className="inc-slip" aria-label={`文件批办单 ${i.serial}`}>
      <h2 className="inc-slip-title">文件批办单</h2>
      <div className="inc-slip-serial">
        <span>
          运转号：<strong className="inc-serial">{i.serial}</strong>
        </span>
        {extra}
      </div>
      <table className="inc-slip-table">
        {/* The first labels are the longest (办公室意见), the middle values dates, the last short marks (特急, 内网): the first value takes the rest. */}
        <colgroup>
          <col className="inc-col-label-wide" />
          <col />
          <col className="inc-col-label" />
          <col className="inc-col-date" />
          <col className="inc-col-label" />
          <col className="inc-col-short" />
        </colgroup>
        <tbody>
          <tr>
            <Cell label="来文单位">{text(i.fromUnit)}</Cell>
            <Cell label="收文日期">{chineseDate(i.receivedOn)}</Cell>
            <Cell label="紧急程度">{text(i.urgency)}</Cell>
          </tr>
          <tr>
            <Cell label="文号">{text(i.docNumber)}</Cell>
            <Cell label="密级">{text(i.secrecy)}</Cell>
            <Cell label="来文方式">{text(i.channel)}</Cell>
          </tr>
          <tr>
            <Cell label="文件标题" span={5}>
              <span className="inc-slip-doc-title">{i.title}</span>
            </Cell>
          </tr>
          <tr>
            <Cell label="公开属性">{text(i.openness)}</Cell>
            <Cell label="成文日期">{i.signedOn ? chineseDate(i.signedOn) : null}</Cell>
            <Cell label="附件">
              <Attachments names={i.attachments} />
            </Cell>
          </tr>
          <tr className="inc-slip-tall">
            <Cell label="领导批示" span={5}>
              <div className="inc-pre">{text(instructionLines(i).join('\n'))}</div>
            </Cell>
          </tr>
          <tr className="inc-slip-tall">
            <Cell label="办公室意见" span={5}>
              <div className="inc-pre">{text(i.officeOpinion)}</div>
            </Cell>
          </tr>
          <tr className="inc-slip-tall">
            <Cell label="拟办意见" span={5}>
              <div className="inc-pre">{text(i.submittedProposal?.text ?? i.proposal?.text)}</div>
            </Cell>
          </tr>
          <tr>
            <Cell label="审核人">{text(i.reviewer)}</Cell>
            <Cell label="承办人" span={3}>
              {text(i.handler)}
            </Cell>
          </tr>
        </tbody>
      </table>
      {(i.office || i.phone) && (
        <div className="inc-slip-foot">
          {i.office && <span>{i.office}</span>}
          {i.phone && <span>电话：{i.phone}</span>}
        </div>
      )}
    </section>
  );
}
