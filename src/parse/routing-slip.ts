// 文件批办单: the routing slip a receiving office puts on top of an incoming document.
//
// The slip is a form. In the extracted text its table rows are tab-separated cells in which label
// cells (来文单位, 来文日期 …) are followed by their value cells; merged cells leave empty cells
// and shift values to the right, so a value is whatever non-label cells follow a label up to the
// next label in the same row. Lines outside the table hold "label：value" pairs (运转号：…,
// 电话：…) and the handling office's name. The proposal (拟办意见) is read into who reads, who
// leads, who cooperates and what is to be produced.
import { splitOutside } from '../text/brackets.ts';
import { closeSpaces } from '../text/chars.ts';
import type { TextLine } from '../text/lines.ts';
import type { ParseWarning, RoutingProposal, RoutingSlip } from '../types.ts';
import { dottedDate, findDate, isoDate } from './dates.ts';
import { normalizeDocNumber } from './doc-number.ts';

type Field =
  | 'serial'
  | 'fromUnit'
  | 'receivedOn'
  | 'urgency'
  | 'docNumber'
  | 'secrecy'
  | 'channel'
  | 'title'
  | 'leaderInstruction'
  | 'officeOpinion'
  | 'handler'
  | 'reviewer'
  | 'office'
  | 'phone'
  | 'proposal';

/** The labels printed on slips, each with the field it fills. Longer labels are tried first. */
const LABELS: [string, Field][] = (
  [
    ['运转号', 'serial'],
    ['收文号', 'serial'],
    ['收文编号', 'serial'],
    ['来文单位', 'fromUnit'],
    ['来文机关', 'fromUnit'],
    ['发文单位', 'fromUnit'],
    ['发文机关', 'fromUnit'],
    ['来文日期', 'receivedOn'],
    ['收文日期', 'receivedOn'],
    ['收文时间', 'receivedOn'],
    ['来文时间', 'receivedOn'],
    ['紧急程度', 'urgency'],
    ['缓急程度', 'urgency'],
    ['缓急', 'urgency'],
    ['文号', 'docNumber'],
    ['来文字号', 'docNumber'],
    ['来文文号', 'docNumber'],
    ['发文字号', 'docNumber'],
    ['密级', 'secrecy'],
    ['来文方式', 'channel'],
    ['来文渠道', 'channel'],
    ['来文形式', 'channel'],
    ['文件标题', 'title'],
    ['文件名称', 'title'],
    ['标题', 'title'],
    ['领导批示', 'leaderInstruction'],
    ['领导阅批', 'leaderInstruction'],
    ['批示意见', 'leaderInstruction'],
    ['办公室意见', 'officeOpinion'],
    ['拟办意见', 'proposal'],
    ['承办人', 'handler'],
    ['经办人', 'handler'],
    ['拟办人', 'handler'],
    ['审核人', 'reviewer'],
    ['核稿人', 'reviewer'],
    ['承办科室', 'office'],
    ['承办部门', 'office'],
    ['联系电话', 'phone'],
    ['电话', 'phone'],
  ] as [string, Field][]
).sort((a, b) => b[0].length - a[0].length);

/** Labels that may carry the name of the organ whose leaders or office speak (党工委 管委会 领导批示). */
const ORGAN_QUALIFIED = new Set<Field>(['leaderInstruction', 'officeOpinion']);
/** A date written into a cell without its year (7.21, 7月21日) or with it (2023.7.21). */
const STRAY_DATE = /^(?:(\d{4})[.\-/])?(\d{1,2})[.\-/](\d{1,2})$|^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/;
const SLIP_TITLE = /(批办单|处理笺|阅办单|阅文单|收文处理单|办文单)$/;
/** A line after the table that is nothing but an office's name (党政综合办公室). */
const OFFICE_LINE = /^[\u4e00-\u9fff（）]{2,30}(办公室|办|部|局|科|处|室|中心|委员会|委|组)$/;

