import { describe, expect, test } from 'vitest';
import {
  classifyFile,
  fileKinds,
  isFileKind,
  kindByName,
  looksLikeKubernetes,
} from '../../src/manifests/index.ts';

describe('kindByName', () => {
  test.each([
    ['compose.yaml', 'compose'],
    ['compose.yml', 'compose'],
    ['deploy/docker-compose.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['compose.override.yaml', 'compose'],
    ['docker-compose.prod.yml', 'compose'],
    ['.github/workflows/ci.yml', 'workflow'],
    ['.github/workflows/release.yaml', 'workflow'],
    ['action.yml', 'workflow'],
    ['.github/actions/lint/action.yaml', 'workflow'],
    ['kustomization.yaml', 'kustomize'],
    ['overlays/prod/kustomization.yml', 'kustomize'],
    ['base/Kustomization', 'kustomize'],
    ['.devcontainer/devcontainer.json', 'devcontainer'],
    ['.devcontainer.json', 'devcontainer'],
    ['.devcontainer/python/devcontainer.json', 'devcontainer'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['composer.yaml', undefined],
    ['my-compose.yaml', undefined],
    ['.github/workflows/scripts/run.sh', undefined],
    ['.github/workflows/nested/ci.yml', undefined],
    ['devcontainer.json', undefined],
    ['.devcontainer/a/b/devcontainer.json', undefined],
    ['values.yaml', undefined],
    ['deploy.yaml', undefined],
  ])('%s → %s', (path, kind) => {
    expect(kindByName(path, [])).toBe(kind);
  });

  test.each([
    ['chart/values.yaml', 'helm-values'],
    ['chart/values.yml', 'helm-values'],
    ['chart/values-prod.yaml', 'helm-values'],
    ['chart/values.staging.yaml', 'helm-values'],
    ['chart/my-values.yaml', undefined],
    ['chart/values.schema.json', undefined],
  ])('%s next to Chart.yaml → %s', (path, kind) => {
    expect(kindByName(path, ['Chart.yaml', 'values.yaml'])).toBe(kind);
    expect(kindByName(path, ['values.yaml'])).toBeUndefined();
  });
});

describe('kubernetes by content', () => {
  test.each([
    ['apiVersion: v1\nkind: Pod\n', true],
    ['kind: Pod\napiVersion: v1\n', true],
    ['---\napiVersion: apps/v1\nkind: Deployment\n', true],
    ['apiVersion: v1\n', false],
    ['spec:\n  apiVersion: v1\n  kind: Pod\n', false],
    ['name: ci\non: push\n', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeKubernetes(text)).toBe(expected);
  });

  test('a YAML file with apiVersion and kind, when its name says nothing else', () => {
    const pod = 'apiVersion: v1\nkind: Pod\n';
    expect(classifyFile('deploy/web.yaml', [], pod)).toBe('kubernetes');
    expect(classifyFile('deploy/web.json', [], pod)).toBeUndefined();
    expect(classifyFile('deploy/web.yaml', [])).toBeUndefined();
    expect(
      classifyFile(
        'kustomization.yaml',
        [],
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n',
      ),
    ).toBe('kustomize');
  });
});

test('the file kinds, in the order of the setting', () => {
  expect(fileKinds).toEqual([
    'dockerfile',
    'compose',
    'workflow',
    'kubernetes',
    'helm-values',
    'kustomize',
    'devcontainer',
    'gitlab-ci',
  ]);
  expect(isFileKind('helm-values')).toBe(true);
  expect(isFileKind('helm')).toBe(false);
});
