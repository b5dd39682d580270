// What `duban serve` is told: where it listens, which host names it answers to, whether the
// public library is open, limits, where logs go, and the sign-in settings. One object, made from
// the command line and the environment by the CLI; the server reads nothing else.
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../auth/settings.ts';
import { DEFAULT_ASSIGN_WORKING_DAYS } from '../workflow/assignment.ts';

export interface ServerSettings {
  /** Host names (no port) the server answers to; a request naming another is refused (DNS rebinding). */
  allowedHosts: string[];
  /** The address people reach Duban at, when behind a proxy (https://… makes the cookie Secure). */
  publicUrl: string | null;
  /** Whether /public and /api/public/* are open without sign-in. */
  publicLibrary: boolean;
  /** Largest JSON body, bytes. */
  bodyLimit: number;
  /** Largest uploaded file, bytes, and most files in one upload. */
  uploadFileLimit: number;
  uploadFiles: number;
  /** Folder of the rotating request log; null: no log file (tests). */
  logDir: string | null;
  /** The built web application (web/dist); null: API only. */
  webRoot: string | null;
  /** The supervising office as it signs its notices and bulletins (某某区人民政府督查室). */
  office: string;
  /** The working days a 分办 gets when neither the clerk nor the document sets a deadline. */
  assignWorkingDays: number;
  auth: AuthSettings;
}

export const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1'];

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  allowedHosts: LOCAL_HOSTS,
  publicUrl: null,
  publicLibrary: false,
  bodyLimit: 1024 * 1024,
  uploadFileLimit: 50 * 1024 * 1024,
  uploadFiles: 50,
  logDir: null,
  webRoot: null,
  office: '督查室',
  assignWorkingDays: DEFAULT_ASSIGN_WORKING_DAYS,
  auth: DEFAULT_AUTH_SETTINGS,
};

/** The host names a listening address and the options allow (127.0.0.1 and localhost by default). */
export function allowedHostsFor(options: { publicUrl?: string | null; allowedHosts?: readonly string[] }): string[] {
  const hosts = new Set(LOCAL_HOSTS);
  if (options.publicUrl) hosts.add(new URL(options.publicUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase());
  for (const h of options.allowedHosts ?? []) hosts.add(h.trim().toLowerCase());
  return [...hosts];
}
