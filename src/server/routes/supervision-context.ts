// What every 督查督办 route makes of its request: the command's actor, time and unit; the reading
// context (today, the unit a unit user is limited to, the lights by the rules in force); and an
// item as the item routes answer it (without its timeline's lists).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unitScoped } from '../../auth/policy.ts';
import { loadRules } from '../../store/supervision-rules.ts';
import * as sv from '../../store/supervision/index.ts';
import { lightsBy } from '../../workflow/lights.ts';
import { actorOf } from './request-context.ts';

export function supervisionContext(app: FastifyInstance) {
  const db = app.store.db;
  /** The unit a unit user is limited to, or null for those who see every unit's items. */
  const scopeOf = (request: FastifyRequest): string | null => {
    const user = request.auth!.user;
    return unitScoped(user) ? (user.unit ?? '') : null;
  };
  const command = (request: FastifyRequest): sv.Command => ({
    actor: actorOf(request),
    now: app.clock.now(),
    today: app.clock.today(),
    unit: request.auth?.user.unit ?? null,
  });
  // Lights follow the office's rules in force (an administrator may have changed them).
  const reading = async (request: FastifyRequest): Promise<sv.ReadContext> => ({ today: app.clock.today(), scope: scopeOf(request), lightOf: lightsBy(await loadRules(db)) });
  const item = async (request: FastifyRequest, id: number) => {
    const { reports: _r, extensions: _e, notices: _n, history: _h, ...view } = await sv.itemDetail(db, id, await reading(request));
    return view;
  };
  return { scopeOf, command, reading, item };
}
