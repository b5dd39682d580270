import { Alert, Button, Card, Empty, Form, Input, List, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { AssignedItem, AssignmentState } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { ASSIGNMENT_STATE_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { acceptAssignment, fetchAssignedToMe, replyAssignment } from '../api/assign';
import { AssignmentLine } from '../components/AssignmentList';
import { useIncomingAction } from '../components/use-incoming-action';
import '../incoming.css';

const FILTERS: AssignmentState[] = ['pending', 'accepted', 'replied'];

/** The 答复 form: what the unit did, sent to the office as the reply. */
function ReplyModal({ item, onClose, onDone }: { item: AssignedItem | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const { run, busy } = useIncomingAction(() => {
    form.resetFields();
    onDone();
  });
  if (item === null) return null;
  const submit = ({ text }: { text: string }) => run(() => replyAssignment(item.incoming.id, item.assignment.id, text.trim(), item.incoming.version), '已答复');
  return (
    <Modal open title={`答复：${item.incoming.serial}`} okText="提交答复" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{item.incoming.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="text" label="答复内容" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} placeholder="办理情况与结果" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 我的承办: what was assigned to the unit — to sign for (签收), in hand, answered — with deadlines and overdue ones marked. */
export function HandlingPage() {
  const { me } = useAuth();
  const list = useApi((signal) => fetchAssignedToMe(signal), []);
  const [filter, setFilter] = useState<AssignmentState>('pending');
  const [replying, setReplying] = useState<AssignedItem | null>(null);
  const { run, busy } = useIncomingAction(list.reload);
  if (list.error) return <ErrorResult standalone error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const count = (s: AssignmentState) => items.filter((i) => i.assignment.state === s).length;
  const shown = items.filter((i) => i.assignment.state === filter);
  const open = (i: AssignedItem) => i.incoming.state === 'assigned' && i.assignment.state !== 'replied';
  return (
    <PageContainer title="我的承办" breadcrumb={[{ title: '首页', to: '/' }]}>
      {me?.user.unit ? (
        <Typography.Paragraph type="secondary">{me.user.unit}</Typography.Paragraph>
      ) : (
        <Alert type="warning" showIcon title="您的账户未绑定承办单位，请联系管理员" />
      )}
      <Card size="small">
        <Radio.Group
          aria-label="承办状态"
          optionType="button"
          className="inc-handling-switch"
          value={filter}
          onChange={(e) => setFilter(e.target.value as AssignmentState)}
          options={FILTERS.map((s) => ({ value: s, label: `${ASSIGNMENT_STATE_LABEL[s]}（${count(s)}）` }))}
        />
        {!list.data ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : shown.length === 0 ? (
          <Empty description={`没有${ASSIGNMENT_STATE_LABEL[filter]}的收文`} />
        ) : (
          <List
            className="inc-handling-list"
            dataSource={shown}
            renderItem={(i) => (
              <List.Item key={`${i.incoming.id}-${i.assignment.id}`}>
                <Space direction="vertical" size={4} className="full-width min-w-0">
                  <Typography.Text strong className="break-all">
                    <span className="inc-serial">{i.incoming.serial}</span> {i.incoming.title}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {[i.incoming.fromUnit, i.incoming.docNumber].filter(Boolean).join(' ')}
                    {i.incoming.state === 'concluded' ? '　已办结' : ''}
                  </Typography.Text>
                  <AssignmentLine a={i.assignment} today={list.data!.today} open={i.incoming.state === 'assigned'} />
                  {i.incoming.submittedProposal && <Typography.Text>拟办意见：{i.incoming.submittedProposal.text}</Typography.Text>}
                  {i.incoming.instructions.filter((s) => s.text).map((s) => (
                    <Typography.Text key={s.id}>
                      {s.leaderName}批示：{s.text}
                    </Typography.Text>
                  ))}
                  <Space wrap>
                    {i.incoming.documentId !== null && <Link to={`/documents/${i.incoming.documentId}`}>查看原文</Link>}
                    {open(i) && i.assignment.state === 'pending' && (
                      <Button loading={busy} onClick={() => void run(() => acceptAssignment(i.incoming.id, i.assignment.id, i.incoming.version), '已签收')}>
                        签收
                      </Button>
                    )}
                    {open(i) && (
                      <Button type="primary" onClick={() => setReplying(i)}>
                        答复
                      </Button>
                    )}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <ReplyModal
        item={replying}
        onClose={() => setReplying(null)}
        onDone={() => {
          setReplying(null);
          list.reload();
        }}
      />
    </PageContainer>
  );
}
