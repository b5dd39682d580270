import { DownloadOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Card, Grid, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { get, post } from '../../../lib/api-client';
import type { Inbox, InboxNotice } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { beijingTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { MailboxesModal } from '../components/MailboxesModal';
import { useAction } from '../components/use-action';

const KIND_COLOR: Record<InboxNotice['kind'], string> = { 提醒单: 'blue', 催办单: 'orange', 督办单: 'red', 移交函: 'purple' };

/** 督办文书: a unit's inbox of 三单一函 (the office sees every unit's). */
export function NoticesPage() {
  const can = useCan();
  const act = can('supervision.act');
  const inbox = useApi((signal) => get<Inbox>('/api/supervision/notices', { limit: 200 }, signal), []);
  const { run, busy } = useAction(inbox.reload);
  // On a phone the table's action column would sit off-screen: one card per notice instead.
  const narrow = Grid.useBreakpoint().md === false;
  const [mailboxes, setMailboxes] = useState(false);
  const readTag = (n: InboxNotice) => (
    <Space size={4} wrap>
      {n.readAt ? <Tag>已阅</Tag> : <Tag color="gold">未阅</Tag>}
      {n.mailedAt && (
        <Tooltip title={`邮件已于 ${beijingTime(n.mailedAt).slice(0, 16)} 发出`}>
          <Tag icon={<MailOutlined />} color="green">
            已发邮件
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
  const actions = (n: InboxNotice) => (
    <Space wrap>
      <Button size="small" icon={<DownloadOutlined />} href={`/api/supervision/notices/${n.id}.docx`} download>
        下载
      </Button>
      {act && !n.readAt && (
        <Button size="small" loading={busy} onClick={() => void run(() => post(`/api/supervision/notices/${n.id}/read`), '已阅知')}>
          阅知
        </Button>
      )}
    </Space>
  );
  const itemLink = (n: InboxNotice) => <Link to={`/supervision/items/${n.item.id}`}>{n.item.text.length > 40 ? `${n.item.text.slice(0, 40)}…` : n.item.text}</Link>;
  if (inbox.error) return <ErrorResult standalone error={inbox.error} onRetry={inbox.reload} />;
  return (
    <PageContainer
      title="督办文书"
      breadcrumb={[{ title: '首页', to: '/' }]}
      extra={
        can('supervision.rules') && (
          <Button icon={<MailOutlined />} onClick={() => setMailboxes(true)}>
            文书邮箱
          </Button>
        )
      }
    >
      <MailboxesModal open={mailboxes} onClose={() => setMailboxes(false)} />
      <Typography.Paragraph type="secondary">
        共 {inbox.data?.total ?? 0} 件，未阅 {inbox.data?.unread ?? 0} 件
      </Typography.Paragraph>
      <Card size="small">
        {narrow ? (
          <List<InboxNotice>
            loading={inbox.loading}
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: '没有督办文书' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
            renderItem={(n) => (
              <List.Item key={n.id}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Tag color={KIND_COLOR[n.kind]}>{n.kind}</Tag>
                    <span>{n.number}</span>
                    {readTag(n)}
                  </Space>
                  {itemLink(n)}
                  <Typography.Text type="secondary">
                    {act ? '' : `主送 ${n.unit} · `}
                    {n.date} 发 · 时限 {n.deadline}
                  </Typography.Text>
                  {actions(n)}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table<InboxNotice>
            rowKey="id"
            loading={inbox.loading}
            dataSource={inbox.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '没有督办文书' }}
            columns={[
              { title: '文书', key: 'kind', render: (_, n) => <Space direction="vertical" size={0}><Tag color={KIND_COLOR[n.kind]}>{n.kind}</Tag><span>{n.number}</span></Space> },
              { title: '事项', key: 'item', width: 280, render: (_, n) => itemLink(n) },
              // A unit user's notices are all addressed to their unit.
              ...(act ? [] : [{ title: '主送', dataIndex: 'unit' }]),
              { title: '日期', dataIndex: 'date' },
              { title: '时限', dataIndex: 'deadline' },
              { title: '状态', key: 'read', render: (_, n) => readTag(n) },
              {
                title: '操作',
                key: 'ops',
                render: (_, n) => actions(n),
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
