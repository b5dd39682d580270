import { Form, Input, Modal, Radio } from 'antd';
import { useNavigate } from 'react-router-dom';
import { openLedger } from '../api/supervision';
import { useAction } from './use-action';

interface Values {
  sourceKind: 'instruction' | 'meeting';
  title: string;
  sourceNote: string;
}

/** 立项 from a 领导批示件 or a 会议议定事项: a title and where it came from; items are added by hand. */
export function OpenLedgerModal({ open, onCancel }: { open: boolean; onCancel: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { run, busy } = useAction(() => {});
  const kind = Form.useWatch('sourceKind', form);
  const submit = async () => {
    const v = await form.validateFields();
    const ledger = await run(() => openLedger({ sourceKind: v.sourceKind, title: v.title.trim(), sourceNote: v.sourceNote.trim() }), '已立项，请添加督办事项');
    if (ledger) {
      onCancel();
      navigate(`/supervision/ledgers/${ledger.id}`);
    }
  };
  return (
    <Modal open={open} title="新建督办台账" okText="立项" cancelText="取消" okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ sourceKind: 'instruction', title: '', sourceNote: '' }}>
        <Form.Item name="sourceKind" label="来源">
          <Radio.Group
            options={[
              { value: 'instruction', label: '领导批示件' },
              { value: 'meeting', label: '会议议定事项' },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={200} placeholder={kind === 'meeting' ? '如：县政府第12次常务会议议定事项' : '如：关于冬季供暖保障工作的批示'} />
        </Form.Item>
        <Form.Item name="sourceNote" label={kind === 'meeting' ? '会议名称与时间' : '批示领导与时间'} rules={[{ required: true, whitespace: true, message: '请说明来源（批示领导或会议名称、时间）' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
