import { describe, expect, test } from 'vitest';
import { documentParts } from '../../src/manifests/documents.ts';
import { extractSites } from '../../src/manifests/index.ts';
import { rowsOf } from './helpers.ts';

describe('documentParts', () => {
  test.each([
    ['a: 1\n', ['a: 1\n']],
    ['a: 1\n---\nb: 2\n', ['a: 1\n', '---\nb: 2\n']],
    ['---\na: 1\r\n--- # two\r\nb: 2\r\n', ['---\na: 1\r\n', '--- # two\r\nb: 2\r\n']],
    ['--- |\n  text\n---\n', ['--- |\n  text\n', '---\n']],
    ['a: |\n  ---\n---x: 1\n', ['a: |\n  ---\n---x: 1\n']],
    ['%YAML 1.2\n---\na: 1\n---\nb: 2\n', ['%YAML 1.2\n---\na: 1\n---\nb: 2\n']],
  ])('%j', (text, parts) => {
    expect(documentParts(text).map(({ start, end }) => text.slice(start, end))).toEqual(parts);
  });
});

describe('a Kubernetes stream', () => {
  const stream = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'spec: [not read',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - image: "nginx:1.27"',
    '',
  ].join('\n');

  test('only documents that may name an image are parsed; sites have the file lines and ranges', () => {
    expect(rowsOf('kubernetes', stream)).toEqual([[11, 'pinnable', 'nginx:1.27', 'nginx:1.27']]);
  });

  test('a syntax error in a workload document names the file line', () => {
    const broken = `${stream}---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - image: [redis\n`;
    expect(extractSites('kubernetes', 'k.yaml', broken).problem).toMatchObject({ file: 'k.yaml', line: 18 });
  });
});
