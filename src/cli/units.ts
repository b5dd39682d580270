// `duban units resolve NAME… --in 通辽市 [--json]`: what each unit name stands for in a
// jurisdiction. `duban units list --in 通辽市` shows the directory's units with the names they
// answer to. `--directory FILE` adds an office's own directory file to the built-in data.
import type { Command } from 'commander';
import type { Directory, ResolutionKind, UnitResolution } from '../directory/index.ts';
import { DIRECTORY_OPTION, directoryOrFail as loadOrFail } from './directory-option.ts';

const KIND_WORD: Record<ResolutionKind, string> = { unit: '单位', collective: '集合', open: '列举未尽', unknown: '未知' };

/** Columns a string takes in a terminal: CJK characters and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain table: columns padded to their widest cell, two spaces apart. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function detail(r: UnitResolution & { receiver?: string[] }): string {
  const parts: string[] = [];
  if (r.members !== undefined && r.members.length > 0) parts.push(`${r.members.join('、')}（${r.members.length}个）`);
  if (r.description !== undefined) parts.push(r.description);
  if (r.successor !== undefined) parts.push(`已由${r.successor}承继`);
  if (r.jurisdiction !== null && r.canonical !== null && r.kind === 'unit' && r.category === 'division') parts.push(`${r.jurisdiction}所辖`);
  if (r.receiver !== undefined) parts.push(r.receiver.length > 0 ? `收文单位承办：${r.receiver.join('、')}` : '收文单位无对应');
  return parts.join('；');
}

interface ResolveOpts {
  in?: string;
  json?: boolean;
  directory?: string[];
  receiver?: string;
}

interface ListOpts {
  in: string;
  json?: boolean;
  directory?: string[];
}

/** The names each unit of a jurisdiction answers to, canonical first. */
function unitNames(directory: Directory, jurisdiction: string): Map<string, string[]> {
  const j = directory.jurisdictions.get(jurisdiction);
  const out = new Map<string, string[]>();
  if (j === undefined) return out;
  for (const unit of j.units.values()) out.set(unit.canonical, []);
  const note = (key: string, canonical: string): void => {
    const list = out.get(canonical);
    if (list !== undefined && key !== canonical && !list.includes(key)) list.push(key);
  };
  for (const [key, unit] of j.exact) note(key, unit.canonical);
  for (const [key, unit] of j.plain) note(`${j.prefix}${key}`, unit.canonical);
  for (const [key, unit] of j.party) note(`${j.partyPrefix}${key}`, unit.canonical);
  return out;
}

export function registerUnitsCommand(program: Command, setExit: (code: number) => void): void {
  const units = program.command('units').description('单位目录：规范名称、简称、集合与收文单位对应');

  const directoryOrFail = (files: string[] | undefined): Promise<Directory | null> => loadOrFail(files, setExit);
  // The directory's code loads with the directory, only when a units command runs.
  const directoryCode = () => import('../directory/index.ts');

  const jurisdictionOrFail = async (name: string, directory: Directory): Promise<string | null> => {
    const known = (await directoryCode()).knownJurisdiction(name, directory);
    if (known === null) {
      process.stderr.write(`duban: 未知的辖区“${name}”：单位目录和行政区划数据中都没有这个名称（例如：通辽市、兴安盟、呼和浩特市）\n`);
      setExit(2);
    }
    return known;
  };

  units
    .command('resolve')
    .description('查出单位名称的规范名称、类型，集合则列出成员')
    .argument('<names...>', '单位名称，按文件中的写法（如 市住建局 各旗县市区人民政府）')
    .option('--in <jurisdiction>', '名称所属的辖区（如 通辽市、兴安盟）')
    .option('--json', '以 JSON 数组输出')
    .option(...DIRECTORY_OPTION)
    .option('--receiver <name>', '收文单位：同时给出其承办的内设单位（如 通辽经济技术开发区）')
    .action(async (names: string[], opts: ResolveOpts) => {
      const directory = await directoryOrFail(opts.directory);
      if (directory === null) return;
      const { DirectoryError, receiverUnitsFor, resolveUnit } = await directoryCode();
      let jurisdiction: string | null = null;
      if (opts.in !== undefined) {
        jurisdiction = await jurisdictionOrFail(opts.in, directory);
        if (jurisdiction === null) return;
      }
      const results: (UnitResolution & { receiver?: string[] })[] = names.map((n) => resolveUnit(n, jurisdiction, directory));
      if (opts.receiver !== undefined) {
        try {
          for (const r of results) r.receiver = receiverUnitsFor(r, opts.receiver, directory);
        } catch (e) {
          if (!(e instanceof DirectoryError)) throw e;
          process.stderr.write(`duban: ${e.message}\n`);
          setExit(2);
          return;
        }
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        return;
      }
      process.stdout.write(`辖区：${jurisdiction ?? '未指定'}\n`);
      process.stdout.write(formatTable(['名称', '规范名称', '类型', '成员与说明'], results.map((r) => [r.name, r.canonical ?? '（目录中没有）', KIND_WORD[r.kind], detail(r)])));
    });

  units
    .command('list')
    .description('列出一个辖区目录中的单位及其各种写法')
    .requiredOption('--in <jurisdiction>', '辖区（如 通辽市）')
    .option('--json', '以 JSON 输出')
    .option(...DIRECTORY_OPTION)
    .action(async (opts: ListOpts) => {
      const directory = await directoryOrFail(opts.directory);
      if (directory === null) return;
      const jurisdiction = await jurisdictionOrFail(opts.in, directory);
      if (jurisdiction === null) return;
      const names = unitNames(directory, jurisdiction);
      const j = directory.jurisdictions.get(jurisdiction);
      const rows = [...names].map(([canonical, written]) => ({ canonical, category: j?.units.get(canonical)?.category ?? null, names: written }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (rows.length === 0) {
        process.stdout.write(`辖区：${jurisdiction}（目录中尚无单位；集合如“各旗县市区”仍按行政区划展开）\n`);
        return;
      }
      process.stdout.write(`辖区：${jurisdiction}，${rows.length} 个单位\n`);
      process.stdout.write(formatTable(['规范名称', '其他写法'], rows.map((r) => [r.canonical, r.names.join('、')])));
    });
}
