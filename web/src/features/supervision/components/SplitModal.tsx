import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import type { ItemView } from '../../../lib/api-types';

interface Props {
  open: boolean;
  item: ItemView | null;
  busy?: boolean;
  onCancel: () => void;
  onSubmit: (texts: string[]) => Promise<boolean>;
}

/** The first cut: at 。 or ； into sentences, which the office then adjusts. */
function sentences(text: string): string[] {
  const parts = text.split(/(?<=[。；])/).map((s) => s.trim()).filter(Boolean);
  return parts.length >= 2 ? parts : [text, ''];
}

/** 拆分: one item into several, each keeping the source, units and deadline. */
export function SplitModal({ open, item, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ texts: string[] }>();
  const submit = async () => {
    const v = await form.validateFields();
    if (await onSubmit(v.texts.map((t) => t.trim()))) onCancel();
  };
  return (
    <Modal open={open} title={item ? `拆分事项 ${item.seq}` : '拆分事项'} okText="拆分" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden width={720}>
      {item && (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ texts: sentences(item.text) }}>
          <Form.List name="texts" rules={[{ validator: (_r, v: string[]) => (v.length >= 2 ? Promise.resolve() : Promise.reject(new Error('至少拆成两项'))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, i) => (
                  <div key={field.key} className="sv-split-line">
                    <Form.Item name={field.name} label={`第 ${i + 1} 项`} rules={[{ required: true, whitespace: true, message: '拆分后的内容不能为空' }]} className="sv-grow">
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除第 ${i + 1} 项`} onClick={() => remove(field.name)} disabled={fields.length <= 2} />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 20}>
                  再加一项
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
