import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { ArchiveSettingsState, IncomingView, Retention } from '../../../lib/api-types';
import { archiveIncoming, RETENTIONS } from '../api/archive';

interface Values {
  retention: Retention;
  unit?: string;
  pages?: number | null;
  note?: string;
}

/**
 * 归档 of one registration: the 保管期限 (the default the server proposes for its kind, the clerk
 * may choose another), the 机构（问题） where the office uses that level, 页数 and 备注. The server
 * gives the 档号; a refusal is its Chinese reason.
 */
export function ArchiveDialog({ incoming, retention, settings, onClose, onDone }: { incoming: IncomingView; retention: Retention; settings: ArchiveSettingsState['settings']; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const units = settings?.units ?? [];

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const done = await archiveIncoming(incoming.id, { retention: v.retention, unit: v.unit ?? null, pages: v.pages ?? null, note: v.note?.trim() || null, version: incoming.version });
      message.success(`${incoming.serial} 已归档，档号 ${done.archive?.code ?? ''}`);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title="归档" okText="归档" cancelText="取消" okButtonProps={{ loading: busy, htmlType: 'submit', form: 'inc-archive' }} onCancel={onClose} destroyOnHidden>
      <p>
        {incoming.serial} {incoming.title}
      </p>
      <Form id="inc-archive" form={form} layout="vertical" initialValues={{ retention }} onFinish={(v) => void submit(v)}>
        <Form.Item name="retention" label="保管期限" rules={[{ required: true, message: '请选择保管期限' }]} extra={`按归档设置，此件默认 ${retention}`}>
          <Select options={RETENTIONS.map((r) => ({ value: r, label: r }))} aria-label="保管期限" />
        </Form.Item>
        {units.length > 0 && (
          <Form.Item name="unit" label="机构（问题）" rules={[{ required: true, message: '请选择机构（问题）' }]}>
            <Select options={units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))} aria-label="机构（问题）" />
          </Form.Item>
        )}
        <Form.Item name="pages" label="页数（可不填）">
          <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} aria-label="页数" />
        </Form.Item>
        <Form.Item name="note" label="备注（可不填）" rules={[{ max: 500, message: '不能超过 500 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
