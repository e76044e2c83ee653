import { randomBytes } from 'node:crypto';
import { chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: a temp file in the same folder (same
 * filesystem, so rename is atomic), fsynced, given the original mode, then
 * renamed over the original. A symlink is written through: renaming over the
 * link itself would turn it into a detached copy and leave its target stale.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const target = await ifExists(realpath(path), path);
  const mode = await ifExists(
    stat(target).then((info) => info.mode & 0o7777),
    undefined,
  );
  const temp = join(dirname(target), `.${basename(target)}.basepin-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The value, or `absent` when the file does not exist; any other failure is thrown. */
async function ifExists<T, A>(value: Promise<T>, absent: A): Promise<T | A> {
  try {
    return await value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return absent;
    throw error;
  }
}
