// A small reader of mail as an SMTP server receives it (raw, latin1): headers, multipart parts,
// encoded words and RFC 2231 file names; and a real SMTP server on the loopback (smtp-server) that
// keeps what it receives. For the tests that check what Duban mailed.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** The sink's one account, for smtp:// URLs with a user name and password. */
export const SINK_USER = { name: 'dcs', password: 'p@ss:word' };

/**
 * An SMTP server that accepts SINK_USER (or no login), refuses every recipient at
 * @refused.example, and keeps each message it accepts.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { port: 0, received: [], close: async () => {} };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === SINK_USER.name && auth.password === SINK_USER.password) return done(null, { user: auth.username });
      return done(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, done) {
      if (address.address.endsWith('@refused.example')) return done(new Error(`Mailbox ${address.address} unavailable`));
      return done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sink.received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
export interface Part {
  headers: Map<string, string>;
  body: Buffer;
  parts: Part[];
}

export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

export function param(header: string, name: string): string | undefined {
  const pieces = [...header.matchAll(new RegExp(`${name}\\*?(\\d*)(\\*?)=("([^"]*)"|[^;\\s]+)`, 'gi'))].sort((a, b) => Number(a[1] || 0) - Number(b[1] || 0));
  if (pieces.length === 0) return undefined;
  const extended = pieces.some((p) => p[2] === '*');
  const joined = pieces.map((p) => p[4] ?? p[3]!).join('');
  return extended ? decodeURIComponent(joined.replace(/^[^']*'[^']*'/, '')) : decodeWords(joined);
}

export function parsePart(raw: string): Part {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const rest = raw.slice(split + 4);
  const headers = new Map(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /^multipart\//i.test(type) ? param(type, 'boundary') : undefined;
  if (boundary !== undefined) {
    const parts = rest.split(`--${boundary}`).slice(1, -1).map((p) => parsePart(p.replace(/^\r\n/, '')));
    return { headers, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(rest.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')
        : Buffer.from(rest, 'latin1');
  return { headers, body, parts: [] };
}

export const leaves = (p: Part): Part[] => (p.parts.length === 0 ? [p] : p.parts.flatMap(leaves));
