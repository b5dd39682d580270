import { Form, Input, InputNumber, Modal } from 'antd';
import type { ReportRequest } from '../../../lib/api-types';

interface Props {
  open: boolean;
  busy?: boolean;
  /** The last report's percent: a new one starts from there. */
  percent?: number;
  onCancel: () => void;
  onSubmit: (body: ReportRequest) => Promise<boolean>;
}

/** 报送进展: what was done, what is in the way, what needs the office, what comes next, how far. */
export function ReportModal({ open, busy, percent = 0, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<ReportRequest>();
  const submit = async () => {
    const v = await form.validateFields();
    if (await onSubmit({ ...v, progress: v.progress.trim() })) onCancel();
  };
  return (
    <Modal open={open} title="报送进展" okText="报送" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ progress: '', problems: '', coordination: '', nextSteps: '', percent }}>
        <Form.Item name="progress" label="工作进展" rules={[{ required: true, whitespace: true, message: '请填写工作进展' }]}>
          <Input.TextArea autoFocus rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="problems" label="问题困难">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="coordination" label="需协调事项">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextSteps" label="下一步工作">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="percent" label="完成百分比" rules={[{ required: true, message: '请填写完成百分比' }]}>
          <InputNumber min={0} max={100} precision={0} suffix="%" className="sv-percent" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
