// A receiving office's view of a sender's units: the development zone that receives a city
// document hands the city's 市委组织部 work to its own 党群工作部, and so on.
import { DirectoryError } from './errors.ts';
import { defaultDirectory } from './load.ts';
import { normalizeName } from './normalize.ts';
import type { Directory, ReceiverIndex, UnitResolution } from './types.ts';

function receiverNamed(receiver: string, directory: Directory): ReceiverIndex {
  const found = directory.receivers.get(normalizeName(receiver));
  if (found === undefined) throw new DirectoryError(`单位目录中没有收文单位“${receiver}”的对应表`);
  return found;
}

/** The receiver's units that take up the work of a sender's unit (by canonical name); empty when none is set. */
export function mapToReceiver(canonical: string, receiver: string, directory: Directory = defaultDirectory()): string[] {
  return [...(receiverNamed(receiver, directory).map.get(normalizeName(canonical)) ?? [])];
}

/**
 * The receiver's units for one resolved name: a unit's mapping, or the union of the named
 * units' mappings for an open list. Collectives have none: their members are not the sender's
 * departments.
 */
export function receiverUnitsFor(resolution: UnitResolution, receiver: string, directory: Directory = defaultDirectory()): string[] {
  const index = receiverNamed(receiver, directory);
  const sources = resolution.kind === 'unit' && resolution.canonical !== null ? [resolution.canonical] : resolution.kind === 'open' ? (resolution.members ?? []) : [];
  const out: string[] = [];
  for (const source of sources) for (const target of index.map.get(source) ?? []) if (!out.includes(target)) out.push(target);
  return out;
}

export interface ReceiverPlan {
  /** The receiver's units, each once, in the order the sender's units came. */
  units: string[];
  /** Names of the sender's units (and collectives) the receiver has no unit for, left to the office. */
  unmapped: string[];
}

/** A document's resolved units as the receiver's own units, for the proposal of a routing slip. */
export function planForReceiver(resolutions: readonly UnitResolution[], receiver: string, directory: Directory = defaultDirectory()): ReceiverPlan {
  receiverNamed(receiver, directory);
  const units: string[] = [];
  const unmapped: string[] = [];
  for (const r of resolutions) {
    const targets = receiverUnitsFor(r, receiver, directory);
    if (targets.length === 0) {
      if (!unmapped.includes(r.name)) unmapped.push(r.name);
      continue;
    }
    for (const t of targets) if (!units.includes(t)) units.push(t);
  }
  return { units, unmapped };
}

/**
 * The receiving office a routing slip belongs to: the receiver whose own units include the
 * office or the units the slip's proposal names (党政综合办公室, 党群工作部 …), or null.
 */
export function receiverOfSlip(names: readonly string[], directory: Directory = defaultDirectory()): string | null {
  const wanted = new Set(names.map(normalizeName));
  let best: { name: string; hits: number } | null = null;
  for (const r of directory.receivers.values()) {
    const hits = r.units.filter((u) => wanted.has(normalizeName(u))).length;
    if (hits > 0 && (best === null || hits > best.hits)) best = { name: r.name, hits };
  }
  return best?.name ?? null;
}
