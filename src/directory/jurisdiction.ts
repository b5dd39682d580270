// Which jurisdiction a document speaks for: the division its issuer names (通辽市人民政府办公室,
// 中共通辽市委员会, 内蒙古兴安盟行政公署), else the organ code of its 发文字号 as the directory
// data lists it (通政办发 → 通辽市).
import { divisionsNamed, leadingDivision, type Division } from './divisions.ts';
import { defaultDirectory } from './load.ts';
import { normalizeName } from './normalize.ts';
import type { Directory } from './types.ts';

/** Words in front of the division in an organ's name: 中共通辽市委员会, 中国人民解放军内蒙古兴安军分区. */
const ORGAN_HEADS = ['中国共产党', '中共', '中国人民解放军', '共青团'];
const DEPTH: Record<Division['level'], number> = { province: 0, city: 1, county: 2 };

function issuerDivision(issuer: string, directory: Directory): Division | null {
  let text = normalizeName(issuer);
  for (const head of ORGAN_HEADS) {
    if (text.startsWith(head)) {
      text = text.slice(head.length);
      break;
    }
  }
  return leadingDivision(text, directory.countyShort);
}

/** The 发文字号's organ code: what stands before the year bracket (通政办发 of 通政办发〔2023〕63号). */
function organCode(docNumber: string): string {
  const text = normalizeName(docNumber);
  let end = 0;
  while (end < text.length && !'〔（[(0123456789'.includes(text[end]!)) end++;
  return text.slice(0, end);
}

/**
 * The jurisdiction of a document: the most specific division any of its issuers names; failing
 * that, the directory jurisdiction whose 文号 code the number starts with (longest code wins);
 * null when neither tells.
 */
export function jurisdictionOf(issuers: readonly string[], docNumber: string | null, directory: Directory = defaultDirectory()): string | null {
  let best: Division | null = null;
  for (const issuer of issuers) {
    const division = issuerDivision(issuer, directory);
    if (division !== null && (best === null || DEPTH[division.level] > DEPTH[best.level])) best = division;
  }
  if (best !== null) return best.name;
  if (docNumber === null) return null;
  const code = organCode(docNumber);
  let found: string | null = null;
  let length = 0;
  for (const j of directory.jurisdictions.values()) {
    for (const prefix of j.docNumberCodes) {
      if (prefix.length > length && code.startsWith(prefix)) {
        found = j.name;
        length = prefix.length;
      }
    }
  }
  return found;
}

/**
 * A jurisdiction as a user types it (通辽市, 通辽, 兴安盟) → its name in the directory or in the
 * division data; null when neither knows it or a short name is shared by several divisions.
 */
export function knownJurisdiction(name: string, directory: Directory = defaultDirectory()): string | null {
  const text = normalizeName(name);
  if (directory.jurisdictions.has(text)) return text;
  const divisions = divisionsNamed(text);
  const full = divisions.filter((d) => d.name === text);
  if (full.length >= 1) return text;
  const names = [...new Set(divisions.map((d) => d.name))];
  return names.length === 1 ? names[0]! : null;
}
