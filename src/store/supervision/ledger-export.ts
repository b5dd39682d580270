// The 督办台账 as .xlsx, filtered as the page is: the items read as the page reads them, mapped
// onto the workbook's plain rows (src/report/supervision-xlsx.ts) with the labels in Chinese.
import { supervisionLedgerXlsx, type LightLabel, type SupervisionLedgerRow } from '../../report/supervision-xlsx.ts';
import { ITEM_STATE_LABELS, LIGHT_LABELS } from '../../workflow/types.ts';
import type { Db } from './common.ts';
import { ledgerDetail, listItems, type ItemFilter, type ItemRead, type ReadContext } from './read.ts';

const names = (i: ItemRead, role: 'lead' | 'responsible' | 'cooperating') => i.units.filter((u) => u.role === role).map((u) => u.canonical ?? u.name);

function row(i: ItemRead, source: string): SupervisionLedgerRow {
  return {
    text: i.text,
    leads: names(i, 'lead'),
    responsible: names(i, 'responsible'),
    cooperating: names(i, 'cooperating'),
    deadlineText: i.deadlineText,
    deadline: i.deadline,
    stateLabel: ITEM_STATE_LABELS[i.state],
    light: i.light === null ? null : (LIGHT_LABELS[i.light] as LightLabel),
    latestReport: i.latestReport === null ? null : { on: i.latestReport.submittedAt.slice(0, 10), progress: i.latestReport.progress, percent: i.latestReport.percent },
    extensions: i.pendingExtension === null ? [] : [{ asked: i.pendingExtension.asked, decision: '待审批' }],
    doneOn: i.doneOn,
    source,
  };
}

/** Words for the filter the workbook was made with (状态：办理中；单位：…). */
function filterWords(f: Omit<ItemFilter, 'limit' | 'offset'>): string {
  const parts: string[] = [];
  if (f.state) parts.push(`状态：${ITEM_STATE_LABELS[f.state]}`);
  if (f.unit) parts.push(`单位：${f.unit}`);
  if (f.light) parts.push(`灯：${LIGHT_LABELS[f.light]}`);
  if (f.overdue === true) parts.push('仅超期');
  if (f.q) parts.push(`含“${f.q}”`);
  return parts.join('；');
}

export async function ledgerWorkbook(db: Db, ledgerId: number, filter: Omit<ItemFilter, 'limit' | 'offset' | 'ledgerId'>, ctx: ReadContext): Promise<{ buffer: Buffer; title: string }> {
  const ledger = await ledgerDetail(db, ledgerId, ctx);
  const { items } = await listItems(db, { ...filter, ledgerId, limit: 100_000, offset: 0 }, ctx);
  const source = ledger.docNumber ? `《${ledger.title}》（${ledger.docNumber}）` : ledger.sourceNote ? `${ledger.title}（${ledger.sourceNote}）` : ledger.title;
  const rows = items.filter((i) => i.state !== 'dropped').map((i) => row(i, source));
  const buffer = await supervisionLedgerXlsx({ title: `${ledger.title} 督办台账`, filter: filterWords(filter), asOf: ctx.today, rows });
  return { buffer, title: ledger.title };
}
