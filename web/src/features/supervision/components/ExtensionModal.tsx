import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ExtensionRequest } from '../../../lib/api-types';

interface Props {
  open: boolean;
  busy?: boolean;
  deadline: string | null;
  onCancel: () => void;
  onSubmit: (body: ExtensionRequest) => Promise<boolean>;
}

/** 申请延期: the date asked (after the current deadline) and why. */
export function ExtensionModal({ open, busy, deadline, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ asked: Dayjs; reason: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    if (await onSubmit({ asked: v.asked.format('YYYY-MM-DD'), reason: v.reason.trim() })) onCancel();
  };
  const after = deadline ? dayjs(deadline) : null;
  return (
    <Modal open={open} title="申请延期" okText="提交申请" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="asked" label="申请延至" rules={[{ required: true, message: '请选择申请延至的日期' }]}>
          <DatePicker className="full-width" disabledDate={(d) => (after ? !d.isAfter(after, 'day') : false)} />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
