// Loading the directory: the built-in data in data/directory (part of the code base, read once)
// and, optionally, an office's own files in the same format, merged on top.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compileDirectory } from './compile.ts';
import { DirectoryError } from './errors.ts';
import { parseDirectoryFile } from './format.ts';
import type { Directory, DirectoryFile } from './types.ts';

/** Where the built-in directory data lives. */
export const BUILTIN_DATA_DIR = fileURLToPath(new URL('../../data/directory/', import.meta.url));

let builtin: DirectoryFile[] | null = null;
let cached: Directory | null = null;

/** The built-in data files, in file-name order. */
export function builtinDirectoryFiles(): DirectoryFile[] {
  builtin ??= readdirSync(BUILTIN_DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseDirectoryFile(readFileSync(join(BUILTIN_DATA_DIR, f), 'utf8'), `data/directory/${f}`));
  return builtin;
}

/** The directory of the built-in data alone, compiled once. */
export function defaultDirectory(): Directory {
  cached ??= compileDirectory(builtinDirectoryFiles());
  return cached;
}

/** Reads and checks an office's directory file. */
export function readDirectoryFile(path: string): DirectoryFile {
  if (!existsSync(path)) throw new DirectoryError(`单位目录文件不存在：${path}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DirectoryError(`单位目录文件无法读取：${path}（${e instanceof Error ? e.message : String(e)}）`);
  }
  return parseDirectoryFile(text, path);
}

/** The built-in directory extended by an office's own files (later files add to earlier ones). */
export function loadDirectory(officeFiles: readonly string[] = []): Directory {
  if (officeFiles.length === 0) return defaultDirectory();
  return compileDirectory([...builtinDirectoryFiles(), ...officeFiles.map(readDirectoryFile)]);
}
