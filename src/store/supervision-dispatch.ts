// 分级调度 from the store: the office's monthly round (YYYY-MM) over the lead units and a lead
// unit's half-monthly round (YYYY-MM-H1 / -H2) over its responsible units. Per lead unit the items
// that were in hand during the period — issued by its last day and not finished before its first —
// with their state, whether overdue, the light and the latest report, all as of the period's last
// day (or today while it runs). Read only.
import type { Kysely, Transaction } from 'kysely';
import { lastDayOfMonth, type IsoDate } from '../calendar/index.ts';
import type { Dispatch, DispatchRowView } from '../api/supervision-office.ts';
import { beijingDayOf } from '../workflow/cycles.ts';
import { SupervisionError } from '../workflow/errors.ts';
import { lightOf } from '../workflow/lights.ts';
import type { SupervisionRules } from '../workflow/rules.ts';
import { leadUnits } from '../workflow/transitions.ts';
import { ITEM_STATE_LABELS, LIGHT_LABELS, OPEN_STATES, type ItemFacts } from '../workflow/types.ts';
import { dispatchXlsx, type LightLabel } from '../report/supervision-xlsx.ts';
import type { Database } from './schema.ts';
import { loadItemFacts } from './supervision-facts.ts';
import { loadRules } from './supervision-rules.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DispatchPeriod {
  label: string;
  month: string;
  half: 1 | 2 | null;
  from: IsoDate;
  to: IsoDate;
}

/** "2026-12" → the month; "2026-12-H1" → 1–15; "2026-12-H2" → 16 to the month's end. */
export function dispatchPeriod(period: string): DispatchPeriod {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-H([12]))?$/.exec(period);
  if (m === null) throw new SupervisionError(`调度期次应写作 YYYY-MM 或 YYYY-MM-H1 / YYYY-MM-H2，现为“${period}”`, 400);
  const year = Number(m[1]);
  const mm = Number(m[2]);
  const month = `${m[1]}-${m[2]}`;
  const end = lastDayOfMonth(year, mm);
  const half = m[3] === undefined ? null : (Number(m[3]) as 1 | 2);
  const words = `${year}年${mm}月`;
  if (half === null) return { label: `${words}调度`, month, half, from: `${month}-01`, to: end };
  return half === 1
    ? { label: `${words}上半月调度`, month, half, from: `${month}-01`, to: `${month}-15` }
    : { label: `${words}下半月调度`, month, half, from: `${month}-16`, to: end };
}

const name = (u: { canonical: string | null; name: string }) => u.canonical ?? u.name;

/** In hand during the period: issued by its last day, not terminated, not finished before it began. */
function inHand(f: ItemFacts, p: DispatchPeriod, asOf: IsoDate): boolean {
  if (f.issuedOn === null || f.issuedOn > asOf) return false;
  if (f.state === 'draft' || f.state === 'dropped' || f.state === 'terminated') return false;
  return !(f.state === 'done' && f.doneOn !== null && f.doneOn < p.from);
}

function row(f: ItemFacts, meta: { seq: number; ledgerTitle: string }, asOf: IsoDate, rules: SupervisionRules): DispatchRowView {
  const doneBy = f.state === 'done' && f.doneOn !== null && f.doneOn <= asOf;
  // The latest report the unit had sent by the table's day; later ones belong to a later round.
  const report = [...f.reports].reverse().find((r) => beijingDayOf(r.submittedAt) <= asOf) ?? null;
  return {
    itemId: f.id,
    seq: meta.seq,
    ledgerTitle: meta.ledgerTitle,
    text: f.text,
    responsible: f.units.filter((u) => u.role === 'responsible').map(name),
    cooperating: f.units.filter((u) => u.role === 'cooperating').map(name),
    deadline: f.deadline,
    deadlineText: f.deadlineText,
    state: f.state,
    overdue: !doneBy && f.deadline !== null && f.deadline < asOf,
    light: OPEN_STATES.includes(f.state) ? lightOf(f, asOf, rules) : null,
    latestReport:
      report === null
        ? null
        : { on: beijingDayOf(report.submittedAt), unit: report.unit, progress: report.progress, problems: report.problems, coordination: report.coordination, nextSteps: report.nextSteps, percent: report.percent },
  };
}

/** The 调度表 of a period, for one lead unit (`lead`) or all of them; `today` bounds a running period. */
export async function dispatchTable(db: Db, q: { period: string; lead: string | null; scope: string | null }, today: IsoDate, rules?: SupervisionRules): Promise<Dispatch> {
  const p = dispatchPeriod(q.period);
  if (today < p.from) throw new SupervisionError(`${p.label}尚未开始（${p.from}起），暂无调度表`, 400);
  const asOf = today < p.to ? today : p.to;
  const r = rules ?? (await loadRules(db));
  const rows = await db
    .selectFrom('supervision_items as i')
    .innerJoin('supervision_ledgers as l', 'l.id', 'i.ledger_id')
    .select(['i.id', 'i.seq', 'l.title'])
    .where('i.state', 'not in', ['draft', 'dropped', 'terminated'])
    .orderBy('i.ledger_id')
    .orderBy('i.seq')
    .orderBy('i.id')
    .execute();
  const meta = new Map(rows.map((x) => [x.id, { seq: x.seq, ledgerTitle: x.title }]));
  const facts = (await loadItemFacts(db, rows.map((x) => x.id))).filter((f) => inHand(f, p, asOf));
  const byLead = new Map<string, DispatchRowView[]>();
  for (const f of facts) {
    for (const unit of new Set(leadUnits(f.units).map(name))) {
      const list = byLead.get(unit) ?? [];
      list.push(row(f, meta.get(f.id)!, asOf, r));
      byLead.set(unit, list);
    }
  }
  const units = [...byLead.keys()].sort((a, b) => a.localeCompare(b, 'zh'));
  // A unit user's own unit, whatever they asked for; else the unit asked for, or every one.
  const lead = q.scope ?? q.lead;
  const picked = lead === null ? units : units.filter((u) => u === lead);
  return {
    period: p.label,
    month: p.month,
    half: p.half,
    from: p.from,
    to: p.to,
    asOf,
    leads: picked.map((unit) => ({ unit, rows: byLead.get(unit)! })),
    units: q.scope === null ? units : units.filter((u) => u === q.scope),
  };
}

/** The 调度表 as .xlsx (a sheet per lead unit); a table with no lead unit is refused in Chinese. */
export async function dispatchWorkbook(table: Dispatch): Promise<Buffer> {
  if (table.leads.length === 0) throw new SupervisionError(`${table.period}没有可调度的牵头单位事项`, 404);
  return dispatchXlsx({
    period: table.period,
    asOf: table.asOf,
    leads: table.leads.map((l) => ({
      unit: l.unit,
      rows: l.rows.map((r) => ({
        text: r.text,
        responsible: r.responsible,
        cooperating: r.cooperating,
        deadlineText: r.deadlineText,
        deadline: r.deadline,
        stateLabel: ITEM_STATE_LABELS[r.state],
        light: r.light === null ? null : (LIGHT_LABELS[r.light] as LightLabel),
        latestReport: r.latestReport,
      })),
    })),
  });
}
