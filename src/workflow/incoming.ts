// 收文 (incoming documents), written down once: the states of a registration and what 初审 may
// do to it, the 运转号 as the slip prints it, and the fields a registration is read into. Pure:
// the store (src/store/incoming/) keeps these values, the CLI and the API show them.

/**
 * registered (已登记: signed for and numbered, waiting for 初审) → reviewed (已初审: sorted as 办件
 * or 阅件; the sorting may be corrected while nothing later has happened) or returned (已退回:
 * sent back to the sender with a reason; final — the sender's corrected document is a new
 * registration). reviewed → proposed (待批示: the clerk submitted the 拟办意见, leaders take their
 * turns, src/workflow/instruct.ts) → instructed (已批示: every leader has acted), or → sent-back
 * (退回拟办: a leader sent it back to the clerk, who submits a 拟办 again). instructed → assigned
 * (已分办: 分办 to own units, each with its deadline; they 承办 and 答复) → concluded (已办结: every
 * unit has replied and the office closed it). Any finished registration — concluded, an
 * instructed or reviewed 阅件, a returned one — → archived (已归档, with its 归档号). 传阅
 * (src/workflow/circulation.ts) runs beside these states: "传阅中" is computed, not a state.
 */
export type IncomingState = 'registered' | 'reviewed' | 'returned' | 'proposed' | 'instructed' | 'sent-back' | 'assigned' | 'concluded' | 'archived';
export const INCOMING_STATES: readonly IncomingState[] = ['registered', 'reviewed', 'returned', 'proposed', 'instructed', 'sent-back', 'assigned', 'concluded', 'archived'];
export const INCOMING_STATE_LABELS: Record<IncomingState, string> = {
  registered: '已登记',
  reviewed: '已初审',
  returned: '已退回',
  proposed: '待批示',
  instructed: '已批示',
  'sent-back': '退回拟办',
  assigned: '已分办',
  concluded: '已办结',
  archived: '已归档',
};

/** 办件: to be handled (拟办, 批示, 分办); 阅件: to be read (传阅) only. */
export type IncomingKind = '办件' | '阅件';
export const INCOMING_KINDS: readonly IncomingKind[] = ['办件', '阅件'];

/** What 初审 decides. */
export type ReviewDecision = { kind: IncomingKind; note?: string | null } | { returned: true; reason: string };

/** The state after a review, or why the review is refused (Chinese, for the user). */
export function reviewOutcome(state: IncomingState, decision: ReviewDecision): { state: IncomingState; kind: IncomingKind | null; note: string | null } | { refused: string } {
  if (state === 'returned') return { refused: '该收文已退回来文单位，不能再初审；来文单位重新报送后请重新登记' };
  if (state !== 'registered' && state !== 'reviewed') return { refused: '该收文已拟办，不能再初审' };
  if ('returned' in decision) {
    const reason = decision.reason.trim();
    if (reason === '') return { refused: '退回须写明理由' };
    if (state !== 'registered') return { refused: '该收文已初审，不能再退回' };
    return { state: 'returned', kind: null, note: reason };
  }
  if (!INCOMING_KINDS.includes(decision.kind)) return { refused: `初审结果只能是“办件”或“阅件”，不能是“${String(decision.kind)}”` };
  const note = decision.note?.trim() || null;
  return { state: 'reviewed', kind: decision.kind, note };
}

/** The series registrations go to when neither the clerk nor the document's slip names one. */
export const DEFAULT_SERIES = '收';

/** The 运转号 as printed: （党）198号. */
export function serialLabel(series: string, serial: number): string {
  return `（${series}）${serial}号`;
}

/** A printed 运转号 read back (（党）198号, (政)12号, 〔党〕3号, 党198号), or null. */
export function parseSerialLabel(label: string): { series: string; serial: number } | null {
  const m = /^\s*[（(〔[【]?\s*([\u4e00-\u9fff]{1,6})\s*[）)〕\]】]?\s*(?:第\s*)?(\d{1,7})\s*号?\s*$/.exec(label);
  if (!m) return null;
  const serial = Number(m[2]);
  return serial > 0 ? { series: m[1]!, serial } : null;
}

/** A series name the clerk gives (--channel 党): a few Chinese characters, brackets optional. */
export function normalizeSeries(raw: string): string | null {
  const s = raw.trim().replace(/^[（(〔[【]\s*|\s*[）)〕\]】]$/g, '');
  return /^[\u4e00-\u9fff]{1,6}$/.test(s) ? s : null;
}

/** The marks of urgency (紧急程度) an official document or slip may carry; GB/T 9704 names 特急 and 加急. */
const URGENCY_MARKS = ['特急', '加急', '特提', '平急', '急件', '急'] as const;

/**
 * The 紧急程度 printed at the head of a document: a line before the title that is nothing but
 * the mark (特急), maybe after the 份号 and 密级 (000123 机密★1年 特急 — never stored, but the mark
 * is the same), or null.
 */
export function headUrgency(headLines: readonly string[]): string | null {
  for (const raw of headLines) {
    const line = raw.replace(/[\s\u3000]+/g, '');
    for (const mark of URGENCY_MARKS) {
      if (line === mark || (line.endsWith(mark) && /^(?:\d{1,8})?(?:内部|秘密|机密|绝密)?(?:[★☆*＊]\S{0,4})?$/.test(line.slice(0, -mark.length)) && line.length > mark.length)) {
        return mark === '急' ? '急件' : mark;
      }
    }
  }
  return null;
}
