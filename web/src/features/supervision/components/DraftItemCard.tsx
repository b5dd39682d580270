import { AimOutlined, DeleteOutlined, EditOutlined, ScissorOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ItemView } from '../../../lib/api-types';
import { cycleLabel } from './cycle';
import { DeadlineText } from './DeadlineText';
import { ItemUnits } from './ItemUnits';
import { StateTags } from './StatusTags';

interface Props {
  item: ItemView;
  active: boolean;
  checked: boolean;
  editable: boolean;
  locatable: boolean;
  onCheck: (checked: boolean) => void;
  onLocate: () => void;
  onEdit: () => void;
  onSplit: () => void;
  onDrop: () => void;
}

/** One item of a ledger being set up: its text, units, deadline and cycle, and what can be done to it. */
export function DraftItemCard({ item, active, checked, editable, locatable, onCheck, onLocate, onEdit, onSplit, onDrop }: Props) {
  const draft = item.state === 'draft';
  const unresolved = item.units.some((u) => u.canonical === null);
  return (
    <Card size="small" className={`sv-draft ${active ? 'sv-draft-active' : ''} ${unresolved ? 'sv-draft-unresolved' : ''}`} aria-current={active ? 'true' : undefined}>
      <div className="sv-draft-head">
        {editable && draft && (
          <Checkbox checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={`选择事项 ${item.seq} 以合并`} />
        )}
        <strong className="sv-draft-seq">事项 {item.seq}</strong>
        <StateTags state={item.state} overdue={item.overdue} />
        {unresolved && (
          <Typography.Text type="danger">
            <WarningOutlined /> 有单位未匹配名录
          </Typography.Text>
        )}
      </div>
      <Typography.Paragraph className="sv-draft-text">{item.text}</Typography.Paragraph>
      {item.reviewNote && <Alert type="warning" showIcon title={item.reviewNote} className="sv-draft-note" />}
      {item.state === 'dropped' && item.stateNote && <Typography.Paragraph type="secondary">不予立项理由：{item.stateNote}</Typography.Paragraph>}
      <ItemUnits units={item.units} signed={!draft && item.state !== 'dropped'} />
      <div className="sv-draft-meta">
        <span>
          时限：<DeadlineText deadline={item.deadline} text={item.deadlineText} />
        </span>
        {item.leaders.length > 0 && <span>责任领导：{item.leaders.join('、')}</span>}
        <span>报送：{cycleLabel(item.cycle)}</span>
        {item.source.path.length > 0 && <span>出处：{item.source.path.join(' › ')}</span>}
      </div>
      <Space wrap size={4} className="sv-draft-actions">
        {locatable && (
          <Button size="small" icon={<AimOutlined />} onClick={onLocate}>
            原文位置
          </Button>
        )}
        {editable && draft && (
          <>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
              编辑
            </Button>
            <Button size="small" icon={<ScissorOutlined />} onClick={onSplit}>
              拆分
            </Button>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={onDrop}>
              不予立项
            </Button>
          </>
        )}
        {!draft && item.state !== 'dropped' && <Link to={`/supervision/items/${item.id}`}>查看办理情况</Link>}
      </Space>
    </Card>
  );
}
