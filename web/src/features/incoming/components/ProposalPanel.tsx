import { Alert, Button, Form, Input, Radio, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import type { IncomingView } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { fetchProposalDraft, proposeIncoming } from '../api/incoming';
import { useIncomingAction } from './use-incoming-action';

interface Values {
  text: string;
  leaders: string[];
  mode: 'sequence' | 'parallel';
  lead?: string;
  cooperating: string[];
}

/**
 * 拟办: the clerk's proposal, drafted by Duban from the document (the leaders to 呈批 from the
 * leaders' areas, the lead and cooperating units, what to produce by when), edited and submitted
 * to the leaders one after another or all at once.
 */
export function ProposalPanel({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const draft = useApi((signal) => fetchProposalDraft(incoming.id, signal), [incoming.id, incoming.version]);
  const [form] = Form.useForm<Values>();
  const { run, busy } = useIncomingAction(onChanged);
  const d = draft.data;
  useEffect(() => {
    if (!d) return;
    const previous = incoming.submittedProposal;
    form.setFieldsValue({
      text: previous?.text ?? d.text,
      leaders: previous?.leaders.map((l) => l.username) ?? d.leaders.map((l) => l.username),
      mode: previous?.mode ?? 'sequence',
      lead: previous?.lead ?? d.lead ?? undefined,
      cooperating: previous?.cooperating ?? d.cooperating,
    });
  }, [d, form, incoming.submittedProposal]);
  if (draft.error) return <Alert type="error" showIcon title="拟办草稿未能载入" description={draft.error.message} />;
  if (!d) return <Skeleton active paragraph={{ rows: 4 }} />;
  const submit = (v: Values) =>
    run(() => proposeIncoming(incoming.id, { text: v.text.trim(), leaders: v.leaders, mode: v.mode, lead: v.lead?.trim() || null, cooperating: v.cooperating, version: incoming.version }), '拟办意见已提交，待领导批示');
  return (
    <section aria-labelledby="inc-propose-title" className="inc-panel">
      <Typography.Title level={3} id="inc-propose-title" className="inc-panel-title">
        拟办{incoming.state === 'sent-back' ? '（领导退回，请修改后重新提交）' : ''}
      </Typography.Title>
      {d.unmapped.length > 0 && <Alert type="warning" showIcon title={`以下单位未能对应到本机关的部门，请核对：${d.unmapped.join('、')}`} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="text" label="拟办意见" rules={[{ required: true, whitespace: true, message: '请填写拟办意见' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="leaders" label="呈批领导" rules={[{ required: true, message: '请选择至少一位领导' }]} extra="依次批示时按所选顺序">
          <Select mode="multiple" options={d.choices.map((c) => ({ value: c.username, label: c.name }))} placeholder="选择领导" />
        </Form.Item>
        <Form.Item name="mode" label="批示方式">
          <Radio.Group
            options={[
              { value: 'sequence', label: '依次批示' },
              { value: 'parallel', label: '同时批示' },
            ]}
          />
        </Form.Item>
        <Form.Item name="lead" label="牵头单位">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="cooperating" label="配合单位">
          <Select mode="tags" tokenSeparators={['、', '，', ',']} placeholder="输入单位名称后回车" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交拟办
        </Button>
      </Form>
    </section>
  );
}
