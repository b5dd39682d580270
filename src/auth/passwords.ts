// Password hashes: argon2id (@node-rs/argon2) with its defaults (19 MiB, 2 passes), the
// parameters OWASP recommends as a minimum; the hash string carries them, so stronger
// parameters later still verify old hashes.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes, randomInt } from 'node:crypto';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash verifies nothing
  }
}

/**
 * A hash of a password nobody knows, verified for unknown user names so that a wrong name
 * takes as long as a wrong password (names cannot be told apart by timing).
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hash(randomBytes(16).toString('hex'));
  return decoy;
}

/** A random password that meets the policy: for the first administrator and resets. */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const body = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  // Three kinds for certain: an upper-case letter, a digit and a symbol at fixed places.
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}A7`;
}