interface Label {
  field: Field;
  /** Text before the label in the same cell (a stray date, an organ's name), '' when none. */
  prefix: string;
  /** Text after 「label：」 in the same cell. */
  inline: string;
}

/**
 * Reads a cell as a label, or returns null when the cell is a value. Before the label there may be
 * an organ's name (党工委 管委会 领导批示), a date (7.21承办人), or any token the extraction put there,
 * as long as a space shows it is a separate token (急 承办人); a value never ends in a bare label.
 */
function labelOf(cell: string): Label | null {
  const colon = cell.search(/[：:]/);
  const headSpaced = (colon >= 0 ? cell.slice(0, colon) : cell).trim();
  const inline = colon >= 0 ? closeSpaces(cell.slice(colon + 1)).trim() : '';
  const head = headSpaced.replace(/\s+/g, '');
  const tokens = headSpaced.split(/\s+/);
  const lastToken = tokens[tokens.length - 1] ?? '';
  for (const [label, field] of LABELS) {
    if (!head.endsWith(label)) continue;
    const prefix = head.slice(0, head.length - label.length);
    if (prefix === '' || STRAY_DATE.test(prefix)) return { field, prefix, inline };
    if (ORGAN_QUALIFIED.has(field) && /^[\u4e00-\u9fff]{1,12}$/.test(prefix)) return { field, prefix: '', inline };
    if (lastToken === label && prefix.length <= 12) return { field, prefix, inline };
    return null;
  }
  return null;
}

/** The stray token's date, with the year taken from the slip's other dates. */
function strayDate(token: string, year: number | null): string | null {
  const m = STRAY_DATE.exec(token);
  if (!m) return null;
  const y = m[1] ?? m[4];
  const month = Number(m[2] ?? m[5]);
  const day = Number(m[3] ?? m[6]);
  const fullYear = y !== undefined ? Number(y) : year;
  return fullYear === null ? null : isoDate(fullYear, month, day);
}

/** Value text of a field: cells joined, spaces of Chinese text closed, empty → null. */
function valueOf(parts: readonly string[]): string | null {
  // Words of one value are joined with a space, which closeSpaces then removes inside Chinese text.
  const text = parts
    .join(' ')
    .split('\n')
    .map((q) => closeSpaces(q))
    .filter((q) => q !== '')
    .join('\n');
  return text === '' ? null : text;
}

/** Titles that follow a person's name in a proposal (王洪江书记, 于重洋副主任). */
const TITLES = [
  '副书记', '书记', '副主任', '主任', '副主席', '主席', '副秘书长', '秘书长', '副局长', '局长', '副部长', '部长',
  '副市长', '市长', '副盟长', '盟长', '副旗长', '旗长', '副县长', '县长', '副区长', '区长', '副处长', '处长',
  '副科长', '科长', '副组长', '组长', '副总经理', '总经理', '董事长', '常委', '委员', '同志',
].sort((a, b) => b.length - a.length);

/** "王洪江书记、于重洋副主任" → the persons, without titles; group words (班子成员) stay as written. */
function persons(text: string): string[] {
  return splitOutside(text, '、，').map((p) => {
    for (const t of TITLES) if (p.length > t.length + 1 && p.endsWith(t)) return p.slice(0, -t.length);
    return p;
  });
}

/**
 * Units as listed: 、 separates units, and a group with its members in brackets
 * (五大任务牵头部门（经济发展局、司法信访局）) stands for its members. A bracket that holds a
 * single name is part of the unit's name (市公共资源交易中心（市政府采购中心）).
 */
function units(text: string): string[] {
  const out: string[] = [];
  for (const part of splitOutside(text.replace(/等(有关|相关)?(单位|部门)$/, ''), '、')) {
    const m = /^(.+?)[（(](.+)[）)]$/.exec(part);
    if (m && /[、，]/.test(m[2]!)) out.push(...splitOutside(m[2]!, '、，'));
    else out.push(part);
  }
  return out;
}

const MAX_SENTENCE = 600;
/** Clauses that only qualify the action (按照文件要求, 结合开发区实际). */
const QUALIFIER = /^(按照|根据|结合|对照|围绕|依据|参照|对标)/;

