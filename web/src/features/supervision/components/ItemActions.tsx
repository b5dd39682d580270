import { CheckOutlined, ClockCircleOutlined, FileDoneOutlined, FormOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { ItemDetail } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { useAuth } from '../../../lib/auth';
import { chineseDate } from '../../../lib/format';
import { askExtension, claimItem, decideExtension, reportItem, signItem, terminateItem, verifyItem } from '../api/supervision';
import { DecisionModal } from './DecisionModal';
import { ExtensionModal } from './ExtensionModal';
import { ReportModal } from './ReportModal';
import { TextModal } from './TextModal';
import { useAction } from './use-action';

type Dialog = 'report' | 'claim' | 'extension' | 'verify' | 'terminate' | 'decide' | null;

const WORKING: readonly string[] = ['issued', 'working', 'returned'];

/** What the signed-in person may do to the item now: by permission (the server decides again) and by state. */
export function ItemActions({ item, reload }: { item: ItemDetail; reload: () => void }) {
  const can = useCan();
  const { me } = useAuth();
  const { run, busy } = useAction(reload);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const ok = async (work: () => Promise<unknown>, done: string) => (await run(work, done)) !== undefined;

  const act = can('supervision.act');
  const manage = can('supervision.manage');
  const unit = me?.user.unit ?? null;
  const mine = item.units.find((u) => u.canonical !== null && u.canonical === unit);
  const live = WORKING.includes(item.state);
  // The lead unit (or, where the source names none, the 责任单位) claims completion and asks for more time.
  const leads = item.units.some((u) => u.role === 'lead') ? item.units.filter((u) => u.role === 'lead') : item.units.filter((u) => u.role === 'responsible');
  const leading = leads.some((u) => u.canonical === unit);
  const toSign = act && live && mine !== undefined && !mine.signedAt;
  const working = act && live && mine !== undefined && !toSign;
  const canClaim = working && leading && item.state !== 'issued';
  const canExtend = working && leading && !item.pendingExtension && item.deadline !== null && !item.overdue;
  const pending = item.pendingExtension;

  return (
    <>
      <Space wrap className="sv-actions">
        {toSign && (
          <Popconfirm title="签收此督办事项？" description="签收后即开始计算办理时限内的进展报送。" okText="签收" cancelText="取消" onConfirm={() => void run(() => signItem(item.id), '已签收')}>
            <Button type="primary" icon={<CheckOutlined />} loading={busy}>
              签收
            </Button>
          </Popconfirm>
        )}
        {working && (
          <Button type="primary" icon={<FormOutlined />} onClick={() => setDialog('report')}>
            报送进展
          </Button>
        )}
        {canClaim && (
          <Button icon={<FileDoneOutlined />} onClick={() => setDialog('claim')}>
            申请办结
          </Button>
        )}
        {canExtend && (
          <Button icon={<ClockCircleOutlined />} onClick={() => setDialog('extension')}>
            申请延期
          </Button>
        )}
        {manage && item.state === 'claimed' && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setDialog('verify')}>
            核验
          </Button>
        )}
        {manage && pending && (
          <Button icon={<ClockCircleOutlined />} onClick={() => setDialog('decide')}>
            审批延期
          </Button>
        )}
        {manage && ['issued', 'working', 'claimed', 'returned'].includes(item.state) && (
          <Button danger icon={<StopOutlined />} onClick={() => setDialog('terminate')}>
            终止
          </Button>
        )}
      </Space>
      <ReportModal open={dialog === 'report'} busy={busy} percent={item.latestReport?.percent} onCancel={close} onSubmit={(body, files, onProgress) => ok(() => reportItem(item.id, body, files, onProgress), files.length > 0 ? `进展已报送（附件 ${files.length} 个）` : '进展已报送')} />
      <TextModal
        open={dialog === 'claim'}
        title="申请办结"
        label="办结情况"
        required="请填写办结情况"
        max={4000}
        okText="提交申请"
        busy={busy}
        onCancel={close}
        onSubmit={(summary) => ok(() => claimItem(item.id, { version: item.version, summary }), '已申请办结，等待督查室核验')}
      />
      <ExtensionModal open={dialog === 'extension'} busy={busy} deadline={item.deadline} onCancel={close} onSubmit={(body) => ok(() => askExtension(item.id, body), '延期申请已提交')} />
      <DecisionModal
        open={dialog === 'verify'}
        title="核验办结"
        yes="通过，办结"
        no="退回"
        opinionLabel="核验意见"
        busy={busy}
        onCancel={close}
        onSubmit={(accept, opinion) => ok(() => verifyItem(item.id, { version: item.version, accept, opinion }), accept ? '已核验办结' : '已退回')}
      />
      <DecisionModal
        open={dialog === 'decide'}
        title="审批延期"
        yes="批准"
        no="驳回"
        opinionLabel="审批意见"
        busy={busy}
        onCancel={close}
        onSubmit={(approve, opinion) => ok(() => decideExtension(pending!.id, { approve, opinion }), approve ? '已批准延期' : '已驳回延期申请')}
      >
        {pending && (
          <p>
            {pending.unit} 申请延至 {chineseDate(pending.asked)}：{pending.reason}
          </p>
        )}
      </DecisionModal>
      <TextModal
        open={dialog === 'terminate'}
        title="终止督办"
        label="终止理由"
        required="请填写理由"
        okText="终止"
        danger
        busy={busy}
        onCancel={close}
        onSubmit={(reason) => ok(() => terminateItem(item.id, { version: item.version, reason }), '已终止')}
      />
    </>
  );
}
