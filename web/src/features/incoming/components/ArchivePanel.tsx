import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import type { IncomingView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { beijingTime, chineseDate } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchArchiveSettings, fetchReady } from '../api/archive';
import { ArchiveDialog } from './ArchiveDialog';

/** A filed registration's record: 档号, 保管期限 and what the 归档文件目录 prints. */
function ArchiveRecordFacts({ incoming: i }: { incoming: IncomingView }) {
  const a = i.archive!;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'code', label: '档号', children: <span className="inc-archive-code">{a.code}</span> },
        { key: 'retention', label: '保管期限', children: a.retention },
        { key: 'year', label: '年度', children: a.year },
        { key: 'item', label: '件号', children: a.item },
        { key: 'date', label: '日期', children: chineseDate(a.date) },
        { key: 'pages', label: '页数', children: a.pages ?? '—' },
        { key: 'by', label: '归档', children: `${a.archivedBy}，${beijingTime(a.archivedAt)}` },
        ...(a.note ? [{ key: 'note', label: '备注', children: a.note }] : []),
      ]}
    />
  );
}

/**
 * 归档 on 收文详情: the record once filed; before that, for the clerk, the 归档 button when the
 * server lists the registration as ready (the rule lives on the server, src/workflow/archive.ts).
 */
export function ArchivePanel({ incoming, onChanged }: { incoming: IncomingView; onChanged: () => void }) {
  const can = useCan();
  const mayArchive = can('incoming.archive') && incoming.archive === null;
  const ready = useApi(mayArchive ? (signal) => fetchReady(signal) : null, [mayArchive, incoming.version]);
  const settings = useApi(mayArchive ? (signal) => fetchArchiveSettings(signal) : null, [mayArchive]);
  const [open, setOpen] = useState(false);
  const mine = ready.data?.items.find((r) => r.incoming.id === incoming.id);
  if (incoming.archive === null && !mine) return null;
  return (
    <Card size="small" className="inc-archive-panel no-print" title={<h2 className="card-title">归档</h2>}>
      {incoming.archive !== null ? (
        <ArchiveRecordFacts incoming={incoming} />
      ) : (
        <Button type="primary" icon={<InboxOutlined />} onClick={() => setOpen(true)}>
          归档
        </Button>
      )}
      {open && mine && (
        <ArchiveDialog
          incoming={incoming}
          retention={mine.retention}
          settings={settings.data?.settings ?? null}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
