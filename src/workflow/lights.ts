// 红黄绿灯 of an open item on a day: red once past the deadline; yellow within the rules' working
// days of it, or when a report it owed was missed; green otherwise. Closed items have no light.
import type { IsoDate } from '../calendar/index.ts';
import { reportsDue } from './cycles.ts';
import { addWorkdays } from './days.ts';
import type { SupervisionRules } from './rules.ts';
import { OPEN_STATES, type ItemFacts, type Light } from './types.ts';

export function lightOf(item: ItemFacts, today: IsoDate, rules: SupervisionRules): Light | null {
  if (!OPEN_STATES.includes(item.state)) return null;
  if (item.deadline !== null && today > item.deadline) return 'red';
  if (item.deadline !== null && addWorkdays(today, rules.lights.yellowWithin) >= item.deadline) return 'yellow';
  if (reportsDue(item, today).some((r) => r.status === 'missed')) return 'yellow';
  return 'green';
}

/** A LightOf for the store's reads (src/store/supervision/read.ts), bound to the rules in force. */
export const lightsBy = (rules: SupervisionRules) => (item: ItemFacts, today: IsoDate) => lightOf(item, today, rules);
