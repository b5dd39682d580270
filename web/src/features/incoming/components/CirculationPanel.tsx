import { BellOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Grid, Select, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CirculationRecipient, IncomingView, RecipientUser } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { useCan } from '../../../lib/authorization';
import { beijingTime } from '../../../lib/format';
import { useUnitSearch } from '../../../lib/use-unit-search';
import { circulateIncoming, fetchRecipientUsers, openCirculated, recallRecipient, remindRecipient, searchDirectoryUnits } from '../api/incoming';
import { useIncomingAction } from './use-incoming-action';
import '../incoming-flow.css';

/** A recipient's state as the office reads it; 已收回 wins over the state it had. */
export const RECIPIENT_STATE: Record<CirculationRecipient['state'], { label: string; color: string }> = {
  unread: { label: '未读', color: 'red' },
  opened: { label: '已读', color: 'gold' },
  read: { label: '已阅', color: 'green' },
};

const minute = (iso: string | null) => (iso ? beijingTime(iso).slice(0, 16) : null);

/** Whether the server would take a 传阅 now (src/workflow/circulation.ts circulationAllowed): the pages offer it only then. */
export const mayCirculate = (i: IncomingView) => i.state === 'instructed' || (i.kind === '阅件' && (i.state === 'reviewed' || i.state === 'sent-back'));

export function RecipientState({ r }: { r: CirculationRecipient }) {
  if (r.recalledAt) return <Tag>已收回</Tag>;
  return <Tag color={RECIPIENT_STATE[r.state].color}>{RECIPIENT_STATE[r.state].label}</Tag>;
}

/** The recipient's times, one line each: sent, opened, read, recalled. */
function Times({ r }: { r: CirculationRecipient }) {
  const lines = [
    ['送达', minute(r.sentAt)],
    ['已读', minute(r.openedAt)],
    ['已阅', minute(r.readAt)],
    ['收回', minute(r.recalledAt)],
  ].filter((l): l is [string, string] => l[1] !== null);
  return (
    <span className="inc-circ-times">
      {lines.map(([k, v]) => (
        <span key={k}>
          {k} {v}
        </span>
      ))}
    </span>
  );
}

/** People (the accounts) and units (the directory, searched on the server) in one multi-select; values are kind:name. */
function RecipientSelect({ value, onChange, users }: { value: string[]; onChange: (v: string[]) => void; users: RecipientUser[] }) {
  const { query: q, setQuery: setQ, names: units, loading } = useUnitSearch(searchDirectoryUnits);
  const needle = q.trim();
  const people = users.filter((u) => needle === '' || u.name.includes(needle) || u.username.includes(needle) || (u.unit ?? '').includes(needle));
  // Units already chosen stay among the options while another search runs.
  const chosenUnits = value.filter((v) => v.startsWith('unit:')).map((v) => v.slice(5));
  const unitOptions = [...new Set([...chosenUnits, ...units])];
  return (
    <Select
      id="inc-circ-targets"
      mode="multiple"
      aria-label="传阅对象"
      className="inc-circ-select"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入姓名或单位名称检索，可多选"
      notFoundContent={loading ? <Spin size="small" /> : '未找到'}
      options={[
        { label: '人员', options: people.map((u) => ({ value: `user:${u.username}`, label: u.unit ? `${u.name}（${u.unit}）` : u.name })) },
        { label: '单位', options: unitOptions.map((u) => ({ value: `unit:${u}`, label: u })) },
      ]}
    />
  );
}

/**
 * 传阅 on 收文详情: for the clerk, sending the document to people and units; for everyone who
 * reads the registration, each recipient's state with its times and reminders, "传阅中" and who
 * holds it now; 提醒 and 收回 (confirmed first: both are recorded and a recall cannot be undone).
 */
