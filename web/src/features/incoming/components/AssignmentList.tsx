import { Alert, Button, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Assignment, IncomingView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { beijingTime } from '../../../lib/format';
import { ASSIGNMENT_ROLE_LABEL, ASSIGNMENT_STATE_COLOR, ASSIGNMENT_STATE_LABEL } from '../../../lib/labels';
import { officeToday } from '../../../lib/server-clock';
import { concludeIncoming, urgeAssignment } from '../api/assign';
import { useIncomingAction } from './use-incoming-action';

const minute = (iso: string | null) => (iso === null ? '' : beijingTime(iso).slice(0, 16));

/** Overdue: not answered and past its deadline, on the server's day (the same rule as src/workflow/assignment.ts isOverdue). */
export const overdue = (a: Pick<Assignment, 'state' | 'deadline'>, today: string) => a.state !== 'replied' && a.deadline < today;

/** One assignment: the unit, 主办 or 协办, its state and deadline, overdue (while the matter is open), 签收 and 答复 with who and when, its 催办. */
export function AssignmentLine({ a, today, open }: { a: Assignment; today: string; open: boolean }) {
  return (
    <Space direction="vertical" size={2} className="min-w-0">
      <Space wrap size={4}>
        <Typography.Text strong>{a.unit}</Typography.Text>
        <Tag>{ASSIGNMENT_ROLE_LABEL[a.role]}</Tag>
        <Tag color={ASSIGNMENT_STATE_COLOR[a.state]}>{ASSIGNMENT_STATE_LABEL[a.state]}</Tag>
        {open && overdue(a, today) && <Tag color="red">已逾期</Tag>}
        <Typography.Text type="secondary">办理期限 {a.deadline}</Typography.Text>
      </Space>
      {a.acceptedAt && (
        <Typography.Text type="secondary">
          签收：{a.acceptedBy} {minute(a.acceptedAt)}
        </Typography.Text>
      )}
      {a.reply && (
        <span>
          答复（{a.repliedBy} {minute(a.repliedAt)}）：{a.reply}
        </span>
      )}
      {a.urges.length > 0 && (
        <Typography.Text type="secondary">
          催办 {a.urges.length} 次：{a.urges.map((u) => `${minute(u.at)}${u.auto ? '（系统逾期自动催办）' : `（${u.by}）`}`).join('；')}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 承办 as the office follows it: every assigned unit with its state, deadline and overdue tag, 催办
 * for those that have not replied, the 督办 ledger the 分办 opened, and 办结 once the 主办 unit replied.
 */
export function AssignmentList({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const can = useCan();
  const { run, busy } = useIncomingAction(onChanged);
  const [note, setNote] = useState('');
  const today = officeToday();
  const clerk = can('incoming.assign') && incoming.state === 'assigned';
  const lead = incoming.assignments.find((a) => a.role === 'lead');
  return (
    <section aria-labelledby="inc-assignments-title" className="inc-panel">
      <Typography.Title level={3} id="inc-assignments-title" className="inc-panel-title">
        承办情况
      </Typography.Title>
      {incoming.ledgerId !== null && (
        <Alert
          type="info"
          showIcon
          title={
            can('supervision.read') ? (
              <Link to={`/supervision/ledgers/${incoming.ledgerId}`}>已立项督办台账（第 {incoming.ledgerId} 号），查看台账</Link>
            ) : (
              `已立项督办台账（第 ${incoming.ledgerId} 号），由督查室审核交办`
            )
          }
        />
      )}
      <List
        size="small"
        dataSource={incoming.assignments}
        renderItem={(a) => (
          <List.Item
            key={a.id}
            actions={
              clerk && a.state !== 'replied'
                ? [
                    <Button key="urge" size="small" loading={busy} onClick={() => void run(() => urgeAssignment(incoming.id, a.id, incoming.version), `已催办${a.unit}`)}>
                      催办
                    </Button>,
                  ]
                : undefined
            }
          >
            <AssignmentLine a={a} today={today} open={incoming.state === 'assigned'} />
          </List.Item>
        )}
      />
      {incoming.state === 'concluded' && (
        <Alert type="success" showIcon title={`已办结（${incoming.concludedBy ?? ''} ${minute(incoming.concludedAt)}）`} description={incoming.conclusion ?? undefined} />
      )}
      {clerk &&
        (lead?.state === 'replied' ? (
          <Space direction="vertical" className="full-width">
            <Input.TextArea aria-label="办结意见" placeholder="办结意见（可不填）" value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
            <Popconfirm title="确认办结此件？" okText="办结" cancelText="取消" onConfirm={() => void run(() => concludeIncoming(incoming.id, note.trim() || null, incoming.version), '已办结')}>
              <Button type="primary" loading={busy}>
                办结
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary">主办单位答复后可办结</Typography.Text>
        ))}
    </section>
  );
}
