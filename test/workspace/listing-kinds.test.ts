import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileKind } from '../../src/manifests/index.ts';
import { openFileWorkspace } from '../../src/workspace/file-workspace.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import type { ListFilters, Workspace } from '../../src/workspace/types.ts';
import { testDir } from '../support/temp-dir.ts';

/** A repository holding every kind, and files that look like one but are not listed as it. */
const repository: Record<string, string> = {
  Dockerfile: 'FROM a\n',
  'compose.yaml': 'services: {}\n',
  'deploy/docker-compose.prod.yml': 'services: {}\n',
  '.github/workflows/ci.yml': 'jobs: {}\n',
  'actions/build/action.yml': 'runs: {}\n',
  'k8s/app.yaml': 'apiVersion: v1\nkind: Pod\n',
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\n',
  'charts/web/values.yaml': 'image: {}\n',
  'charts/web/values-prod.yaml': 'image: {}\n',
  'notachart/values.yaml': 'image: {}\n',
  'overlays/prod/kustomization.yaml': 'images: []\n',
  '.devcontainer/devcontainer.json': '{}\n',
  '.devcontainer/python/devcontainer.json': '{}\n',
  '.gitlab-ci.yml': 'image: a\n',
  'README.md': '# repo\n',
  'node_modules/pkg/compose.yaml': 'services: {}\n',
  '.git/compose.yaml': 'services: {}\n',
  'ignored/compose.yaml': 'services: {}\n',
  '.gitignore': 'ignored/\n',
};

const everyKind: readonly (readonly [string, string])[] = [
  ['.devcontainer/devcontainer.json', 'devcontainer'],
  ['.devcontainer/python/devcontainer.json', 'devcontainer'],
  ['.github/workflows/ci.yml', 'workflow'],
  ['.gitlab-ci.yml', 'gitlab-ci'],
  ['Dockerfile', 'dockerfile'],
  ['actions/build/action.yml', 'workflow'],
  ['charts/web/Chart.yaml', 'yaml'],
  ['charts/web/values-prod.yaml', 'helm-values'],
  ['charts/web/values.yaml', 'helm-values'],
  ['compose.yaml', 'compose'],
  ['deploy/docker-compose.prod.yml', 'compose'],
  ['k8s/app.yaml', 'yaml'],
  // No Chart.yaml next to it: a plain YAML file, read if it is a Kubernetes manifest.
  ['notachart/values.yaml', 'yaml'],
  ['overlays/prod/kustomization.yaml', 'kustomize'],
];

const cases: readonly {
  name: string;
  filters: ListFilters;
  listed: readonly (readonly [string, string])[];
}[] = [
  { name: 'every kind by default', filters: {}, listed: everyKind },
  {
    name: 'only the kinds asked for; plain YAML only with kubernetes',
    filters: { kinds: ['compose', 'helm-values'] satisfies FileKind[] },
    listed: [
      ['charts/web/values-prod.yaml', 'helm-values'],
      ['charts/web/values.yaml', 'helm-values'],
      ['compose.yaml', 'compose'],
      ['deploy/docker-compose.prod.yml', 'compose'],
    ],
  },
  {
    name: 'exclude globs leave kinds out too',
    filters: { kinds: ['compose', 'kustomize'], exclude: ['deploy/**'] },
    listed: [
      ['compose.yaml', 'compose'],
      ['overlays/prod/kustomization.yaml', 'kustomize'],
    ],
  },
  {
    name: 'an include glob takes a file of a kind that is off; a file no name describes is a Dockerfile',
    filters: { kinds: ['kustomize'], include: ['compose.yaml', 'README.md'] },
    listed: [
      ['README.md', 'dockerfile'],
      ['compose.yaml', 'compose'],
      ['overlays/prod/kustomization.yaml', 'kustomize'],
    ],
  },
];

function onDisk(): Workspace {
  const root = testDir('listing-kinds');
  for (const [file, text] of Object.entries(repository)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return openFileWorkspace(root);
}

describe.each([
  ['on disk', onDisk],
  ['in memory', () => new MemoryWorkspace(Object.entries(repository))],
])('listing every kind %s', (_, open) => {
  it.each(cases)('$name', async ({ filters, listed }) => {
    const workspace = open();
    const found = await workspace.listFiles(['.'], filters);
    expect(found.map(({ path, kind }) => [path, kind])).toEqual(listed);
    expect(await workspace.list(['.'], filters)).toEqual(listed.map(([path]) => path));
  });

  it('takes a file named explicitly as its name says (else by its content), a values file as a chart’s only next to Chart.yaml', async () => {
    const workspace = open();
    const found = await workspace.listFiles(
      ['charts/web/values.yaml', 'notachart/values.yaml', 'README.md'],
      {
        kinds: [],
      },
    );
    expect(found).toEqual([
      { path: 'README.md', kind: 'dockerfile' },
      { path: 'charts/web/values.yaml', kind: 'helm-values' },
      { path: 'notachart/values.yaml', kind: 'by-content' },
    ]);
  });
});