/** 拟办意见 → who reads, who approves, who leads, who cooperates, what is produced. */
export function readProposal(raw: string): RoutingProposal {
  const text = raw
    .split('\n')
    .map((p) => closeSpaces(p))
    .filter((p) => p !== '')
    .join('\n');
  const proposal: RoutingProposal = { submitTo: [], circulateTo: [], approveBy: [], lead: null, cooperating: [], action: null, text };
  for (const piece of splitOutside(text, '。；\n')) {
    // A sentence of this length is not a routing instruction; reading it would only cost time.
    if (piece.length > MAX_SENTENCE) continue;
    // 建议：1.请… → 请…; numbering and the 建议 heading carry no content.
    const sentence = piece.replace(/^(建议|拟办意见|意见)[：:]/, '').replace(/^(\d{1,2}[.．、]|（\d{1,2}）|[一二三四五六七八九十]、)/, '').trim();
    let m: RegExpExecArray | null;
    if ((m = /^(?:呈|请|送)(.+?)(?:阅示|审示|批示|审阅批示)$/.exec(sentence))) proposal.submitTo.push(...persons(m[1]!));
    else if ((m = /^(?:呈|请|送)(.+?)(?:阅批|审批|阅处)$/.exec(sentence))) proposal.approveBy.push(...persons(m[1]!));
    else if ((m = /^(?:呈|请|送)(.+?)(?:传阅|阅知|阅)$/.exec(sentence))) proposal.circulateTo.push(...persons(m[1]!));
    else if (proposal.lead === null && /牵头|会同/.test(sentence)) readAssignment(sentence, proposal);
  }
  return proposal;
}

/** "请A牵头，B、C配合，按照…，制定实施方案" (or 请A会同B…) → lead, cooperating, action. */
function readAssignment(sentence: string, proposal: RoutingProposal): void {
  const rest: string[] = [];
  for (const clause of splitOutside(sentence, '，,')) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:请|由|建议)?(.+?)牵头(?:负责|办理|落实)?(?:[、](.+?)(?:配合|协助|协同|参与))?$/.exec(clause)) && proposal.lead === null) {
      const leads = units(m[1]!);
      proposal.lead = leads[0] ?? null;
      if (leads.length > 1) proposal.coLeads = leads.slice(1);
      if (m[2] !== undefined) proposal.cooperating.push(...units(m[2]));
    } else if ((m = /^(?:请|由)?(.+?)会同(.+)$/.exec(clause)) && proposal.lead === null) {
      proposal.lead = units(m[1]!)[0] ?? null;
      // 会同B研究提出意见: the cooperating units end where the verb starts, which only a dictionary knows;
      // the usual form lists them up to a comma, so the whole remainder is taken as units only when it is a list.
      proposal.cooperating.push(...units(m[2]!));
    } else if ((m = /^(.+?)(?:配合|协助|协同|参与)(?:落实|办理|工作)?$/.exec(clause))) {
      proposal.cooperating.push(...units(m[1]!));
    } else rest.push(clause);
  }
  const action = rest.filter((c) => !QUALIFIER.test(c)).pop();
  proposal.action = action ?? null;
}

