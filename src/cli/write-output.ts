// Writing a file the user asked for (--docx, --xlsx): a path that cannot be written (no such
// folder, no permission, a disk full) is one Chinese line and exit 2, never a stack trace.
import { writeFile } from 'node:fs/promises';
import { fileProblem } from './failure.ts';

/** Writes `bytes` to `path`; true when written, else says why and sets exit 2. */
export async function writeOutput(path: string, bytes: Uint8Array, setExit: (code: number) => void): Promise<boolean> {
  try {
    await writeFile(path, bytes);
    return true;
  } catch (e) {
    const problem = fileProblem(e);
    if (problem === null) throw e;
    process.stderr.write(`duban: 无法写出 ${path}：${problem}\n`);
    setExit(2);
    return false;
  }
}
