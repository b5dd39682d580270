import { Card, Steps } from 'antd';
import type { ReactNode } from 'react';
import type { IncomingView } from '../../../lib/api-types';
import { beijingTime } from '../../../lib/format';

/** The steps of 《党政机关公文处理工作条例》 a 办件 goes through, in order. */
const STEPS = ['签收登记', '初审', '拟办', '批示', '传阅', '分办承办', '归档'] as const;

/** Where the registration stands: the index of the step now due, and whether it stopped there. */
function position(i: IncomingView): { current: number; status: 'process' | 'error' | 'finish' } {
  if (i.state === 'returned') return { current: 1, status: 'error' };
  if (i.state === 'archived') return { current: 6, status: 'finish' };
  if (i.state === 'registered') return { current: 1, status: 'process' };
  // 拟办 submitted: the leaders' turn; instructed: 传阅 next; sent back: the clerk drafts again.
  if (i.state === 'proposed') return { current: 3, status: 'process' };
  if (i.state === 'instructed') return { current: 4, status: 'process' };
  // Assigned: the units 承办 and 答复; concluded: 归档 is next.
  if (i.state === 'assigned') return { current: 5, status: 'process' };
  if (i.state === 'concluded') return { current: 6, status: 'process' };
  return { current: 2, status: 'process' };
}

/**
 * 办理流程: the steps from 签收 to 归档 with the registration's place among them, and below them the
 * panels of the steps after 初审. Those panels (拟办, 批示, 传阅 …) come with their API: each is
 * passed in as a child, so the detail page stays the one place that lays the steps out.
 */
export function ProcessingSteps({ incoming, children }: { incoming: IncomingView; children?: ReactNode }) {
  const { current, status } = position(incoming);
  const done = (n: number) => (n === 0 ? beijingTime(incoming.receivedAt) : n === 1 && incoming.state !== 'registered' ? (incoming.state === 'returned' ? '已退回' : incoming.kind) : undefined);
  return (
    <Card size="small" className="inc-steps no-print" title={<h2 className="card-title">办理流程</h2>}>
      <Steps
        size="small"
        current={current}
        status={status}
        responsive
        items={STEPS.map((title, n) => ({ title, content: done(n) ?? undefined }))}
      />
      {children}
    </Card>
  );
}
