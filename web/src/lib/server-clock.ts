// "Today" as the server's clock has it. The office's day is the server's (Beijing time, and a demo
// or test server may run on an injected clock, `duban serve --now`), not the browser's: the app
// learns the difference from /api/auth/me's serverTime and applies it to the browser's clock.
import { beijingToday } from './format';

let skewMs = 0;

/** Called with each /api/auth/me (and sign-in) answer. */
export function syncServerClock(serverTime: string | undefined): void {
  const at = serverTime === undefined ? Number.NaN : Date.parse(serverTime);
  skewMs = Number.isFinite(at) ? at - Date.now() : 0;
}

/** The server's Beijing day: YYYY-MM-DD. */
export function officeToday(): string {
  return beijingToday(Date.now() + skewMs);
}
