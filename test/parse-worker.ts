// Runs parseText in a worker thread for the property tests (see parse-sandbox.ts): a crash of the
// parser (out of memory, a stack overflow) ends this thread, not the test runner.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { parseText } from '../src/pipeline.ts';
import type { LineAccount, ParseWarning } from '../src/types.ts';

export interface ParseRequest {
  id: number;
  text: string;
  source: string;
}

export type ParseReply =
  | {
      id: number;
      ok: true;
      /** sha256 of the whole result as JSON. */
      hash: string;
      /** sha256 of the result as JSON without its `source` field. */
      hashWithoutSource: string;
      accounting: LineAccount;
      warnings: ParseWarning[];
      documents: number;
      /** JSON paths of numbers JSON cannot carry (NaN, ±Infinity): they would print as null. */
      nonFinite: string[];
    }
  | { id: number; ok: false; error: string };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Paths of non-finite numbers in a JSON-like value (bounded list, iterative: results can be deep). */
function nonFiniteNumbers(value: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[value, '$']];
  while (stack.length > 0 && out.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, `${path}.${k}`]);
  }
  return out;
}

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs as a worker thread');

port.on('message', ({ id, text, source }: ParseRequest) => {
  let reply: ParseReply;
  try {
    const result = parseText(text, source);
    const { source: _name, ...rest } = result;
    reply = {
      id,
      ok: true,
      hash: sha(JSON.stringify(result)),
      hashWithoutSource: sha(JSON.stringify(rest)),
      accounting: result.accounting,
      warnings: result.warnings,
      documents: result.documents.length,
      nonFinite: nonFiniteNumbers(result),
    };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
