import {
  chmod,
  lstat,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/workspace/write-atomic.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('writeFileAtomic', () => {
  it('replaces the file whole, keeps its mode and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'basepin-write-'));
    const file = join(dir, 'Dockerfile');
    await writeFile(file, 'FROM alpine:3.20\n');
    await chmod(file, 0o640);
    await writeFileAtomic(file, text('FROM alpine:3.20@sha256:1\n'));
    expect(await readFile(file, 'utf8')).toBe('FROM alpine:3.20@sha256:1\n');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['Dockerfile']);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'basepin-write-'));
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
    const dir = await mkdtemp(join(tmpdir(), 'basepin-write-'));
    await writeFileAtomic(join(dir, 'new'), text('x'));
    expect(await readFile(join(dir, 'new'), 'utf8')).toBe('x');
  });
});
