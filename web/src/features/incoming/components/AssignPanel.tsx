import { Alert, Button, DatePicker, Form, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { IncomingView } from '../../../lib/api-types';
import { DEADLINE_SOURCE_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { assignIncoming, fetchAssignDraft } from '../api/assign';
import { UnitPicker } from './UnitPicker';
import { useIncomingAction } from './use-incoming-action';

interface Values {
  lead?: string;
  cooperating: string[];
  deadline?: Dayjs | null;
}

/**
 * 分办: the clerk gives an instructed 办件 to its 主办 and 协办 units, prefilled from the submitted
 * 拟办, with the deadline Duban computed (the date the document sets, else the default working
 * days on the official calendar) to keep or change. When the document has measures the same step
 * opens its 督办 ledger; the list of assignments (AssignmentList) links to it afterwards.
 */
export function AssignPanel({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const draft = useApi((signal) => fetchAssignDraft(incoming.id, signal), [incoming.id, incoming.version]);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useIncomingAction(onChanged);
  const d = draft.data;
  useEffect(() => {
    if (!d) return;
    form.setFieldsValue({
      lead: d.lead !== null && !d.unknown.includes(d.lead) ? d.lead : undefined,
      cooperating: d.cooperating.filter((u) => !d.unknown.includes(u)),
      deadline: dayjs(d.deadline),
    });
  }, [d, form]);
  if (draft.error) return <Alert type="error" showIcon title="分办信息未能载入" description={draft.error.message} />;
  if (!d) return <Skeleton active paragraph={{ rows: 3 }} />;
  const submit = (v: Values) =>
    run(
      () => assignIncoming(incoming.id, { lead: v.lead ?? '', cooperating: v.cooperating ?? [], deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null, version: incoming.version }),
      d.opensLedger ? '已分办，并已立项督办台账' : '已分办',
    );
  const source = d.deadlineSource === 'default' ? `${d.workingDays} 个工作日（${DEADLINE_SOURCE_LABEL.default}）` : DEADLINE_SOURCE_LABEL[d.deadlineSource];
  return (
    <section aria-labelledby="inc-assign-title" className="inc-panel">
      <Typography.Title level={3} id="inc-assign-title" className="inc-panel-title">
        分办
      </Typography.Title>
      {d.unknown.length > 0 && <Alert type="warning" showIcon title={`拟办意见中的以下单位不在单位目录中，请重新选择：${d.unknown.join('、')}`} />}
      {d.opensLedger && <Alert type="info" showIcon title="来文有工作措施：分办时将同时立项督办台账，由督查室审核交办" />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="lead" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="cooperating" label="协办单位">
          <UnitPicker multiple />
        </Form.Item>
        <Form.Item name="deadline" label="办理期限" extra={`默认：${d.deadline}（${source}）`} rules={[{ required: true, message: '请选择办理期限' }]}>
          <DatePicker className="full-width" disabledDate={(day) => day.format('YYYY-MM-DD') < d.today} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          分办
        </Button>
      </Form>
    </section>
  );
}
