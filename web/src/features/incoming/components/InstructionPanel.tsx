import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { IncomingView, InstructionStep, LeaderChoice } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { useCan } from '../../../lib/authorization';
import { beijingTime } from '../../../lib/format';
import { fetchLeaderChoices, instructIncoming } from '../api/incoming';
import '../incoming-flow.css';
import { useIncomingAction } from './use-incoming-action';

const STEP_STATE: Record<InstructionStep['state'], { label: string; color: string }> = {
  waiting: { label: '未轮到', color: 'default' },
  pending: { label: '待批示', color: 'gold' },
  done: { label: '已批示', color: 'green' },
  cancelled: { label: '已取消', color: 'default' },
};

const ACTION_LABEL: Record<NonNullable<InstructionStep['action']>, string> = { instruct: '批示', circle: '圈阅', pass: '转批', return: '退回拟办' };

/** 退回拟办: the reason is asked in a dialog of its own (it ends the round: a confirmation). */
function ReturnModal({ onCancel, onReturn, busy }: { onCancel: () => void; onReturn: (reason: string) => Promise<void>; busy: boolean }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title="退回拟办"
      okText="退回"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy, htmlType: 'submit', form: 'inc-return' }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <p>退回后本轮批示结束，收文员修改拟办意见后重新呈批。</p>
      <Form id="inc-return" form={form} layout="vertical" onFinish={(v) => void onReturn(v.reason.trim())}>
        <Form.Item name="reason" label="退回理由" rules={[{ required: true, whitespace: true, message: '退回拟办须写明理由' }, { max: 4000, message: '不能超过 4000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus placeholder="如：请补充协办单位的分工" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const leaderLabel = (l: LeaderChoice) => [l.name, l.title, l.areas.length > 0 ? `分管${l.areas.join('、')}` : null].filter(Boolean).join(' · ');

/**
 * 批示: every leader's turn with its time, and for the signed-in leader whose turn it is, every
 * act the server takes: 批示 with words, 圈阅 (one click), 转批 to another leader (who takes the
 * turn at once, the words written here going with it) and 退回拟办 with a reason. 转批 and 退回 are
 * confirmed first; a 转批 goes to one leader at a time (the API passes to one).
 */
export function InstructionPanel({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const { me } = useAuth();
  const can = useCan();
  const { run, busy } = useIncomingAction(onChanged);
  const [form] = Form.useForm<{ text?: string }>();
  const { modal } = App.useApp();
  const mine = incoming.instructions.find((s) => s.state === 'pending' && s.leader === me?.user.username);
  const [leaders, setLeaders] = useState<LeaderChoice[]>([]);
  const [passTo, setPassTo] = useState<string>();
  const [returning, setReturning] = useState(false);
  const myTurn = mine !== undefined && can('incoming.instruct');
  useEffect(() => {
    if (!myTurn) return;
    const controller = new AbortController();
    fetchLeaderChoices(controller.signal)
      .then((r) => setLeaders(r.leaders))
      .catch(() => setLeaders([]));
    return () => controller.abort();
  }, [myTurn]);
  // Not oneself, nor a leader whose turn in this round is still open (the server refuses both).
  const open = new Set(incoming.instructions.filter((s) => s.state === 'pending' || s.state === 'waiting').map((s) => s.leader));
  const passable = leaders.filter((l) => l.username !== me?.user.username && !open.has(l.username));
  const pass = () => {
    const to = passable.find((l) => l.username === passTo);
    if (!to) return;
    const text = (form.getFieldValue('text') as string | undefined)?.trim() || null;
    modal.confirm({
      title: `转批给${to.name}？`,
      content: text ? `您的意见“${text}”随件转去，转批后由${to.name}批示。` : `转批后由${to.name}批示，您在此件的环节即办理完毕。`,
      okText: '转批',
      cancelText: '取消',
      onOk: () => run(() => instructIncoming(incoming.id, { action: 'pass', to: to.username, text, version: incoming.version }), `已转批给${to.name}`),
    });
  };
  const act = (action: 'instruct' | 'circle') => {
    const text = form.getFieldValue('text') as string | undefined;
    if (action === 'instruct' && !text?.trim()) {
      void form.validateFields();
      return;
    }
    void run(() => instructIncoming(incoming.id, { action, text: action === 'instruct' ? text!.trim() : null, version: incoming.version }), action === 'circle' ? '已圈阅' : '已批示');
  };
  return (
    <section aria-labelledby="inc-instruct-title" className="inc-panel">
      <Typography.Title level={3} id="inc-instruct-title" className="inc-panel-title">
        领导批示
      </Typography.Title>
      <List
        size="small"
        dataSource={incoming.instructions.filter((s) => s.state !== 'cancelled')}
        locale={{ emptyText: '尚未呈批' }}
        renderItem={(s) => (
          <List.Item key={s.id}>
            <Space direction="vertical" size={0}>
              <Space wrap size={4}>
                <Typography.Text strong>{s.leaderName}</Typography.Text>
                <Tag color={STEP_STATE[s.state].color}>{s.action ? ACTION_LABEL[s.action] : STEP_STATE[s.state].label}</Tag>
                {s.passedFrom && <Typography.Text type="secondary">由{incoming.instructions.find((o) => o.leader === s.passedFrom)?.leaderName ?? s.passedFrom}转来</Typography.Text>}
                {s.actedAt && <Typography.Text type="secondary">{beijingTime(s.actedAt).slice(0, 16)}</Typography.Text>}
              </Space>
              {s.text && <span>{s.text}</span>}
            </Space>
          </List.Item>
        )}
      />
      {myTurn && (
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="text" label="批示意见" rules={[{ required: true, whitespace: true, message: '请写批示，或点“圈阅”' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" loading={busy} onClick={() => act('instruct')}>
              批示
            </Button>
            <Button loading={busy} onClick={() => act('circle')}>
              圈阅
            </Button>
            <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              退回拟办
            </Button>
          </Space>
          <div className="inc-instruct-more">
            <Select
              aria-label="转批给领导"
              placeholder="转批给其他领导"
              value={passTo}
              onChange={setPassTo}
              options={passable.map((l) => ({ value: l.username, label: leaderLabel(l) }))}
              notFoundContent="没有可转批的领导"
            />
            <Button icon={<SwapOutlined />} disabled={!passTo} loading={busy} onClick={pass}>
              转批
            </Button>
          </div>
        </Form>
      )}
      {returning && (
        <ReturnModal
          busy={busy}
          onCancel={() => setReturning(false)}
          onReturn={async (reason) => {
            await run(() => instructIncoming(incoming.id, { action: 'return', text: reason, version: incoming.version }), '已退回拟办');
            setReturning(false);
          }}
        />
      )}
    </section>
  );
}