export function CirculationPanel({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const can = useCan();
  const { modal } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const manage = can('incoming.circulate');
  const { run, busy } = useIncomingAction(onChanged);
  const [targets, setTargets] = useState<string[]>([]);
  const [users, setUsers] = useState<RecipientUser[]>([]);
  const open = manage && mayCirculate(incoming);
  const { me } = useAuth();
  const opened = useRef(false);

  // A recipient who opens 收文详情 has opened the document: 未读 → 已读, as on 传阅给我.
  const mine = incoming.circulation.find(
    (c) => c.recalledAt === null && ((c.kind === 'user' && c.recipient === me?.user.username) || (c.kind === 'unit' && c.recipient === me?.user.unit)),
  );
  useEffect(() => {
    if (mine?.state !== 'unread' || opened.current || !can('incoming.receive')) return;
    opened.current = true;
    openCirculated(incoming.id).then(onChanged, () => {});
  }, [mine?.state, incoming.id, onChanged, can]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    fetchRecipientUsers(controller.signal)
      .then((r) => setUsers(r.users))
      .catch(() => setUsers([]));
    return () => controller.abort();
  }, [open]);

  const send = () =>
    void run(async () => {
      await circulateIncoming(incoming.id, {
        users: targets.filter((t) => t.startsWith('user:')).map((t) => t.slice(5)),
        units: targets.filter((t) => t.startsWith('unit:')).map((t) => t.slice(5)),
        version: incoming.version,
      });
      setTargets([]);
    }, `已传阅给 ${targets.length} 个对象`);

  const confirm = (r: CirculationRecipient, act: 'remind' | 'recall') =>
    modal.confirm({
      title: act === 'remind' ? `提醒“${r.name}”阅看？` : `从“${r.name}”收回？`,
      content: act === 'remind' ? `${incoming.serial} 的提醒将记录在案（已提醒 ${r.reminders.length} 次）。` : '收回后对方不再看到此件，收回不能撤销。',
      okText: act === 'remind' ? '提醒' : '收回',
      okButtonProps: { danger: act === 'recall' },
      cancelText: '取消',
      onOk: () => run(() => (act === 'remind' ? remindRecipient : recallRecipient)(incoming.id, r.id, incoming.version), act === 'remind' ? `已提醒${r.name}` : `已从${r.name}收回`),
    });

  const columns = ((): TableColumnsType<CirculationRecipient> => {
    const reminders = (r: CirculationRecipient) =>
      r.reminders.length === 0 ? '—' : `${r.reminders.length} 次，最近 ${minute(r.reminders[r.reminders.length - 1]!.at)}`;
    const acts = (r: CirculationRecipient) =>
      manage && !r.recalledAt && r.state !== 'read' ? (
        <Space size={4} wrap>
          <Button size="small" icon={<BellOutlined />} onClick={() => confirm(r, 'remind')} aria-label={`提醒${r.name}`}>
            提醒
          </Button>
          <Button size="small" danger icon={<RollbackOutlined />} onClick={() => confirm(r, 'recall')} aria-label={`收回${r.name}`}>
            收回
          </Button>
        </Space>
      ) : null;
    const who = (r: CirculationRecipient) => (
      <Space size={4} wrap>
        <Typography.Text strong delete={r.recalledAt !== null}>
          {r.name}
        </Typography.Text>
        <Tag bordered={false}>{r.kind === 'unit' ? '单位' : '人员'}</Tag>
      </Space>
    );
    if (narrow)
      return [
        {
          title: '传阅对象',
          key: 'stack',
          render: (_v, r) => (
            <div className="inc-stack">
              <div className="inc-stack-head">
                {who(r)}
                <RecipientState r={r} />
              </div>
              <Times r={r} />
              <Typography.Text type="secondary">提醒：{reminders(r)}</Typography.Text>
              {acts(r)}
            </div>
          ),
        },
      ];
    return [
      { title: '传阅对象', key: 'who', width: 200, render: (_v, r) => who(r) },
      { title: '状态', key: 'state', width: 90, render: (_v, r) => <RecipientState r={r} /> },
      { title: '时间', key: 'times', render: (_v, r) => <Times r={r} /> },
      { title: '提醒', key: 'reminders', width: 220, render: (_v, r) => reminders(r) },
      ...(manage ? [{ title: '操作', key: 'acts', width: 160, render: (_v: unknown, r: CirculationRecipient) => acts(r) }] : []),
    ];
  })();

  if (!open && incoming.circulation.length === 0) return null;
  return (
    <section aria-labelledby="inc-circ-title" className="inc-panel">
      <Typography.Title level={3} id="inc-circ-title" className="inc-panel-title">
        传阅 {incoming.circulating && <Tag color="geekblue">传阅中</Tag>}
      </Typography.Title>
      <Alert
        type={incoming.holders.length > 0 ? 'info' : 'success'}
        showIcon
        className="inc-holder"
        title={incoming.holders.length > 0 ? `现在在：${incoming.holders.join('、')}` : '现在无人待阅'}
      />
      {open && (
        <div className="inc-circ-send">
          <label htmlFor="inc-circ-targets" className="inc-circ-label">
            传阅给（人员或单位）
          </label>
          <div className="inc-circ-row">
            <RecipientSelect value={targets} onChange={setTargets} users={users} />
            <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={targets.length === 0} onClick={send}>
              传阅
            </Button>
          </div>
        </div>
      )}
      {incoming.circulation.length > 0 && (
        <Table<CirculationRecipient>
          rowKey="id"
          size="small"
          className="inc-circ-table"
          columns={columns}
          dataSource={incoming.circulation}
          pagination={false}
          scroll={narrow ? undefined : { x: 790 }}
        />
      )}
    </section>
  );
}
