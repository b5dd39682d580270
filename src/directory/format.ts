// The directory file format, checked with zod so an office that mistypes a field is told
// which one, in Chinese, instead of getting a directory that silently lacks its units.
import { z } from 'zod';
import { DirectoryError } from './errors.ts';
import { UNIT_CATEGORIES, type DirectoryFile, type UnitCategory } from './types.ts';

const name = z.string().trim().min(2);
const names = z.array(name);

const unitEntry = z.strictObject({
  name,
  category: z.enum(UNIT_CATEGORIES as [UnitCategory, ...UnitCategory[]]),
  // One character is enough after a prefix: 办 of 市委办.
  short: z.array(z.string().trim().min(1)).optional(),
  aliases: names.optional(),
  successor: name.optional(),
  note: z.string().optional(),
});

const jurisdictionEntry = z.strictObject({
  name,
  prefix: z.string().min(1).optional(),
  partyPrefix: z.string().min(1).optional(),
  docNumberCodes: z.array(z.string().min(1)).optional(),
  units: z.array(unitEntry).optional(),
});

const receiverEntry = z.strictObject({
  name,
  sender: name,
  units: names,
  map: z.record(z.string(), names),
});

const directoryFile = z.strictObject({
  about: z.string().optional(),
  jurisdictions: z.array(jurisdictionEntry).optional(),
  receivers: z.array(receiverEntry).optional(),
  commonShortNames: z.record(z.string(), names).optional(),
  countyShortNames: z.record(z.string(), names).optional(),
  genericCollectives: z
    .strictObject({ prefixes: z.array(z.string().min(1)).optional(), suffixes: z.array(z.string().min(1)).optional(), names: names.optional() })
    .optional(),
});

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '（顶层）' : out;
}

/** Checks parsed JSON against the format; `source` names the file in the error. */
export function checkDirectoryFile(data: unknown, source: string): DirectoryFile {
  const result = directoryFile.safeParse(data, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 10).map((issue) => `  ${pathText(issue.path)}：${issue.message}`);
  const more = result.error.issues.length > 10 ? `\n  ……另有 ${result.error.issues.length - 10} 处` : '';
  throw new DirectoryError(`单位目录文件 ${source} 格式有误：\n${problems.join('\n')}${more}`);
}

/** Parses the text of a directory file. */
export function parseDirectoryFile(text: string, source: string): DirectoryFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DirectoryError(`单位目录文件 ${source} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  return checkDirectoryFile(data, source);
}
