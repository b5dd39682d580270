// A TCP port that was free a moment ago on 127.0.0.1, for a server a test or a benchmark starts
// as a child process (which must be told its port before it listens).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
