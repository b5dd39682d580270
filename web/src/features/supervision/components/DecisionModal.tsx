import { Form, Input, Modal, Radio } from 'antd';

export interface DecisionModalProps {
  open: boolean;
  title: string;
  yes: string;
  no: string;
  /** What the opinion is called; a "no" must say why. */
  opinionLabel?: string;
  busy?: boolean;
  onCancel: () => void;
  onSubmit: (yes: boolean, opinion: string) => Promise<boolean>;
  children?: React.ReactNode;
}

/** 核验 (通过 / 退回) and 延期审批 (批准 / 驳回): a choice and an opinion, required when it is no. */
export function DecisionModal({ open, title, yes, no, opinionLabel = '意见', busy, onCancel, onSubmit, children }: DecisionModalProps) {
  const [form] = Form.useForm<{ yes: boolean; opinion: string }>();
  const choice = Form.useWatch('yes', form);
  const submit = async () => {
    const v = await form.validateFields();
    if (await onSubmit(v.yes, (v.opinion ?? '').trim())) onCancel();
  };
  return (
    <Modal open={open} title={title} okText="提交" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden>
      {children}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ yes: true, opinion: '' }}>
        <Form.Item name="yes" label="结论">
          <Radio.Group
            options={[
              { value: true, label: yes },
              { value: false, label: no },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="opinion"
          label={opinionLabel}
          dependencies={['yes']}
          rules={choice === false ? [{ required: true, whitespace: true, message: `${no}时请写明${opinionLabel}` }] : []}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
