// Level prefixes. A document of 通辽市 writes its own organs as 市住建局 and 市委组织部, one of
// 兴安盟 as 盟交通局 and 盟委组织部: the prefix follows from the kind of division.
import type { LevelPrefixes } from './types.ts';

/** Longest ending first, so 自治区 wins over 区 and 自治州 over 州. */
const BY_ENDING: readonly [string, LevelPrefixes][] = [
  ['特别行政区', { prefix: '特区', partyPrefix: '特区', direct: '特区' }],
  ['自治区', { prefix: '自治区', partyPrefix: '自治区党委', direct: '区直' }],
  ['自治州', { prefix: '州', partyPrefix: '州委', direct: '州直' }],
  ['地区', { prefix: '地区', partyPrefix: '地委', direct: '地直' }],
  ['省', { prefix: '省', partyPrefix: '省委', direct: '省直' }],
  ['市', { prefix: '市', partyPrefix: '市委', direct: '市直' }],
  ['盟', { prefix: '盟', partyPrefix: '盟委', direct: '盟直' }],
  ['州', { prefix: '州', partyPrefix: '州委', direct: '州直' }],
  ['旗', { prefix: '旗', partyPrefix: '旗委', direct: '旗直' }],
  ['县', { prefix: '县', partyPrefix: '县委', direct: '县直' }],
  ['区', { prefix: '区', partyPrefix: '区委', direct: '区直' }],
];

/** The prefixes a jurisdiction's documents write, from the ending of its name; null if it has none of the endings. */
export function levelPrefixesOf(name: string): LevelPrefixes | null {
  for (const [ending, prefixes] of BY_ENDING) if (name.endsWith(ending)) return prefixes;
  return null;
}
