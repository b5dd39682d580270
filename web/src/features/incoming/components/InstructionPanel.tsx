import { Button, Form, Input, List, Space, Tag, Typography } from 'antd';
import type { IncomingView, InstructionStep } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { useCan } from '../../../lib/authorization';
import { beijingTime } from '../../../lib/format';
import { instructIncoming } from '../api/incoming';
import { useIncomingAction } from './use-incoming-action';

const STEP_STATE: Record<InstructionStep['state'], { label: string; color: string }> = {
  waiting: { label: '未轮到', color: 'default' },
  pending: { label: '待批示', color: 'gold' },
  done: { label: '已批示', color: 'green' },
  cancelled: { label: '已取消', color: 'default' },
};

const ACTION_LABEL: Record<NonNullable<InstructionStep['action']>, string> = { instruct: '批示', circle: '圈阅', pass: '转批', return: '退回拟办' };

/**
 * 批示: every leader's turn with its time, and for the signed-in leader whose turn it is, the
 * instruction (批示 with words, or 圈阅, the one-click read mark).
 */
export function InstructionPanel({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const { me } = useAuth();
  const can = useCan();
  const { run, busy } = useIncomingAction(onChanged);
  const [form] = Form.useForm<{ text?: string }>();
  const mine = incoming.instructions.find((s) => s.state === 'pending' && s.leader === me?.user.username);
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
                {s.actedAt && <Typography.Text type="secondary">{beijingTime(s.actedAt).slice(0, 16)}</Typography.Text>}
              </Space>
              {s.text && <span>{s.text}</span>}
            </Space>
          </List.Item>
        )}
      />
      {mine && can('incoming.instruct') && (
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
          </Space>
        </Form>
      )}
    </section>
  );
}
