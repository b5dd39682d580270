// Who changes something, and when: what every account and session change is recorded with.
import type { Actor } from '../store/audit.ts';

export interface Change {
  actor: Actor;
  now: Date;
}
