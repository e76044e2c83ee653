import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { repositoryPath } from '../../src/dockerfile/index.ts';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadablePathError } from '../../src/workspace/discover-dockerfiles.ts';
import { openFileWorkspace } from '../../src/workspace/file-workspace.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { testDir } from '../support/temp-dir.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function tree(files: Record<string, string>): string {
  const root = testDir('workspace');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const repository = {
  Dockerfile: 'FROM a\n',
  'services/api/Dockerfile': 'FROM b\n',
  'services/api/README.md': '# api\n',
  'services/web/web.Containerfile': 'FROM c\n',
  'services/web/build.txt': 'FROM d\n',
  'vendor/x/Dockerfile': 'FROM e\n',
  'node_modules/pkg/Dockerfile': 'FROM f\n',
  '.git/Dockerfile': 'FROM g\n',
};

/** The same tree with `.gitignore` files at three levels, one rule undone deeper down. */
const ignoring = {
  ...repository,
  '.gitignore': 'vendor/\n*.Containerfile\n',
  'services/.gitignore': '!web.Containerfile\nold/\n',
  'services/old/Dockerfile': 'FROM h\n',
  'services/web/.gitignore': 'Dockerfile.*\n',
  'services/web/Dockerfile.dev': 'FROM i\n',
  'services/web/deep/Dockerfile.dev': 'FROM j\n',
  'tools/x.Containerfile': 'FROM k\n',
};

describe('the workspace on disk', () => {
  it('lists repository paths however the paths were written (./, trailing /, a/../a)', async () => {
    const workspace = openFileWorkspace(tree(repository));
    const expected = ['services/api/Dockerfile', 'services/web/web.Containerfile'];
    expect(await workspace.list(['./services/'])).toEqual(expected);
    expect(await workspace.list(['vendor/../services'])).toEqual(expected);
    expect(await workspace.list(['./services/api/Dockerfile', 'services/api/Dockerfile'])).toEqual([
      'services/api/Dockerfile',
    ]);
  });

  it('reads and writes by those paths, relative to its root', async () => {
    const root = tree(repository);
    const workspace = openFileWorkspace(root);
    const listed = await workspace.list(['services']);
    expect(
      await workspace.read(listed, (file, content) => `${file}: ${new TextDecoder().decode(content)}`),
    ).toEqual(['services/api/Dockerfile: FROM b\n', 'services/web/web.Containerfile: FROM c\n']);
    expect(
      await workspace.write([
        { file: repositoryPath('services/api/Dockerfile'), bytes: bytes('FROM b@x\n') },
      ]),
    ).toEqual([]);
    expect(readFileSync(join(root, 'services/api/Dockerfile'), 'utf8')).toBe('FROM b@x\n');
  });

  it('writes whole files, keeps the mode and the BOM, and leaves no temp file', async () => {
    const root = tree({ Dockerfile: '\uFEFFFROM a\r\n' });
    chmodSync(join(root, 'Dockerfile'), 0o600);
    const after = bytes('\uFEFFFROM a:latest@sha256:1\r\n');
    expect(
      await openFileWorkspace(root).write([{ file: repositoryPath('Dockerfile'), bytes: after }]),
    ).toEqual([]);
    expect(readFileSync(join(root, 'Dockerfile'))).toEqual(Buffer.from(after));
    expect(statSync(join(root, 'Dockerfile')).mode & 0o777).toBe(0o600);
    expect(readdirSync(root)).toEqual(['Dockerfile']);
  });

  it('returns a file it cannot write with the first line of the reason, and still writes the others', async () => {
    const root = tree({ 'ok/Dockerfile': 'FROM a\n' });
    // The folder of gone/Dockerfile vanished after the scan.
    const failures = await openFileWorkspace(root).write([
      { file: repositoryPath('gone/Dockerfile'), bytes: bytes('FROM b@x\n') },
      { file: repositoryPath('ok/Dockerfile'), bytes: bytes('FROM a@x\n') },
    ]);
    expect(failures).toEqual([{ file: repositoryPath('gone/Dockerfile'), error: expect.any(Error) }]);
    expect(failures[0]?.error.message).toMatch(/^ENOENT: [^\n]*$/);
    expect(readFileSync(join(root, 'ok/Dockerfile'), 'utf8')).toBe('FROM a@x\n');
    expect(readdirSync(root).sort()).toEqual(['ok']);
  });

  it('names a file gone since it was listed in a one-line UnreadablePathError', async () => {
    const workspace = openFileWorkspace(tree(repository));
    const attempt = workspace.read([repositoryPath('services/gone/Dockerfile')], () => undefined);
    await expect(attempt).rejects.toThrow(UnreadablePathError);
    await expect(attempt).rejects.toThrow(/^cannot read services\/gone\/Dockerfile: ENOENT/);
  });
});

describe('the workspace in memory', () => {
  // The same tree on disk and in memory lists the same.
  it.each([
    [[], {}],
    [['.'], {}],
    [['./services/'], {}],
    [['services/api/Dockerfile', 'services/web/build.txt'], {}],
    [['.'], { include: ['**/*.txt'] }],
    [['.'], { exclude: ['services/web'] }],
    [['.'], { exclude: ['**/api/**'] }],
    [['services'], { include: ['services/web/*.txt'], exclude: ['services/api/Dockerfile'] }],
  ] as const)('lists %j %j as the disk does', async (paths, filters) => {
    const disk = await openFileWorkspace(tree(repository)).list(paths, filters);
    expect(await new MemoryWorkspace(Object.entries(repository)).list(paths, filters)).toEqual(disk);
  });

  it.each([
    [[], {}],
    [['services'], {}],
    [['services/web'], {}],
    [['services/old'], {}],
    [['vendor/x'], {}],
    [['services/web/Dockerfile.dev', 'tools/x.Containerfile'], {}],
    [['.'], { include: ['**/*.txt'], exclude: ['services/web/deep'] }],
  ] as const)('honours .gitignore files as the disk does: %j %j', async (paths, filters) => {
    const disk = await openFileWorkspace(tree(ignoring)).list(paths, filters);
    expect(await new MemoryWorkspace(Object.entries(ignoring)).list(paths, filters)).toEqual(disk);
  });

  it('lists by the .gitignore rules in force after a write', async () => {
    const memory = new MemoryWorkspace(Object.entries(ignoring));
    expect(await memory.list(['tools'])).toEqual([]);
    await memory.write([{ file: repositoryPath('.gitignore'), bytes: bytes('vendor/\n') }]);
    expect(await memory.list(['tools'])).toEqual(['tools/x.Containerfile']);
  });

  it('refuses a path it does not hold, or one outside it, as the disk does', async () => {
    const memory = new MemoryWorkspace(Object.entries(repository));
    for (const path of ['nope', '../x', 'services/nope/Dockerfile']) {
      await expect(memory.list([path])).rejects.toThrow(UnreadablePathError);
    }
    await expect(memory.read([repositoryPath('nope')], () => undefined)).rejects.toThrow(
      /^cannot read nope: ENOENT/,
    );
  });
});
