// The 分办 rows read back for the view: each registration's assignments (主办 first) with their
// 催办, for many registrations at once (the 收文簿's page) in two queries.
import type { Kysely, Transaction } from 'kysely';
import type { AssignmentRole, AssignmentState, DeadlineSource } from '../../workflow/assignment.ts';
import type { Database } from '../schema.ts';
import type { AssignmentView } from './view.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadAssignments(db: Db, ids: readonly number[]): Promise<Map<number, AssignmentView[]>> {
  const out = new Map<number, AssignmentView[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('incoming_assignments').selectAll().where('incoming_id', 'in', ids).orderBy('incoming_id').orderBy('seq').orderBy('id').execute();
  const urges =
    rows.length === 0
      ? []
      : await db
          .selectFrom('incoming_urges')
          .selectAll()
          .where(
            'assignment_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('id')
          .execute();
  for (const r of rows) {
    const list = out.get(r.incoming_id) ?? [];
    list.push({
      id: r.id,
      unit: r.unit,
      role: r.role as AssignmentRole,
      state: r.state as AssignmentState,
      deadline: r.deadline,
      deadlineSource: r.deadline_source as DeadlineSource,
      assignedAt: r.assigned_at,
      assignedBy: r.assigned_by,
      acceptedAt: r.accepted_at,
      acceptedBy: r.accepted_by,
      repliedAt: r.replied_at,
      repliedBy: r.replied_by,
      reply: r.reply,
      urges: urges.filter((u) => u.assignment_id === r.id).map((u) => ({ at: u.at, by: u.by, auto: u.auto_key !== null })),
    });
    out.set(r.incoming_id, list);
  }
  return out;
}
