import { Alert, Card, Col, Descriptions, Progress, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import { chineseDate } from '../../../lib/format';
import { ITEM_STATE_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchItem } from '../api/supervision';
import { cycleLabel } from '../components/cycle';
import { DeadlineText } from '../components/DeadlineText';
import { ItemActions } from '../components/ItemActions';
import { ItemTimeline } from '../components/ItemTimeline';
import { ItemUnits } from '../components/ItemUnits';
import { LightDot, StateTags } from '../components/StatusTags';

const crumbs = [
  { title: '首页', to: '/' },
  { title: '督办台账', to: '/supervision' },
];

/** One item: where it stands, what one may do now, and everything that happened to it. */
export function ItemPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const item = useApi(valid ? (signal) => fetchItem(id, signal) : null, [id]);

  if (!valid) return <NotFound standalone message="事项编号有误" />;
  if (item.error) return <ErrorResult standalone error={item.error} onRetry={item.reload} />;
  const data = item.data;
  if (!data)
    return (
      <PageContainer title="正在加载督办事项…" windowTitle="督办事项" crumb="督办事项" breadcrumb={crumbs}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </PageContainer>
    );

  const note = data.stateNote && ['returned', 'dropped', 'terminated'].includes(data.state) ? `${ITEM_STATE_LABEL[data.state]}意见：${data.stateNote}` : null;
  return (
    <PageContainer title={`督办事项 ${data.seq}`} windowTitle={`督办事项 ${data.seq}`} crumb={`事项 ${data.seq}`} breadcrumb={crumbs} extra={<ItemActions item={data} reload={item.reload} />}>
      <Space orientation="vertical" size={16} className="full-width">
        {note && <Alert type={data.state === 'returned' ? 'warning' : 'info'} showIcon title={note} />}
        {data.pendingExtension && <Alert type="info" showIcon title={`${data.pendingExtension.unit} 已申请延期至 ${chineseDate(data.pendingExtension.asked)}，待督查室审批`} />}
        <Card size="small">
          <Typography.Paragraph className="sv-item-body">{data.text}</Typography.Paragraph>
          <Descriptions
            size="small"
            className="sv-item-desc"
            column={{ xs: 1, md: 2 }}
            bordered
            items={[
              { key: 'state', label: '状态', children: <StateTags state={data.state} overdue={data.overdue} /> },
              { key: 'light', label: '红黄绿灯', children: <LightDot light={data.light} /> },
              { key: 'deadline', label: '完成时限', children: <DeadlineText deadline={data.deadline} text={data.deadlineText} /> },
              { key: 'original', label: '原定时限', children: data.originalDeadline && data.originalDeadline !== data.deadline ? chineseDate(data.originalDeadline) : '未调整' },
              { key: 'units', label: '承办单位', span: 'filled', children: <ItemUnits units={data.units} signed={data.state !== 'draft'} /> },
              ...(data.leaders.length > 0 ? [{ key: 'leaders', label: '责任领导', span: 'filled' as const, children: data.leaders.join('、') }] : []),
              { key: 'cycle', label: '报送周期', children: cycleLabel(data.cycle) },
              { key: 'issued', label: '交办日期', children: chineseDate(data.issuedOn) },
              {
                key: 'ledger',
                label: '所属台账',
                span: 'filled',
                children: (
                  <span>
                    <Link to={`/supervision?ledger=${data.ledgerId}`}>{data.ledgerTitle}</Link>
                    {data.source.documentId && (
                      <>
                        {' · '}
                        <Link to={`/documents/${data.source.documentId}`}>查看公文原文</Link>
                      </>
                    )}
                    {data.source.path.length > 0 && <Typography.Text type="secondary">（{data.source.path.join(' › ')}）</Typography.Text>}
                  </span>
                ),
              },
              ...(data.latestReport
                ? [{ key: 'percent', label: '完成进度', span: 'filled' as const, children: <Progress percent={data.latestReport.percent} size="small" className="sv-progress" aria-label={`完成 ${data.latestReport.percent}%`} /> }]
                : []),
            ]}
          />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} className="min-w-0">
            <Card size="small" title={<h2 className="card-title">办理过程</h2>}>
              <ItemTimeline item={data} />
            </Card>
          </Col>
        </Row>
      </Space>
    </PageContainer>
  );
}
