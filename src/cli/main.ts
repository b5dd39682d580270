// The duban command line. Only what every command needs loads here (commander, the options);
// each command loads its own heavy modules when it runs, so `duban --version` and `--help`
// start at once.
import { Command, CommanderError } from 'commander';
import { NOW_OPTION } from './clock-option.ts';
import { debugWanted, reportFailure } from './failure.ts';
import { endQuietlyOnClosedOutput } from './output.ts';
import { packageVersion } from './version.ts';
import { registerParseCommand } from './parse.ts';
import { registerTasksCommand } from './tasks.ts';
import { registerImportCommand } from './import.ts';
import { registerSearchCommand } from './search.ts';
import { registerServeCommand } from './serve.ts';
import { registerUnitsCommand } from './units.ts';
import { registerUsersCommand } from './users.ts';
import { registerBackupCommands } from './backup.ts';
import { registerSuperviseCommand } from './supervise.ts';
import { registerIncomingCommand } from './incoming.ts';
import { registerIncomingPrintCommands } from './incoming-print.ts';
import { registerSuperviseMailCommands } from './supervise-mail.ts';
import { registerSuperviseTimeCommands } from './supervise-time.ts';
import { registerAuditCommand } from './audit.ts';
import { registerCalendarCommand } from './calendar.ts';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('duban')
    .description('督办：读取公报、汇编与公文，形成可督办的任务')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .option('--db <path-or-url>', '数据库：SQLite 文件路径或 postgres:// 地址（默认 $DUBAN_DB 或 ./duban.db）')
    .option(...NOW_OPTION)
    .option('--debug', '出错时显示内部的详细信息（堆栈）；也可设 DUBAN_DEBUG=1')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const debug = () => debugWanted(program.opts<{ debug?: boolean }>().debug);

  const setExit = (code: number) => (exitCode = code);
  registerParseCommand(program, setExit);
  registerTasksCommand(program, setExit);
  registerImportCommand(program, setExit);
  registerSearchCommand(program, setExit);
  registerServeCommand(program, setExit);
  registerUnitsCommand(program, setExit);
  registerUsersCommand(program, setExit);
  registerBackupCommands(program, setExit);
  const supervise = registerSuperviseCommand(program, setExit);
  registerSuperviseTimeCommands(supervise, setExit);
  registerSuperviseMailCommands(supervise, setExit);
  registerIncomingPrintCommands(registerIncomingCommand(program, setExit), setExit);
  registerAuditCommand(program, setExit);
  registerCalendarCommand(program, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    return reportFailure(e, debug());
  }
  return exitCode;
}

/**
 * main() as the process `duban`: also a failure outside the command's own promise (an event
 * emitter's error, a rejection nobody awaited) is one line, and a closed stdout ends quietly.
 * Kept apart from main() so that tests calling main() in their own process keep its handlers.
 */
export async function runAsCommand(argv: string[]): Promise<number> {
  const failOutside = (e: unknown) => process.exit(reportFailure(e, debugWanted(argv.includes('--debug'))));
  endQuietlyOnClosedOutput(failOutside);
  process.on('uncaughtException', failOutside);
  process.on('unhandledRejection', failOutside);
  return main(argv);
}
