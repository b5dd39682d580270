// `duban --db … search QUERY [--json]`: best hits first. JSON is a list of
// {kind, docNumber, title, date, score, snippet, …}; text output is one block per hit.
import type { Command } from 'commander';
import { SEARCH_KINDS, type SearchKind } from '../store/search-kinds.ts';
import type { SearchHit } from '../store/search.ts';
import { commandClock } from './clock-option.ts';
import { openStoreOrFail } from './store-target.ts';

const KIND_WORD: Record<SearchKind, string> = { document: '公文', task: '任务', appointment: '任免', chronicle: '大事记' };
const VALIDITY = ['valid', 'expired', 'repealed', 'pending'] as const;

function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Snippet for a terminal: matches bold on a TTY, in 【】 otherwise. */
function plainSnippet(snippet: string, tty: boolean): string {
  const marked = tty ? snippet.replace(/<mark>/g, '\x1b[1m').replace(/<\/mark>/g, '\x1b[0m') : snippet.replace(/<mark>/g, '【').replace(/<\/mark>/g, '】');
  return unescapeHtml(marked);
}

function formatHit(h: SearchHit, n: number, tty: boolean): string {
  const head = [`${n}.`, `[${KIND_WORD[h.kind]}]`, h.docNumber ?? '', h.title, h.date ?? ''].filter((x) => x !== '').join(' ');
  return `${head}  (${h.score})\n   ${plainSnippet(h.snippet, tty)}\n`;
}

interface SearchOpts {
  json?: boolean;
  kind?: string[];
  issuer?: string;
  year?: string;
  type?: string;
  unit?: string;
  validity?: string;
  limit?: string;
}

export function registerSearchCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('search')
    .description('全文检索公文、任务、人事任免与大事记；支持文号（任意写法）、"短语"、筛选')
    .argument('<query...>', '检索词；用引号括起的为短语')
    .option('--json', '以 JSON 输出')
    .option('--kind <kind...>', `只检索这些类别：${SEARCH_KINDS.join(' ')}`)
    .option('--issuer <issuer>', '发文机关（包含）')
    .option('--year <year>', '年份')
    .option('--type <文种>', '文种：通知、意见、方案、通告…')
    .option('--unit <unit>', '涉及的单位')
    .option('--validity <v>', `效力：${VALIDITY.join(' ')}`)
    .option('--limit <n>', '最多条数', '20')
    .action(async (words: string[], opts: SearchOpts, command: Command) => {
      const kinds = opts.kind?.filter((k): k is SearchKind => (SEARCH_KINDS as readonly string[]).includes(k));
      if (opts.kind && kinds?.length !== opts.kind.length) {
        process.stderr.write(`duban: 未知的类别 ${opts.kind.join(' ')}（可用：${SEARCH_KINDS.join(' ')}）\n`);
        setExit(2);
        return;
      }
      if (opts.validity && !(VALIDITY as readonly string[]).includes(opts.validity)) {
        process.stderr.write(`duban: 未知的效力 ${opts.validity}（可用：${VALIDITY.join(' ')}）\n`);
        setExit(2);
        return;
      }
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) {
        process.stderr.write(`duban: 年份应为四位数字：${opts.year}\n`);
        setExit(2);
        return;
      }
      if (opts.limit !== undefined && !/^[1-9]\d{0,3}$/.test(opts.limit)) {
        process.stderr.write(`duban: --limit 应为 1–9999 的整数：${opts.limit}\n`);
        setExit(2);
        return;
      }
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      const { search } = await import('../store/search.ts');
      try {
        const hits = await search(store, words.join(' '), {
          asOf: clock.today(),
          kinds,
          issuer: opts.issuer,
          year,
          docKind: opts.type,
          unit: opts.unit,
          validity: opts.validity as (typeof VALIDITY)[number] | undefined,
          limit: Number(opts.limit ?? 20),
        });
        if (opts.json) process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
        else if (hits.length === 0) process.stdout.write('没有找到结果\n');
        else process.stdout.write(hits.map((h, i) => formatHit(h, i + 1, process.stdout.isTTY === true)).join(''));
      } finally {
        await store.close();
      }
    });
}
