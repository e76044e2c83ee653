import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UnreadablePathError } from './discover-dockerfiles.ts';

/**
 * Files open at once while reading: far below any open-file limit (macOS
 * defaults to 256), and enough to keep the disk busy.
 */
export const maxOpenFiles = 32;

/**
 * Reads each file (relative to `cwd`) and hands its bytes to `use`, with at
 * most `maxOpenFiles` reads in flight, so a tree of any size never meets
 * EMFILE. Results keep the order of `files`; the bytes are not kept, so
 * `use` should return only what it needs of them.
 */
export async function mapFiles<Path extends string, T>(
  cwd: string,
  files: readonly Path[],
  use: (file: Path, bytes: Uint8Array) => T,
): Promise<T[]> {
  const results = new Array<T>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as Path;
      // A file found a moment ago may be gone or unreadable now: one line naming it, not a stack trace.
      const bytes = await readFile(resolve(cwd, file)).catch((error: unknown) => {
        throw new UnreadablePathError(file, error);
      });
      results[index] = use(file, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxOpenFiles, files.length) }, worker));
  return results;
}
