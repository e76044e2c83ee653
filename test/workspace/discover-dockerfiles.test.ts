import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discoverDockerfiles,
  isDockerfileName,
  UnreadablePathError,
} from '../../src/workspace/discover-dockerfiles.ts';

let root: string;

async function files(entries: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'basepin-discover-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('isDockerfileName', () => {
  it.each([
    ['Dockerfile', true],
    ['Dockerfile.dev', true],
    ['api.Dockerfile', true],
    ['api.dockerfile', true],
    ['Containerfile', true],
    ['Containerfile.arm64', true],
    // Defaults of the docker CLI, BuildKit and buildah, and Renovate's default patterns.
    ['dockerfile', true],
    ['containerfile', true],
    ['Dockerfile-old', true],
    ['Dockerfile-2', true],
    ['Dockerfile_test', true],
    ['Containerfile-hardlinks', true],
    ['web.dockerfile', true],
    ['x.Containerfile', true],
    ['Dockerfile.template', true],
    ['Dockerfile.yml.bak', true],
    // Files about Dockerfiles.
    ['Dockerfile.md', false],
    ['Dockerfile.json', false],
    ['Dockerfile.yml', false],
    ['dockerfile.go', false],
    ['Dockerfile.sh', false],
    ['Dockerfile.txt', false],
    ['Dockerfile.dockerignore', false],
    ['dockerfile_test.go', false],
    ['dockerfiles', true],
    ['my-dockerfile', false],
    ['Dockerfilex.YAML', false],
    ['README.md', false],
  ])('%s → %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected);
  });
});

describe('discoverDockerfiles', () => {
  it('finds the usual names recursively, sorted, relative to cwd', async () => {
    await files({
      Dockerfile: '',
      'b/Containerfile': '',
      'a/api.Dockerfile': '',
      'a/web.dockerfile': '',
      'a/Dockerfile.dev': '',
      'a/notes.md': '',
      'c/d/e/Containerfile.arm64': '',
    });
    expect(await discoverDockerfiles(['.'], { cwd: root })).toEqual([
      'Dockerfile',
      'a/Dockerfile.dev',
      'a/api.Dockerfile',
      'a/web.dockerfile',
      'b/Containerfile',
      'c/d/e/Containerfile.arm64',
    ]);
  });

  it('finds lowercase and suffixed names and leaves files about Dockerfiles alone', async () => {
    await files({
      'svc/dockerfile': '',
      'svc/containerfile': '',
      'svc/Dockerfile-2': '',
      'svc/Dockerfile_test': '',
      'svc/Containerfile-hardlinks': '',
      'docs/Dockerfile.md': '',
      'svc/Dockerfile.dockerignore': '',
      'pkg/dockerfile.go': '',
      'ci/Dockerfile.yml': '',
    });
    // A YAML file is listed only as a possible Kubernetes manifest (listing-kinds.test.ts).
    expect(await discoverDockerfiles(['.'], { cwd: root, kinds: ['dockerfile'] })).toEqual([
      'svc/Containerfile-hardlinks',
      'svc/Dockerfile-2',
      'svc/Dockerfile_test',
      'svc/containerfile',
      'svc/dockerfile',
    ]);
  });

  it('skips .git, node_modules and what root and nested .gitignore files ignore', async () => {
    await files({
      '.gitignore': 'build/\n*.tmp.Dockerfile\n',
      '.git/Dockerfile': '',
      'node_modules/pkg/Dockerfile': '',
      'build/Dockerfile': '',
      'x.tmp.Dockerfile': '',
      'svc/.gitignore': 'Dockerfile.local\n!keep.tmp.Dockerfile\n',
      'svc/Dockerfile': '',
      'svc/Dockerfile.local': '',
      'svc/keep.tmp.Dockerfile': '',
      'svc/deep/Dockerfile.local': '',
      'other/Dockerfile.local': '',
    });
    expect(await discoverDockerfiles(['.'], { cwd: root })).toEqual([
      'other/Dockerfile.local',
      'svc/Dockerfile',
      'svc/keep.tmp.Dockerfile',
    ]);
  });

  it('applies .gitignore files above a folder given inside cwd', async () => {
    await files({ '.gitignore': 'gen/\n', 'app/gen/Dockerfile': '', 'app/Dockerfile': '' });
    expect(await discoverDockerfiles(['app'], { cwd: root })).toEqual(['app/Dockerfile']);
  });

  it('adds include globs and removes exclude globs, matched relative to cwd', async () => {
    await files({
      'docker/base.df': '',
      'docker/Dockerfile': '',
      'vendor/lib/Dockerfile': '',
      'examples/Dockerfile': '',
      'examples/keep/Dockerfile': '',
    });
    const found = await discoverDockerfiles(['.'], {
      cwd: root,
      include: ['docker/*.df'],
      exclude: ['vendor/**', 'examples/Dockerfile'],
    });
    expect(found).toEqual(['docker/Dockerfile', 'docker/base.df', 'examples/keep/Dockerfile']);
  });

  it('always takes a file named explicitly, whatever its name or ignore rules', async () => {
    await files({ '.gitignore': '*.txt\n', 'build.txt': '', Dockerfile: '' });
    const found = await discoverDockerfiles(['build.txt', 'Dockerfile', './Dockerfile'], {
      cwd: root,
      exclude: ['build.txt'],
    });
    expect(found).toEqual(['Dockerfile', 'build.txt']);
  });

  it('returns absolute paths for files outside cwd', async () => {
    await files({ 'inner/x': '', 'outside/Dockerfile': '' });
    const found = await discoverDockerfiles(['../outside'], { cwd: path.join(root, 'inner') });
    expect(found).toEqual([path.join(root, 'outside', 'Dockerfile')]);
  });

  it('follows symlinks to files but not to folders', async () => {
    await files({ 'real/Dockerfile': '' });
    await symlink(path.join(root, 'real'), path.join(root, 'loop'));
    await symlink(path.join(root, 'real', 'Dockerfile'), path.join(root, 'Dockerfile'));
    expect(await discoverDockerfiles(['.'], { cwd: root })).toEqual(['Dockerfile', 'real/Dockerfile']);
  });

  it('throws UnreadablePathError naming a missing path', async () => {
    const attempt = discoverDockerfiles(['nope'], { cwd: root });
    await expect(attempt).rejects.toThrow(UnreadablePathError);
    await expect(attempt).rejects.toMatchObject({ path: 'nope', code: 'ENOENT' });
    await expect(attempt).rejects.toThrow(/^cannot read nope: ENOENT/);
    const error = (await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    )) as Error;
    expect(error.message).not.toContain('\n');
  });

  // Speed is measured by `npm run bench`; this checks what a 1,000-file walk finds.
  it('walks 1,000 files, finding every Dockerfile and nothing else', async () => {
    const entries: Record<string, string> = { '.gitignore': 'ignored/\n' };
    for (let index = 0; index < 1000; index++) {
      entries[
        `svc${index % 50}/m${index % 7}/${index % 3 === 0 ? `Dockerfile.${index}` : `file${index}.ts`}`
      ] = '';
    }
    await files(entries);
    const found = await discoverDockerfiles(['.'], { cwd: root });
    expect(found).toHaveLength(334);
    expect(found.every((file) => /\/Dockerfile\.\d+$/.test(file))).toBe(true);
  });
});
