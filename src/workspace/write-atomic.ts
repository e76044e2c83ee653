import { randomBytes } from 'node:crypto';
import { chmod, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
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
  await removeStaleTemps(target);
  const temp = join(dirname(target), tempName(basename(target), randomBytes(4).toString('hex')));
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

/** `.Dockerfile.basepin-1a2b3c4d.tmp`: the name every temp file of ours has, and nothing else has. */
function tempName(base: string, id: string): string {
  return `.${base}.basepin-${id}.tmp`;
}

/** A temp file older than this is left over from a run that was killed mid-write, not one writing now. */
export const staleTempAgeMs = 60_000;

/**
 * Removes temp files a killed run left next to `target` (a SIGKILL between
 * open and rename skips every cleanup): only names of our own pattern for
 * this file, and only old ones, so a concurrent writer is never disturbed.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.basepin-`;
  const names = await readdir(folder).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    const id = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -4) : '';
    if (name !== tempName(basename(target), id) || !/^[0-9a-f]{8}$/.test(id)) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && now - info.mtimeMs > staleTempAgeMs) await rm(path, { force: true });
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
