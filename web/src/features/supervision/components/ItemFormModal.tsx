import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemView, NewItem, ReportCycle, UnitRole } from '../../../lib/api-types';
import { UNIT_ROLE_TITLE, UNIT_ROLES } from '../../../lib/labels';
import { UnitNameInput } from './UnitNameInput';

interface Values {
  text: string;
  units: { role: UnitRole; name: string }[];
  deadline: Dayjs | null;
  deadlineText: string;
  cycleKind: ReportCycle['kind'];
  cycleDay: number;
  cycleDates: string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function initial(item: ItemView | null): Values {
  const cycle = item?.cycle ?? { kind: 'monthly', day: 5 };
  return {
    text: item?.text ?? '',
    units: item ? item.units.map((u) => ({ role: u.role, name: u.canonical ?? u.name })) : [{ role: 'lead', name: '' }],
    deadline: item?.deadline ? dayjs(item.deadline) : null,
    deadlineText: item?.deadlineText ?? '',
    cycleKind: cycle.kind,
    cycleDay: cycle.kind === 'monthly' ? cycle.day : 5,
    cycleDates: cycle.kind === 'dates' ? cycle.dates : [],
  };
}

function cycleOf(v: Values): ReportCycle {
  if (v.cycleKind === 'monthly') return { kind: 'monthly', day: v.cycleDay };
  if (v.cycleKind === 'dates') return { kind: 'dates', dates: [...v.cycleDates].sort() };
  return { kind: 'none' };
}

interface Props {
  open: boolean;
  /** null: a new item added by hand. */
  item: ItemView | null;
  busy?: boolean;
  onCancel: () => void;
  onSubmit: (body: NewItem) => Promise<boolean>;
}

/** 编辑事项 / 新增事项: the text, its units by role, the deadline (date and as written), the reporting cycle. */
export function ItemFormModal({ open, item, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('cycleKind', form);
  const submit = async () => {
    const v = await form.validateFields();
    const body: NewItem = {
      text: v.text.trim(),
      units: v.units.filter((u) => u.name?.trim()).map((u) => ({ role: u.role, name: u.name.trim() })),
      deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      deadlineText: v.deadlineText.trim() || null,
      cycle: cycleOf(v),
    };
    if (await onSubmit(body)) onCancel();
  };
  return (
    <Modal
      open={open}
      title={item ? `编辑事项 ${item.seq}` : '新增事项'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial(item)}>
        <Form.Item name="text" label="任务内容" rules={[{ required: true, whitespace: true, message: '请输入任务内容' }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label="承办单位" required>
          <Form.List name="units">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" className="full-width">
                {fields.map((field, i) => (
                  <div key={field.key} className="sv-unit-line">
                    <Form.Item name={[field.name, 'role']} noStyle>
                      <Select aria-label={`第 ${i + 1} 个单位的角色`} className="sv-unit-role" options={UNIT_ROLES.map((r) => ({ value: r, label: UNIT_ROLE_TITLE[r] }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}>
                      <UnitNameInput aria-label={`第 ${i + 1} 个单位的名称`} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除第 ${i + 1} 个单位`} onClick={() => remove(field.name)} />
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ role: fields.length === 0 ? 'lead' : 'responsible', name: '' })}>
                  添加单位
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <div className="sv-form-row">
          <Form.Item name="deadline" label="完成时限">
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item name="deadlineText" label="时限原文" tooltip="文件中的写法，如“3月底前”“长期坚持”">
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="cycleKind" label="报送周期">
          <Radio.Group
            options={[
              { value: 'monthly', label: '每月' },
              { value: 'dates', label: '指定日期' },
              { value: 'none', label: '不定期' },
            ]}
          />
        </Form.Item>
        {kind === 'monthly' && (
          <Form.Item name="cycleDay" label="每月报送日（之前）" rules={[{ required: true, message: '请填写日期' }]}>
            <InputNumber min={1} max={28} precision={0} prefix="每月" suffix="日前" />
          </Form.Item>
        )}
        {kind === 'dates' && (
          <Form.Item
            name="cycleDates"
            label="报送日期"
            rules={[
              { required: true, message: '请至少填写一个日期' },
              { validator: (_r, v: string[] | undefined) => ((v ?? []).every((d) => ISO_DAY.test(d) && dayjs(d).isValid()) ? Promise.resolve() : Promise.reject(new Error('日期应写作 2026-12-31'))) },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="输入日期后回车，如 2026-12-31" open={false} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
