// `duban supervise mailbox` and `duban supervise mail`: the mail of 督办文书 from the command line.
//   mailbox [UNIT [ADDRESS]] [--none] [--json]   list the units' addresses, or set (--none: remove)
//                                                 the address a unit's notices are mailed to
//   mail [--office NAME] [--json]                 mail the notices not yet mailed now, through the
//                                                 SMTP server of DUBAN_SMTP_URL / DUBAN_SMTP_FROM
// `duban serve` mails after each scheduled tick by itself; `mail` is for offices that run the tick
// from cron (`duban supervise tick && duban supervise mail`).
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { commandClock } from './clock-option.ts';
import { DIRECTORY_OPTION, directoryOrFail } from './directory-option.ts';
import { OFFICE_OPTION, officeName, officeProblem } from './office-option.ts';
import { openStoreOrFail } from './store-target.ts';
import { withSupervisionStore } from './supervision-store.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);

export function registerSuperviseMailCommands(group: Command, setExit: (code: number) => void): void {
  group
    .command('mailbox')
    .description('查看或设置各单位接收督办文书的邮箱')
    .argument('[unit]', '单位的规范名称（单位名录中的名称）')
    .argument('[address]', '邮件地址，如 zjj@example.gov.cn')
    .option('--none', '取消该单位的邮箱（不再发邮件）')
    .option('--json', '以 JSON 输出')
    .option(...DIRECTORY_OPTION)
    .action(async (unit: string | undefined, address: string | undefined, opts: { none?: boolean; json?: boolean; directory?: string[] }, command: Command) => {
      if (unit !== undefined && address === undefined && !opts.none) {
        say('duban: 请写出邮件地址（duban supervise mailbox 单位 地址），或用 --none 取消该单位的邮箱');
        setExit(2);
        return;
      }
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const directory = unit === undefined ? null : await directoryOrFail(opts.directory, setExit);
      if (unit !== undefined && directory === null) return;
      const [mail, { isKnownUnit }] = await Promise.all([import('../store/supervision/mail.ts'), import('../directory/index.ts')]);
      await withSupervisionStore(command, setExit, async (store) => {
        if (unit !== undefined && directory !== null) {
          const cmd = { actor: { name: `cli:${userInfo().username}` }, now: clock.now(), today: clock.today(), unit: null };
          const set = await mail.setUnitMailbox(store.db, cmd, unit, opts.none ? null : (address ?? null), (u) => isKnownUnit(directory, u));
          if (opts.json) process.stdout.write(`${JSON.stringify(set, null, 2)}\n`);
          else process.stdout.write(set.address === null ? `已取消 ${set.unit} 的邮箱\n` : `${set.unit} 的督办文书将发往 ${set.address}\n`);
          return;
        }
        const list = await mail.listUnitMailboxes(store.db);
        if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else if (list.length === 0) process.stdout.write('尚未设置任何单位的邮箱（duban supervise mailbox 单位 地址）\n');
        else for (const m of list) process.stdout.write(`${m.unit}\t${m.address}\n`);
      });
    });

  group
    .command('mail')
    .description('把尚未发出的督办文书（附 .docx）发到各单位的邮箱（SMTP 由 DUBAN_SMTP_URL、DUBAN_SMTP_FROM 配置）')
    .option(...OFFICE_OPTION)
    .option('--json', '以 JSON 输出发送结果')
    .action(async (opts: { office?: string; json?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const problem = officeProblem(opts.office);
      if (problem !== null) {
        say(`duban: ${problem}`);
        setExit(2);
        return;
      }
      const { mailerFrom } = await import('../notify/mail.ts');
      const mailer = mailerFrom(process.env);
      if (!mailer.configured || mailer.problem !== null) {
        say(`duban: ${mailer.problem ?? '没有配置邮件服务器：请设置 DUBAN_SMTP_URL（如 smtp://用户名:密码@mail.example.gov.cn:587）和 DUBAN_SMTP_FROM'}`);
        setExit(2);
        return;
      }
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      try {
        const { deliverNotices } = await import('../store/supervision/mail.ts');
        const result = await deliverNotices(store.db, mailer, officeName(opts.office), clock);
        if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const s of result.sent) process.stdout.write(`已发出  ${s.number}  ${s.address}\n`);
          for (const f of result.failed) process.stdout.write(`未发出  ${f.number}  ${f.address}  ${f.error}\n`);
          process.stdout.write(`发出 ${result.sent.length} 件，未发出 ${result.failed.length} 件\n`);
        }
        if (result.failed.length > 0) setExit(3);
      } finally {
        mailer.close();
        await store.close();
      }
    });
}
