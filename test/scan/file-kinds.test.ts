import { describe, expect, it } from 'vitest';
import { scanDockerfiles } from '../../src/scan/index.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFileWorkspace } from '../../src/workspace/file-workspace.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { testDir } from '../support/temp-dir.ts';

const settings = { paths: ['.'], include: [], exclude: [] };

const where = (sites: readonly { file: string; line: number; kind: string; written: string }[]) =>
  sites.map(({ file, line, kind, written }) => `${file}:${line} ${kind} ${written}`);

describe('scanning files of every kind', () => {
  it('follows GitLab CI includes, globs too, each file once, and warns on one that cannot be read', async () => {
    const workspace = new MemoryWorkspace([
      [
        '.gitlab-ci.yml',
        'include:\n  - local: /ci/build.yml\n  - local: ci/jobs/*.yml\n  - local: ci/missing.yml\n  - remote: https://example.com/ci.yml\nimage: alpine:3.20\n',
      ],
      ['ci/build.yml', 'include: ci/shared.yml\nbuild:\n  image: golang:1.23\n'],
      ['ci/shared.yml', 'include:\n  - local: ci/build.yml\ndefault:\n  image: node:22\n'],
      ['ci/jobs/test.yml', 'test:\n  services:\n    - postgres:16\n'],
      ['ci/jobs/notes.txt', 'image: not-read:1\n'],
    ]);
    const { sites, problems, files } = await scanDockerfiles(settings, workspace);
    expect(where(sites)).toEqual([
      '.gitlab-ci.yml:6 gitlab-ci alpine:3.20',
      'ci/build.yml:3 gitlab-ci golang:1.23',
      'ci/jobs/test.yml:3 gitlab-ci postgres:16',
      'ci/shared.yml:4 gitlab-ci node:22',
    ]);
    expect(files.map((file) => [file.file, file.kind])).toEqual([
      ['.gitlab-ci.yml', 'gitlab-ci'],
      ['ci/build.yml', 'gitlab-ci'],
      ['ci/jobs/test.yml', 'gitlab-ci'],
      ['ci/shared.yml', 'gitlab-ci'],
    ]);
    expect(problems).toEqual([
      { file: '.gitlab-ci.yml', line: 4, column: 1, reason: 'the included ci/missing.yml does not exist' },
    ]);
  });

  it('does not follow includes when gitlab-ci is not read', async () => {
    const workspace = new MemoryWorkspace([
      ['.gitlab-ci.yml', 'include: ci.yml\n'],
      ['ci.yml', 'image: a:1\n'],
    ]);
    const result = await scanDockerfiles({ ...settings, fileKinds: ['dockerfile'] }, workspace);
    expect(result.sites).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reads a plain YAML file only when it is a Kubernetes manifest, and each file by its kind', async () => {
    const workspace = new MemoryWorkspace([
      ['Dockerfile', 'FROM alpine:3.20\n'],
      [
        'k8s/pod.yaml',
        'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n',
      ],
      ['config/app.yaml', 'image: not-an-image-site:1\n'],
      ['compose.yaml', 'services:\n  db:\n    image: postgres:16\n'],
    ]);
    const { sites, files } = await scanDockerfiles(settings, workspace);
    expect(where(sites)).toEqual([
      'Dockerfile:1 from alpine:3.20',
      'compose.yaml:3 compose postgres:16',
      'k8s/pod.yaml:6 kubernetes nginx:1.27',
    ]);
    expect(files.map((file) => file.file)).toEqual(['Dockerfile', 'compose.yaml', 'k8s/pod.yaml']);
  });

  it('warns once for a file that does not parse or is not UTF-8, and reads the others', async () => {
    const workspace = new MemoryWorkspace([
      ['a/compose.yaml', 'services:\n  web:\n    image: [nginx\n'],
      [
        'b/compose.yaml',
        Uint8Array.from([...Buffer.from('services:\n  db:\n    image: postgres:16 # caf'), 0xe9, 10]),
      ],
      ['c/compose.yaml', 'services:\n  db:\n    image: postgres:16\n'],
    ]);
    const { sites, problems } = await scanDockerfiles(settings, workspace);
    expect(where(sites)).toEqual(['c/compose.yaml:3 compose postgres:16']);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'a/compose.yaml:4:1',
      'b/compose.yaml:1:1',
    ]);
    expect(problems[1]!.reason).toBe('not UTF-8 text');
  });

  it('reads a YAML or JSON file named with no name of its own by its content, never as a Dockerfile', async () => {
    const workspace = new MemoryWorkspace([
      ['deploy/prod.yml', 'services: {a: {image: postgres:16}}\n'],
      ['deploy/pod.yml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: nginx:1.27\n'],
      ['deploy/ci.yml', 'services:\n  - redis:7\nFROM: alpine:3.20\n'],
      ['deploy/app.json', '{"services": {"a": {"image": "redis:7"}}}\n'],
      ['deploy/other.json', '{"FROM": "alpine:3.20"}\n'],
    ]);
    const paths = [
      'deploy/prod.yml',
      'deploy/pod.yml',
      'deploy/ci.yml',
      'deploy/app.json',
      'deploy/other.json',
    ];
    const { sites, problems } = await scanDockerfiles({ ...settings, paths }, workspace);
    expect(where(sites)).toEqual([
      'deploy/app.json:1 compose redis:7',
      'deploy/pod.yml:5 kubernetes nginx:1.27',
      'deploy/prod.yml:1 compose postgres:16',
    ]);
    expect(problems).toEqual([
      { file: 'deploy/ci.yml', line: 1, column: 1, reason: 'not a file kind basepin reads' },
      { file: 'deploy/other.json', line: 1, column: 1, reason: 'not a file kind basepin reads' },
    ]);
  });

  it('reads a YAML file an include glob takes by its content', async () => {
    const workspace = new MemoryWorkspace([['deploy/prod.yml', 'services: {a: {image: postgres:16}}\n']]);
    const { sites } = await scanDockerfiles({ ...settings, include: ['deploy/*.yml'] }, workspace);
    expect(where(sites)).toEqual(['deploy/prod.yml:1 compose postgres:16']);
  });

  it('says a missing include on disk does not exist, once, with its repository path only', async () => {
    const root = testDir('missing-include');
    writeFileSync(join(root, '.gitlab-ci.yml'), 'image: alpine:3.20\n\n\ninclude: missing.yml\n');
    const { problems } = await scanDockerfiles(settings, openFileWorkspace(root));
    expect(problems).toEqual([
      { file: '.gitlab-ci.yml', line: 4, column: 1, reason: 'the included missing.yml does not exist' },
    ]);
  });
});