export function readRoutingSlip(lines: readonly TextLine[], warnings: ParseWarning[]): RoutingSlip | null {
  if (lines.length === 0) return null;
  const values = new Map<Field, string[]>();
  const stray: { token: string; field: Field; line: number }[] = [];
  const put = (field: Field, parts: string[], line: number) => {
    if (values.has(field) && values.get(field)!.some((p) => p !== '')) {
      const name = LABELS.find(([, f]) => f === field)?.[0] ?? field;
      if (parts.some((p) => p !== '')) warnings.push({ code: 'slip-duplicate-field', message: `批办单中的“${name}”出现了两次，保留第一次的内容`, line });
      return;
    }
    values.set(field, parts);
  };

  let slipLine = lines[0]!.line;
  let tableSeen = false;
  for (const [i, l] of lines.entries()) {
    if (i === 0 && SLIP_TITLE.test(l.text)) {
      slipLine = l.line;
      continue;
    }
    // A table row is its cells; a line outside the table is read the same way when it holds labels.
    const cells = l.cells ?? l.spaced.split(' ');
    if (l.cells !== null) tableSeen = true;
    let field: Field | null = null;
    let parts: string[] = [];
    let understood = false;
    const flush = () => {
      if (field !== null) put(field, parts, l.line);
      field = null;
      parts = [];
    };
    const unread: string[] = [];
    for (const cell of cells) {
      const label = labelOf(cell);
      if (label !== null) {
        flush();
        field = label.field;
        if (label.prefix !== '') stray.push({ token: label.prefix, field: label.field, line: l.line });
        if (label.inline !== '') parts.push(label.inline);
        understood = true;
      } else if (cell.trim() === '') {
        // Empty cells are the gaps merged cells leave; they hold no value.
      } else if (field !== null && (l.cells === null || parts.length === 0)) {
        // A table value is one cell (the first filled one after its label: merged cells shift it
        // right); outside the table a value is every word up to the next label.
        parts.push(cell);
      } else unread.push(cell);
    }
    flush();
    if (l.cells === null && !understood) {
      // After the table: the handling office's name stands on a line of its own.
      if (tableSeen && !values.has('office') && OFFICE_LINE.test(l.text)) {
        values.set('office', [l.text]);
        continue;
      }
      warnings.push({ code: 'slip-unread', message: `批办单中无法识别的文字：${l.text.slice(0, 40)}`, line: l.line });
      continue;
    }
    if (unread.length > 0) {
      warnings.push({ code: 'slip-unread', message: `批办单中无法识别的内容：${unread.join(' ').slice(0, 40)}`, line: l.line });
    }
  }

  const text = (f: Field) => valueOf(values.get(f) ?? []);
  const receivedRaw = text('receivedOn');
  const receivedOn = receivedRaw === null ? null : dottedDate(receivedRaw) ?? findDate(receivedRaw)?.iso ?? null;
  if (receivedRaw !== null && receivedOn === null) {
    warnings.push({ code: 'slip-bad-date', message: `批办单来文日期无法识别：${receivedRaw}`, line: slipLine });
  }
  const docRaw = text('docNumber');
  const phoneRaw = text('phone');
  const proposalRaw = text('proposal');
  const slip: RoutingSlip = {
    serial: text('serial'),
    fromUnit: text('fromUnit'),
    receivedOn,
    urgency: text('urgency'),
    docNumber: docRaw === null ? null : normalizeDocNumber(docRaw),
    secrecy: text('secrecy'),
    channel: text('channel'),
    title: text('title'),
    leaderInstruction: text('leaderInstruction'),
    officeOpinion: text('officeOpinion'),
    handler: text('handler'),
    reviewer: text('reviewer'),
    office: text('office'),
    phone: phoneRaw === null ? null : phoneRaw.replace(/\s+/g, ''),
    proposal: proposalRaw === null ? null : readProposal(proposalRaw),
    line: slipLine,
  };

  // A date in front of the 承办人 label is the day the handler dated the slip (see docs/decisions.md).
  const year = receivedOn !== null ? Number(receivedOn.slice(0, 4)) : null;
  for (const s of stray) {
    const date = s.field === 'handler' ? strayDate(s.token, year) : null;
    if (date !== null && slip.handledOn === undefined) slip.handledOn = date;
    else warnings.push({ code: 'slip-stray-text', message: `批办单标签前的文字无法归属：${s.token}`, line: s.line });
  }
  for (const name of [...(slip.proposal?.submitTo ?? []), ...(slip.proposal?.approveBy ?? [])]) {
    if (/[/／]/.test(name)) warnings.push({ code: 'slip-name-uncertain', message: `拟办意见中的姓名不确定：${name}`, line: slipLine });
  }
  return slip;
}
