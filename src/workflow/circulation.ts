// 传阅, pure: who a document may be circulated to, and each recipient's way from 未读 through 已读
// (opened) to 已阅 (marked read), reminders and recall. "传阅中" is computed: a document is being
// circulated while a recipient not recalled has not marked it 已阅.
import type { IncomingKind, IncomingState } from './incoming.ts';

export type RecipientKind = 'user' | 'unit';
export type RecipientState = 'unread' | 'opened' | 'read';
export const RECIPIENT_STATE_LABELS: Record<RecipientState, string> = { unread: '未读', opened: '已读', read: '已阅' };

export interface Recipient {
  kind: RecipientKind;
  /** User name, or canonical unit. */
  recipient: string;
  name: string;
  state: RecipientState;
  recalledAt: string | null;
}

/** Whether a document may be circulated now: once the leaders have instructed, or a 阅件 straight after 初审 or 拟办. */
export function circulationAllowed(state: IncomingState, kind: IncomingKind | null): string | null {
  if (state === 'instructed') return null;
  if (kind === '阅件' && (state === 'reviewed' || state === 'sent-back')) return null;
  if (state === 'registered') return '该收文尚未初审，不能传阅';
  if (state === 'returned') return '该收文已退回来文单位，不能传阅';
  if (state === 'proposed') return '该收文正在等待领导批示，批示完毕后再传阅';
  return '办件须经领导批示后再传阅';
}

/** The recipients a new 传阅 adds, or why not: nobody, or someone who holds it already (not recalled). */
export function newRecipients(current: readonly Recipient[], wanted: readonly Omit<Recipient, 'state' | 'recalledAt'>[]): { refused: string } | { add: Omit<Recipient, 'state' | 'recalledAt'>[] } {
  if (wanted.length === 0) return { refused: '请至少选择一位传阅对象（人员或单位）' };
  const key = (r: { kind: RecipientKind; recipient: string }) => `${r.kind}:${r.recipient}`;
  const active = new Set(current.filter((r) => r.recalledAt === null).map(key));
  const seen = new Set<string>();
  const add: Omit<Recipient, 'state' | 'recalledAt'>[] = [];
  for (const w of wanted) {
    if (active.has(key(w))) return { refused: `“${w.name}”已在传阅中，不必再送` };
    if (seen.has(key(w))) continue;
    seen.add(key(w));
    add.push(w);
  }
  return { add };
}

export type RecipientAct = 'open' | 'read' | 'remind' | 'recall';

/**
 * One act on a recipient: the state after it, or null when it changes nothing (opening again),
 * or why it is refused. Recall takes it back from one who has not marked it 已阅; a recalled
 * recipient no longer sees it and can do nothing more with it.
 */
export function recipientOutcome(r: Recipient, act: RecipientAct): { state: RecipientState; recalled: boolean } | null | { refused: string } {
  if (r.recalledAt !== null) return { refused: act === 'recall' ? `已从“${r.name}”收回，不必再收回` : '该件已收回' };
  switch (act) {
    case 'open':
      return r.state === 'unread' ? { state: 'opened', recalled: false } : null;
    case 'read':
      return r.state === 'read' ? { refused: '您已阅过此件' } : { state: 'read', recalled: false };
    case 'remind':
      return r.state === 'read' ? { refused: `“${r.name}”已阅，无需提醒` } : { state: r.state, recalled: false };
    case 'recall':
      return r.state === 'read' ? { refused: `“${r.name}”已阅，不能收回` } : { state: r.state, recalled: true };
  }
}

/** 传阅中: a recipient not recalled has not yet marked it 已阅. */
export function circulating(recipients: readonly Recipient[]): boolean {
  return recipients.some((r) => r.recalledAt === null && r.state !== 'read');
}

/** Who holds the document in its 传阅 now: the recipients not recalled who have not marked it 已阅. */
export function circulationHolders(recipients: readonly Recipient[]): string[] {
  return recipients.filter((r) => r.recalledAt === null && r.state !== 'read').map((r) => r.name);
}
