import { CheckCircleOutlined, ReadOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { IncomingKind, IncomingView } from '../../../lib/api-types';
import { reviewIncoming } from '../api/incoming';

type Mode = { kind: IncomingKind } | { returned: true };

const dialogTitle = (mode: Mode) => ('returned' in mode ? '退回来文单位' : `初审：${mode.kind}`);

function ReviewModal({ incoming, mode, onClose, onDone }: { incoming: IncomingView; mode: Mode; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const [busy, setBusy] = useState(false);
  const returning = 'returned' in mode;

  const submit = async ({ text }: { text?: string }) => {
    setBusy(true);
    try {
      const body = returning ? { returned: true as const, reason: (text ?? '').trim(), version: incoming.version } : { kind: mode.kind, note: text?.trim() || null, version: incoming.version };
      await reviewIncoming(incoming.id, body);
      message.success(returning ? `${incoming.serial} 已退回` : `${incoming.serial} 已初审为${mode.kind}`);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      // Someone reviewed it first: what is there now is shown, and the dialog closes.
      if (e instanceof ApiError && e.status === 409) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={dialogTitle(mode)}
      okText={returning ? '退回' : '确定'}
      cancelText="取消"
      okButtonProps={{ danger: returning, loading: busy, htmlType: 'submit', form: 'inc-review' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>
        {incoming.serial} {incoming.title}
      </p>
      <Form id="inc-review" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="text"
          label={returning ? '退回理由' : '初审意见（可不填）'}
          rules={returning ? [{ required: true, whitespace: true, message: '退回须写明理由' }, { max: 2000, message: '不能超过 2000 字' }] : [{ max: 2000, message: '不能超过 2000 字' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus placeholder={returning ? '如：文号有误，请更正后重新报送' : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 初审 for those who may register: 办件 or 阅件 while the registration waits; once sorted the
 * sorting may still be corrected (the server refuses it once later steps have begun); 退回 only
 * before 初审, with a reason. A returned registration has nothing left to do here. onChanged: it
 * changed (or someone else changed it first): the page loads it again.
 */
export function ReviewActions({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const [mode, setMode] = useState<Mode | null>(null);
  // Once a 拟办 is submitted the sorting stands (the server refuses a change).
  if (incoming.state !== 'registered' && incoming.state !== 'reviewed') return null;
  const other: IncomingKind | null = incoming.kind === '办件' ? '阅件' : incoming.kind === '阅件' ? '办件' : null;
  return (
    <>
      <Space wrap className="no-print">
        {incoming.state === 'registered' ? (
          <>
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setMode({ kind: '办件' })}>
              办件
            </Button>
            <Button icon={<ReadOutlined />} onClick={() => setMode({ kind: '阅件' })}>
              阅件
            </Button>
            <Button danger icon={<RollbackOutlined />} onClick={() => setMode({ returned: true })}>
              退回
            </Button>
          </>
        ) : (
          other && <Button onClick={() => setMode({ kind: other })}>改为{other}</Button>
        )}
      </Space>
      {mode && (
        <ReviewModal
          incoming={incoming}
          mode={mode}
          onClose={() => setMode(null)}
          onDone={() => {
            setMode(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
