import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult, NotFound } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { IncomingView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { beijingTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchIncoming, slipDocxUrl } from '../api/incoming';
import { CirculationPanel } from '../components/CirculationPanel';
import { DocumentText } from '../components/DocumentText';
import { StateTag } from '../components/IncomingTable';
import { ArchivePanel } from '../components/ArchivePanel';
import { AssignmentList } from '../components/AssignmentList';
import { AssignPanel } from '../components/AssignPanel';
import { InstructionPanel } from '../components/InstructionPanel';
import { ProcessingSteps } from '../components/ProcessingSteps';
import { ProposalPanel } from '../components/ProposalPanel';
import { ReviewActions } from '../components/ReviewActions';
import { RoutingSlip } from '../components/RoutingSlip';
import '../incoming.css';

const crumbs = [
  { title: '首页', to: '/' },
  { title: '收文簿', to: '/incoming' },
];

/** What the registration itself records, apart from the slip: who signed for it, when, from which file. */
function RegistrationFacts({ incoming: i }: { incoming: IncomingView }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      className="inc-facts no-print"
      items={[
        { key: 'state', label: '状态', children: <StateTag incoming={i} /> },
        { key: 'at', label: '签收时间', children: beijingTime(i.receivedAt) },
        { key: 'by', label: '登记人', children: i.createdBy },
        { key: 'file', label: '原文件', children: <span className="break-all">{i.fileName}</span> },
        ...(i.duplicateOf
          ? [{ key: 'dup', label: '重复登记', span: 'filled' as const, children: <Link to={`/incoming/${i.duplicateOf}`}>查看第一次登记</Link> }]
          : []),
      ]}
    />
  );
}

function StateNote({ incoming: i }: { incoming: IncomingView }) {
  if (i.state === 'returned') return <Alert type="warning" showIcon title="已退回来文单位" description={`退回理由：${i.stateNote ?? '—'}`} className="no-print" />;
  if (i.state === 'reviewed') return <Alert type="success" showIcon title={`初审为${i.kind ?? ''}`} description={i.stateNote ? `初审意见：${i.stateNote}` : undefined} className="no-print" />;
  if (i.state === 'proposed') return <Alert type="info" showIcon title="已拟办，待领导批示" description={i.holders.length > 0 ? `现在：${i.holders.join('、')}` : undefined} className="no-print" />;
  if (i.state === 'instructed') return <Alert type="success" showIcon title="领导已批示" description={i.circulating ? `传阅中：${i.holders.join('、')}` : undefined} className="no-print" />;
  if (i.state === 'assigned') return <Alert type="info" showIcon title="已分办，承办中" description={i.holders.length > 0 ? `尚未答复：${i.holders.join('、')}` : undefined} className="no-print" />;
  if (i.state === 'concluded') return <Alert type="success" showIcon title="已办结" className="no-print" />;
  if (i.state === 'sent-back') return <Alert type="warning" showIcon title="领导退回拟办，请修改后重新提交" className="no-print" />;
  if (i.state === 'archived') return <Alert type="success" showIcon title="已归档" description={i.archive ? `档号：${i.archive.code}，保管期限：${i.archive.retention}` : undefined} className="no-print" />;
  return <Alert type="info" showIcon title="已登记，待初审" className="no-print" />;
}

/** 收文详情: the 文件批办单 as on paper, the document beside it, 初审, and the steps that follow. */
export function IncomingDetailPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const can = useCan();
  const incoming = useApi(valid ? (signal) => fetchIncoming(id, signal) : null, [id]);

  if (!valid) return <NotFound standalone message="收文编号有误" />;
  if (incoming.error) return <ErrorResult standalone error={incoming.error} onRetry={incoming.reload} />;
  const data = incoming.data;
  if (!data)
    return (
      <PageContainer title="正在加载收文…" windowTitle="收文" crumb="收文" breadcrumb={crumbs}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </PageContainer>
    );

  return (
    <PageContainer
      title={`收文 ${data.serial}`}
      crumb={data.serial}
      breadcrumb={crumbs}
      extra={
        <Space wrap className="no-print">
          {can('incoming.register') && <ReviewActions incoming={data} onChanged={incoming.reload} />}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印批办单
          </Button>
          <Button icon={<FileWordOutlined />} href={slipDocxUrl(data.id)} download>
            下载批办单
          </Button>
        </Space>
      }
    >
      <div className="inc-detail">
        <StateNote incoming={data} />
        <Row gutter={[16, 16]} className="inc-detail-main">
          <Col xs={24} xl={14} className="min-w-0">
            <Card size="small" className="inc-slip-card">
              <RoutingSlip incoming={data} />
            </Card>
            <RegistrationFacts incoming={data} />
          </Col>
          <Col xs={24} xl={10} className="min-w-0 inc-detail-text">
            <DocumentText documentId={data.documentId} />
          </Col>
        </Row>
        {/* The panels of the steps after 初审, in the order of the steps (传阅 and 分办 to come). */}
        <ProcessingSteps incoming={data}>
          {can('incoming.propose') && ((data.state === 'reviewed' && data.kind === '办件') || data.state === 'sent-back') && <ProposalPanel incoming={data} onChanged={incoming.reload} />}
          {data.instructions.length > 0 && <InstructionPanel incoming={data} onChanged={incoming.reload} />}
          {/* 传阅: the clerk sends and follows it; everyone sees who holds it (renders nothing before it may start). */}
          <CirculationPanel incoming={data} onChanged={incoming.reload} />
          {can('incoming.assign') && data.state === 'instructed' && data.kind === '办件' && <AssignPanel incoming={data} onChanged={incoming.reload} />}
          {data.assignments.length > 0 && <AssignmentList incoming={data} onChanged={incoming.reload} />}
          <ArchivePanel incoming={data} onChanged={incoming.reload} />
        </ProcessingSteps>
      </div>
    </PageContainer>
  );
}
