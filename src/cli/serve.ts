// `duban --db … serve [--port 8080] [--host 127.0.0.1]`: the HTTP API over the store.
import type { Command } from 'commander';
import { buildServer } from '../server/app.ts';
import { commandClock } from './clock-option.ts';
import { openStoreOrFail } from './store-target.ts';

export function registerServeCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('启动 HTTP 接口（OpenAPI 描述见 /api/openapi.json）')
    .option('--port <port>', '端口', '8080')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .action(async (opts: { port: string; host: string }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const store = await openStoreOrFail(command, setExit);
      if (store === null) return;
      const app = await buildServer(store, { logger: true, clock });
      const close = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: Number(opts.port), host: opts.host });
      process.stderr.write(`督办接口已启动：http://${opts.host}:${opts.port}/api/openapi.json（数据库 ${store.label}）\n`);
      // Keep the command running until a signal closes the server.
      await new Promise<void>((resolve) => app.server.once('close', () => resolve()));
    });
}
