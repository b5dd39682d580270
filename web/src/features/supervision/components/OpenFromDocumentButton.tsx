import { AuditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../lib/authorization';
import { openLedger } from '../api/supervision';
import { useAction } from './use-action';

/** 立项督办 on a document's page (督查室 only): its tasks become the draft items of a new ledger. */
export function OpenFromDocumentButton({ documentId }: { documentId: number }) {
  const can = useCan();
  const navigate = useNavigate();
  const { run, busy } = useAction(() => {});
  if (!can('supervision.manage')) return null;
  const open = async () => {
    const ledger = await run(() => openLedger({ sourceKind: 'document', documentId }), '已立项，请核对督办事项');
    if (ledger) navigate(`/supervision/ledgers/${ledger.id}`);
  };
  return (
    <Button type="primary" icon={<AuditOutlined />} loading={busy} onClick={() => void open()}>
      立项督办
    </Button>
  );
}
