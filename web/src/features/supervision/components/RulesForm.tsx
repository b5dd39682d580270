import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { Rules, RulesView } from '../../../lib/api-types';
import { beijingTime } from '../../../lib/format';
import { saveRules } from '../api/rules-calendar';

/** One number of the rules: its place, its label, its unit, and how it is entered. */
interface Field {
  section: Exclude<keyof Rules, 'notices'> | 'notices';
  key: string;
  label: string;
  unit: string;
  /** Shares are stored 0–1 and entered as percent. */
  percent?: boolean;
  step?: number;
  min?: number;
  max?: number;
}

const SECTIONS: { title: string; help: string; fields: Field[] }[] = [
  {
    title: '三单一函',
    help: '按工作日计算，节假日与调休以工作日历为准',
    fields: [
      { section: 'notices', key: 'reminderBefore', label: '提醒单：时限前', unit: '个工作日', min: 1, max: 30 },
      { section: 'notices', key: 'urgeAfter', label: '催办单：时限后', unit: '个工作日', min: 1, max: 30 },
      { section: 'notices', key: 'superviseAfter', label: '督办单：时限后', unit: '个工作日', min: 1, max: 60 },
      { section: 'notices', key: 'transferAfter', label: '移交函：督办单后', unit: '个工作日', min: 1, max: 60 },
    ],
  },
  {
    title: '亮灯与红黑榜',
    help: '黄灯：临近时限或漏报进展；红灯：超期',
    fields: [
      { section: 'lights', key: 'yellowWithin', label: '黄灯：时限前', unit: '个工作日', min: 1, max: 30 },
      { section: 'lists', key: 'red', label: '红榜：按时办结率不低于', unit: '%', percent: true, min: 0, max: 100 },
      { section: 'lists', key: 'black', label: '黑榜：按时办结率低于', unit: '%', percent: true, min: 0, max: 100 },
    ],
  },
  {
    title: '考核分值',
    help: '加分填正数，扣分填负数',
    fields: [
      { section: 'scores', key: 'base', label: '基础分', unit: '分', min: 0, max: 1000 },
      { section: 'scores', key: 'doneLead', label: '办结：牵头单位', unit: '分', step: 0.5 },
      { section: 'scores', key: 'doneCooperating', label: '办结：配合单位', unit: '分', step: 0.5 },
      { section: 'scores', key: 'early', label: '提前办结', unit: '分', step: 0.5 },
      { section: 'scores', key: 'overdueLead', label: '超期：牵头单位', unit: '分', step: 0.5 },
      { section: 'scores', key: 'overdueCooperating', label: '超期：配合单位', unit: '分', step: 0.5 },
      { section: 'scores', key: 'reportLate', label: '迟报进展', unit: '分', step: 0.1 },
      { section: 'scores', key: 'reportMissed', label: '漏报进展', unit: '分', step: 0.1 },
      { section: 'scores', key: 'supervise', label: '每件督办单', unit: '分', step: 0.5 },
      { section: 'scores', key: 'transfer', label: '每件移交函', unit: '分', step: 0.5 },
    ],
  },
];

type FormValues = Record<string, Record<string, number | string>>;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The rules as the form holds them: shares in percent. */
function toForm(rules: Rules): FormValues {
  const values = structuredClone(rules) as unknown as FormValues;
  values.lists = { red: round(rules.lists.red * 100), black: round(rules.lists.black * 100) };
  return values;
}

function fromForm(values: FormValues): Rules {
  const rules = structuredClone(values) as unknown as Rules;
  rules.lists = { red: round(Number(values.lists?.red) / 100), black: round(Number(values.lists?.black) / 100) };
  return rules;
}

const valueOf = (rules: Rules, f: Field) => {
  const v = (rules[f.section] as Record<string, number | string>)[f.key];
  return f.percent && typeof v === 'number' ? `${round(v * 100)}%` : `${v}`;
};

/** The supervision rules as a form; read-only for those without supervision.rules. */
export function RulesForm({ view, editable, onSaved }: { view: RulesView; editable: boolean; onSaved: (next: RulesView) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  useEffect(() => form.setFieldsValue(toForm(view.rules)), [form, view]);

  const submit = async (values: FormValues) => {
    setSaving(true);
    try {
      const next = await saveRules(fromForm(values));
      message.success('督办规则已保存');
      onSaved(next);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues> form={form} layout="vertical" disabled={!editable} onFinish={(v) => void submit(v)} requiredMark={false}>
      <Typography.Paragraph type="secondary">
        {view.updatedAt ? `最近修改：${beijingTime(view.updatedAt)}，${view.updatedBy ?? ''}` : '尚未修改，使用默认规则'}
        {editable ? '' : '（仅督查室和管理员可以修改）'}
      </Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {SECTIONS.map((s) => (
          <Card key={s.title} size="small" title={s.title}>
            <Typography.Paragraph type="secondary">{s.help}</Typography.Paragraph>
            <Row gutter={16}>
              {s.fields.map((f) => (
                <Col key={`${f.section}.${f.key}`} xs={24} sm={12} lg={8} xl={6}>
                  <Form.Item
                    name={[f.section, f.key]}
                    label={f.label}
                    extra={`默认 ${valueOf(view.defaults, f)}`}
                    rules={[{ required: true, message: `请填写${f.label}` }]}
                  >
                    <InputNumber style={{ width: '100%' }} step={f.step ?? 1} min={f.min} max={f.max} suffix={f.unit} />
                  </Form.Item>
                </Col>
              ))}
              {s.title === '三单一函' && (
                <Col xs={24} sm={12} lg={8} xl={6}>
                  <Form.Item name={['notices', 'transferTo']} label="移交函：移交单位" extra={`默认 ${view.defaults.notices.transferTo}`} rules={[{ required: true, whitespace: true, message: '请填写移交单位' }]}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Card>
        ))}
        {editable && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存规则
            </Button>
            <Button onClick={() => form.setFieldsValue(toForm(view.rules))}>撤销未保存的修改</Button>
            <Popconfirm title="把表单恢复为默认规则？" description="恢复后还需点“保存规则”才生效" okText="恢复" cancelText="取消" onConfirm={() => form.setFieldsValue(toForm(view.defaults))}>
              <Button>恢复默认值</Button>
            </Popconfirm>
          </Space>
        )}
      </Space>
    </Form>
  );
}
