import { Alert, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { get, put } from '../../../lib/api-client';
import type { UnitMailbox } from '../../../lib/api-types';
import { beijingTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { UnitNameInput } from './UnitNameInput';
import { useAction } from './use-action';

const URL = '/api/supervision/mailboxes';

/**
 * 文书邮箱: the address each unit's 督办文书 are mailed to (with the .docx), when the server has an
 * SMTP server configured. Setting one reaches the notices issued from then on.
 */
export function MailboxesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const list = useApi((signal) => (open ? get<UnitMailbox[]>(URL, undefined, signal) : Promise.resolve([])), [open]);
  const { run, busy } = useAction(list.reload);
  const [form] = Form.useForm<{ unit: string; address: string }>();
  const save = async (values: { unit: string; address: string }) => {
    const done = await run(() => put<UnitMailbox>(URL, { unit: values.unit, address: values.address }), `已设置 ${values.unit} 的邮箱`);
    if (done) form.resetFields();
  };
  return (
    <Modal title="文书邮箱" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={720} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="签发的督办文书除进入单位的收件箱外，还会连同 .docx 发到这里设置的邮箱（服务器须配置 DUBAN_SMTP_URL）。新设置的邮箱只接收此后签发的文书。"
      />
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} style={{ marginBottom: 16 }} requiredMark={false}>
        <Form.Item name="unit" label="单位" rules={[{ required: true, message: '请选择单位' }]} style={{ minWidth: 260, flex: 1 }}>
          <UnitNameInput aria-label="单位" />
        </Form.Item>
        <Form.Item name="address" label="邮箱" rules={[{ required: true, message: '请填写邮件地址' }, { type: 'email', message: '邮件地址应形如 dcs@example.gov.cn' }]} style={{ minWidth: 240, flex: 1 }}>
          <Input placeholder="如 zjj@example.gov.cn" autoComplete="email" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Form.Item>
      </Form>
      <Table<UnitMailbox>
        rowKey="unit"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未设置任何单位的邮箱' }}
        columns={[
          { title: '单位', dataIndex: 'unit' },
          { title: '邮箱', dataIndex: 'address' },
          { title: '设置', key: 'set', render: (_, m) => <Typography.Text type="secondary">{beijingTime(m.setAt).slice(0, 16)} {m.setBy}</Typography.Text> },
          {
            title: '操作',
            key: 'ops',
            render: (_, m) => (
              <Space>
                <Button size="small" onClick={() => form.setFieldsValue({ unit: m.unit, address: m.address ?? '' })}>
                  修改
                </Button>
                <Popconfirm title={`不再向 ${m.unit} 发送文书邮件？`} okText="取消邮箱" cancelText="保留" onConfirm={() => void run(() => put<UnitMailbox>(URL, { unit: m.unit, address: null }), `已取消 ${m.unit} 的邮箱`)}>
                  <Button size="small" danger>
                    取消邮箱
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
