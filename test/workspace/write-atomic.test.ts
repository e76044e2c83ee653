import {
  chmod,
  lstat,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/workspace/write-atomic.ts';

const text = (value: string) => new TextEncoder().encode(value);
const dirs: string[] = [];
async function mkdtempTracked(prefix: string): Promise<string> {
  const dir = await mkdtemp(prefix);
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('writeFileAtomic', () => {
  it('replaces the file whole, keeps its mode and leaves no temp file', async () => {
    const dir = await mkdtempTracked(join(tmpdir(), 'basepin-write-'));
    const file = join(dir, 'Dockerfile');
    await writeFile(file, 'FROM alpine:3.20\n');
    await chmod(file, 0o640);
    await writeFileAtomic(file, text('FROM alpine:3.20@sha256:1\n'));
    expect(await readFile(file, 'utf8')).toBe('FROM alpine:3.20@sha256:1\n');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['Dockerfile']);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const dir = await mkdtempTracked(join(tmpdir(), 'basepin-write-'));
    const real = join(dir, 'Dockerfile.prod');
    const link = join(dir, 'Dockerfile');
    await writeFile(real, 'FROM alpine:3.20\n');
    await symlink('Dockerfile.prod', link);
    await writeFileAtomic(link, text('FROM alpine:3.20@sha256:1\n'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('Dockerfile.prod');
    expect(await readFile(real, 'utf8')).toBe('FROM alpine:3.20@sha256:1\n');
  });

  it('creates a file that does not exist yet', async () => {
    const dir = await mkdtempTracked(join(tmpdir(), 'basepin-write-'));
    await writeFileAtomic(join(dir, 'new'), text('x'));
    expect(await readFile(join(dir, 'new'), 'utf8')).toBe('x');
  });

  it('removes temp files of its own naming that a killed run left, and nothing else', async () => {
    const dir = await mkdtempTracked(join(tmpdir(), 'basepin-write-'));
    const file = join(dir, 'Dockerfile');
    await writeFile(file, 'FROM alpine:3.20\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    const names = {
      stale: '.Dockerfile.basepin-0a1b2c3d.tmp',
      fresh: '.Dockerfile.basepin-99999999.tmp',
      otherFile: '.Dockerfile.prod.basepin-0a1b2c3d.tmp',
      notOurs: '.Dockerfile.basepin-backup.tmp',
    };
    for (const name of Object.values(names)) {
      await writeFile(join(dir, name), 'half a Dockerfile');
      if (name !== names.fresh) await utimes(join(dir, name), hourAgo, hourAgo);
    }
    await writeFileAtomic(file, text('FROM alpine:3.20@sha256:1\n'));
    expect((await readdir(dir)).sort()).toEqual(
      ['Dockerfile', names.fresh, names.otherFile, names.notOurs].sort(),
    );
  });
});
