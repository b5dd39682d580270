import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { errorMessage } from '../../../lib/api-client';
import type { CirculatedItem } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { beijingTime, chineseDate } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchCirculatedToMe, markCirculatedRead, openCirculated } from '../api/incoming';
import { sortCirculated } from '../api/todo';
import { RecipientState } from '../components/CirculationPanel';
import { DocumentText } from '../components/DocumentText';
import { RoutingSlip } from '../components/RoutingSlip';
import '../incoming.css';
import '../incoming-flow.css';

const crumbs = [{ title: '首页', to: '/' }];
const minute = (iso: string) => beijingTime(iso).slice(0, 16);

/** 传阅给我: what the office circulated to me or my unit, 未读 first; a row opens it to read. */
export function CirculatedPage() {
  const list = useApi((signal) => fetchCirculatedToMe(signal), []);
  if (list.error) return <ErrorResult standalone error={list.error} onRetry={list.reload} />;
  const items = sortCirculated(list.data?.items ?? []);
  const unread = items.filter((i) => i.recipient.state === 'unread').length;
  return (
    <PageContainer title="传阅给我" breadcrumb={crumbs}>
      <Card size="small">
        <Typography.Paragraph type="secondary">
          {list.data ? `共 ${items.length} 份，其中未读 ${unread} 份。打开即记为“已读”，阅毕请点“已阅”。` : '正在加载…'}
        </Typography.Paragraph>
        <List
          loading={list.loading}
          dataSource={items}
          locale={{ emptyText: <Empty description="没有传阅给您的收文" /> }}
          renderItem={(c) => (
            <List.Item key={c.recipient.id} className="inc-circ-item">
              <div className="inc-todo-row">
                <Link to={`/incoming/circulated/${c.incoming.id}`} className="inc-serial">
                  {c.incoming.serial}
                </Link>
                <RecipientState r={c.recipient} />
                {c.recipient.kind === 'unit' && <Tag bordered={false}>传阅给本单位</Tag>}
                {c.recipient.reminders.length > 0 && c.recipient.state !== 'read' && <Tag color="orange">已提醒 {c.recipient.reminders.length} 次</Tag>}
                <span className="inc-todo-title">{c.incoming.title}</span>
                <Typography.Text type="secondary">
                  {c.incoming.fromUnit ?? '—'} · 送达 {minute(c.recipient.sentAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}

/**
 * One circulated document, as its recipient reads it: the slip with the leaders' 批示 and the
 * document's text. Opening it records 已读 (once); 已阅 says it has been read through. Read from
 * the recipient's own list, so a unit user without the 收文簿 reads it too.
 */
export function CirculatedReadPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const can = useCan();
  const { message, modal } = App.useApp();
  const list = useApi(valid ? (signal) => fetchCirculatedToMe(signal) : null, [id]);
  const [busy, setBusy] = useState(false);
  const opened = useRef(false);
  const item: CirculatedItem | undefined = list.data?.items.find((c) => c.incoming.id === id);

  useEffect(() => {
    if (!item || item.recipient.state !== 'unread' || opened.current) return;
    opened.current = true;
    openCirculated(id).then(list.reload, (e: unknown) => message.error(errorMessage(e)));
  }, [item, id, list.reload, message]);

  if (!valid) return <NotFound standalone message="收文编号有误" />;
  if (list.error) return <ErrorResult standalone error={list.error} onRetry={list.reload} />;
  const back = [...crumbs, { title: '传阅给我', to: '/incoming/circulated' }];
  if (!list.data)
    return (
      <PageContainer title="正在加载传阅件…" windowTitle="传阅件" crumb="传阅件" breadcrumb={back}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </PageContainer>
    );
  if (!item) return <NotFound standalone message="此件未传阅给您，或已收回" />;
  const { incoming: i, recipient: r } = item;

  const markRead = () =>
    modal.confirm({
      title: `${i.serial} 标记为已阅？`,
      content: '已阅后传阅人可看到您已阅毕，不能撤销。',
      okText: '已阅',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          await markCirculatedRead(i.id);
          message.success('已标记为已阅');
          list.reload();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      },
    });

  return (
    <PageContainer
      title={`传阅件 ${i.serial}`}
      crumb={i.serial}
      breadcrumb={back}
      extra={
        <Space wrap>
          {r.state !== 'read' && (
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={markRead}>
              已阅
            </Button>
          )}
          {can('incoming.read') && <Link to={`/incoming/${i.id}`}>收文详情</Link>}
        </Space>
      }
    >
      <div className="inc-detail">
        <Alert
          type={r.state === 'read' ? 'success' : 'info'}
          showIcon
          title={
            <Space wrap size={4}>
              <RecipientState r={r} />
              <span>
                {r.state === 'read' && r.readAt ? `您已于 ${minute(r.readAt)} 阅毕` : `${r.sentBy} 于 ${minute(r.sentAt)} 传阅给${r.kind === 'unit' ? `本单位（${r.name}）` : '您'}`}
              </span>
            </Space>
          }
          description={`收文日期 ${chineseDate(i.receivedOn)}${r.reminders.length > 0 ? `；已提醒 ${r.reminders.length} 次，最近 ${minute(r.reminders[r.reminders.length - 1]!.at)}` : ''}`}
        />
        <Row gutter={[16, 16]} className="inc-detail-main">
          <Col xs={24} xl={14} className="min-w-0">
            <Card size="small" className="inc-slip-card">
              <RoutingSlip incoming={i} />
            </Card>
          </Col>
          <Col xs={24} xl={10} className="min-w-0 inc-detail-text">
            <DocumentText documentId={i.documentId} />
          </Col>
        </Row>
      </div>
    </PageContainer>
  );
}
