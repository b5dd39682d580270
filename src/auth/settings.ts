// Settings of sign-in and sessions, with the defaults GB/T 22239 level 2 practice suggests:
// sessions end after 30 minutes without use and after 12 hours in any case; five wrong passwords
// in a row lock the account for 15 minutes.
export interface AuthSettings {
  idleMinutes: number;
  absoluteHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** Sign-in attempts per minute from one address (all user names together). */
  loginsPerMinute: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = { idleMinutes: 30, absoluteHours: 12, maxFailures: 5, lockMinutes: 15, loginsPerMinute: 20 };

const ENV: Record<keyof AuthSettings, string> = {
  idleMinutes: 'DUBAN_SESSION_IDLE_MINUTES',
  absoluteHours: 'DUBAN_SESSION_HOURS',
  maxFailures: 'DUBAN_LOCK_AFTER_FAILURES',
  lockMinutes: 'DUBAN_LOCK_MINUTES',
  loginsPerMinute: 'DUBAN_LOGINS_PER_MINUTE',
};

/** The settings from the environment, each a positive number or the default; a bad value is an error with the variable's name. */
export function authSettingsFrom(env: Record<string, string | undefined>): AuthSettings {
  const out = { ...DEFAULT_AUTH_SETTINGS };
  for (const key of Object.keys(ENV) as (keyof AuthSettings)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new RangeError(`${ENV[key]} 应为正数，现为“${raw}”`);
    out[key] = n;
  }
  return out;
}
