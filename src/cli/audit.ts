// `duban audit verify [--json]`: checks the audit trail's hash chain (src/store/audit-chain.ts).
// Whole: one line on stdout with the count and the head hash (worth noting down elsewhere: a
// later head that does not grow from it means the trail was rewritten), exit 0. Broken: one
// Chinese line on stderr naming the first bad event and what happened to it, exit 1. --json
// prints the verdict ({ok, count, head, firstBad?}) on stdout either way (and that line too).
import type { Command } from 'commander';
import { openStoreOrFail } from './store-target.ts';

export function registerAuditCommand(program: Command, setExit: (code: number) => void): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('核验审计日志的哈希链：找出被改动、删除、插入或调换次序的事件')
    .option('--json', '以 JSON 输出核验结果')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      try {
        const { verifyAuditChain } = await import('../store/audit-chain.ts');
        const verdict = await verifyAuditChain(store.db);
        if (opts.json) process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
        if (verdict.ok) {
          if (!opts.json) process.stdout.write(`审计链完整：共 ${verdict.count} 条事件，链头 ${verdict.head}\n`);
          return;
        }
        process.stderr.write(`duban: 审计链已被破坏：${verdict.firstBad!.reason}（此前的 ${verdict.count} 条事件完好）\n`);
        setExit(1);
      } finally {
        await store.close();
      }
    });
}
