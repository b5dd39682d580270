// The audit chain's form, version 1: how an audit event is written out to be hashed, and the
// hash that links it to the one before. Frozen with migration 0016_audit_chain, which chains the
// events a store already holds by it; ../audit.ts (new events) and ../audit-chain.ts (verifying)
// use this same function, so the three can never disagree. A new form would be a new file
// (audit-chain-v2.ts) and a migration that re-chains the events by it — never an edit here.
import { createHash } from 'node:crypto';

/** The prev_hash of the first event of a chain. */
export const GENESIS_V1 = '0'.repeat(64);

/** An event's stored columns, as the engines return them (ids may come back as strings from a bigint). */
export interface ChainedFieldsV1 {
  id: number | string;
  at: string;
  actor: string;
  actor_id: number | string | null;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: number | string | null;
  /** JSON text, as stored: hashed as the text, not re-serialised, so a stored event hashes the same in any program. */
  before: string | null;
  after: string | null;
}

const integer = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * The event as one string: a JSON array in a fixed order, tagged with the form's version. Every
 * column takes part, the id too, so renumbering or moving an event breaks its hash.
 */
export function canonicalV1(e: ChainedFieldsV1): string {
  return JSON.stringify(['duban-audit-v1', integer(e.id), e.at, e.actor, integer(e.actor_id), e.ip, e.action, e.entity, integer(e.entity_id), e.before, e.after]);
}

/** hash = SHA-256(prev_hash + canonical(event)), lower-case hex. */
export function chainHashV1(prevHash: string, e: ChainedFieldsV1): string {
  return createHash('sha256').update(prevHash + canonicalV1(e), 'utf8').digest('hex');
}
