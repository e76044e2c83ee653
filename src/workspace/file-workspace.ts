import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverDockerfiles, discoverFiles } from './discover-dockerfiles.ts';
import { mapFiles } from './read-files.ts';
import type { FileBytes, UnwrittenFile, Workspace } from './types.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** Files written at once: each write fsyncs, and a disk serves several syncs in parallel. */
export const writesAtOnce = 16;

/**
 * The workspace on disk, opened on `root`: discovery walks breadth-first with
 * `.gitignore` honoured (discover-dockerfiles.ts), reads keep at most
 * `maxOpenFiles` files open (read-files.ts), and writes are atomic renames of
 * fsynced temp files, a few at a time (write-atomic.ts). The entries open it;
 * use cases see only `Workspace`.
 */
export function openFileWorkspace(root: string): Workspace {
  const folder = resolve(root);
  return {
    list: (paths, filters = {}) => discoverDockerfiles(paths, { cwd: folder, ...filters }),
    listFiles: (paths, filters = {}) => discoverFiles(paths, { cwd: folder, ...filters }),
    read: (files, use) => mapFiles(folder, files, use),
    readAgain: (file) => readFileSync(resolve(folder, file)),
    write: (files) => writeFiles(folder, files),
  };
}

async function writeFiles(root: string, files: readonly FileBytes[]): Promise<UnwrittenFile[]> {
  const failures: (UnwrittenFile | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const { file, bytes } = files[index]!;
      failures[index] = await writeFileAtomic(resolve(root, file), bytes).then(
        () => undefined,
        (error: unknown) => ({ file, error: firstLine(error) }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(writesAtOnce, files.length) }, worker));
  return failures.filter((failure) => failure !== undefined);
}

/** The system's message without the stack: `ENOENT: no such file or directory, open '…'`. */
function firstLine(error: unknown): Error {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'write failed') : String(error);
  return new Error(message, { cause: error });
}
