import { Card, Col, Row, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { IncomingView } from '../../../lib/api-types';
import { INCOMING_STATE_COLOR, INCOMING_STATE_LABEL } from '../../../lib/labels';
import { DocumentText } from './DocumentText';
import { RoutingSlip } from './RoutingSlip';

/** A registration just made: its slip as Duban filled it, beside the document it was read from. */
export function RegistrationCard({ incoming }: { incoming: IncomingView }) {
  return (
    <Card
      size="small"
      className="inc-registration"
      title={
        <h3 className="card-title">
          <span className="inc-serial">{incoming.serial}</span> <span className="inc-file-name">{incoming.fileName}</span>
        </h3>
      }
      extra={<Link to={`/incoming/${incoming.id}`}>打开收文详情</Link>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14} className="min-w-0">
          <RoutingSlip incoming={incoming} extra={<Tag color={INCOMING_STATE_COLOR[incoming.state]}>{INCOMING_STATE_LABEL[incoming.state]}</Tag>} />
        </Col>
        <Col xs={24} xl={10} className="min-w-0">
          <DocumentText documentId={incoming.documentId} headingLevel={3} />
        </Col>
      </Row>
    </Card>
  );
}
