import { Form, Input, Modal } from 'antd';

export interface TextModalProps {
  open: boolean;
  title: string;
  label: string;
  okText?: string;
  required?: string;
  placeholder?: string;
  max?: number;
  danger?: boolean;
  busy?: boolean;
  onCancel: () => void;
  /** Resolves true when done: the modal closes. */
  onSubmit: (text: string) => Promise<boolean>;
}

/** One piece of text asked for before a step: a reason, an opinion, the 办结情况. */
export function TextModal({ open, title, label, okText = '确定', required, placeholder, max = 1000, danger, busy, onCancel, onSubmit }: TextModalProps) {
  const [form] = Form.useForm<{ text: string }>();
  const submit = async () => {
    const { text } = await form.validateFields();
    if (await onSubmit(text.trim())) onCancel();
  };
  return (
    <Modal open={open} title={title} okText={okText} cancelText="取消" okButtonProps={{ danger, loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ text: '' }}>
        <Form.Item name="text" label={label} rules={required ? [{ required: true, whitespace: true, message: required }] : []}>
          <Input.TextArea autoFocus rows={4} maxLength={max} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
