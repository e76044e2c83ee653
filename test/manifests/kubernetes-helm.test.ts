import { describe, expect, test } from 'vitest';
import { extractSites, manifestReasons as reasons } from '../../src/manifests/index.ts';
import { digestA, digestB, pinAll, rowsOf, type Row } from './helpers.ts';

describe('kubernetes', () => {
  const workloads = [
    'apiVersion: v1',
    'kind: Pod',
    'spec:',
    '  initContainers:',
    '  - name: init',
    '    image: busybox:1.36',
    '  containers:',
    '  - {name: app, image: "nginx:1.27"}',
    '  ephemeralContainers:',
    '  - name: debug',
    '    image: alpine:3.20',
    '---',
    'apiVersion: batch/v1',
    'kind: CronJob',
    'spec:',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          containers:',
    '          - image: postgres:16 # backup',
    '---',
    'apiVersion: batch/v1',
    'kind: Job',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - image: $IMAGE',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'spec:',
    '  containers:',
    '  - image: not-a-pod-spec:1',
    '---',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - image: no-api-version:1',
    '',
  ].join('\n');

  test('each workload kind, in every document', () => {
    expect(rowsOf('kubernetes', workloads)).toEqual<Row[]>([
      [6, 'pinnable', 'busybox:1.36', 'busybox:1.36'],
      [8, 'pinnable', 'nginx:1.27', 'nginx:1.27'],
      [11, 'pinnable', 'alpine:3.20', 'alpine:3.20'],
      [21, 'pinnable', 'postgres:16', 'postgres:16'],
      [29, 'skipped', '$IMAGE', reasons.kubernetesVariable],
    ]);
  });

  test.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'])(
    '%s: spec.template.spec',
    (kind) => {
      const text = `apiVersion: apps/v1\nkind: ${kind}\nspec:\n  template:\n    spec:\n      containers:\n      - image: nginx:1.27\n`;
      expect(rowsOf('kubernetes', text)).toEqual([[7, 'pinnable', 'nginx:1.27', 'nginx:1.27']]);
    },
  );

  test('a Go template is not parsed; each image line says why it is left alone', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n{{- if .Values.sidecar }}\n      - image: busybox:1.36\n{{- end }}\n';
    expect(rowsOf('kubernetes', text)).toEqual<Row[]>([
      [7, 'skipped', '"{{ .Values.image.repository }}:{{ .Values.image.tag }}"', reasons.kubernetesTemplate],
      [9, 'skipped', 'busybox:1.36', reasons.kubernetesTemplate],
    ]);
  });
});

describe('helm-values', () => {
  test.each<[string, string, Row[]]>([
    [
      'an empty digest key is filled',
      'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.4.1\n  digest: ""\n',
      [[3, 'pinnable', 'docker.io/bitnami/redis:7.4.1', '']],
    ],
    [
      'an existing digest is refreshed',
      `image:\n  repository: nginx\n  tag: "1.27"\n  digest: ${digestA}\n`,
      [[2, 'pinned', 'nginx:1.27', digestA]],
    ],
    [
      'a null digest',
      'image:\n  repository: nginx\n  tag: "1.27"\n  digest: ~\n',
      [[2, 'pinnable', 'nginx:1.27', '~']],
    ],
    [
      'no digest key',
      'image:\n  repository: nginx\n  tag: "1.27"\n',
      [[2, 'skipped', 'nginx:1.27', reasons.helmNoDigestKey]],
    ],
    [
      "a digest key a merge key brings in is the anchor's",
      `a: &base\n  repository: nginx\n  tag: "1.27"\n  digest: ${digestA}\nb:\n  <<: *base\n  repository: redis\n  tag: "7"\n`,
      [
        [2, 'pinned', 'nginx:1.27', digestA],
        [7, 'skipped', 'redis:7', reasons.helmMergedDigest],
      ],
    ],
    [
      "a digest that is an alias to another mapping's",
      `a:\n  repository: nginx\n  tag: "1.27"\n  digest: &d ${digestA}\nb:\n  repository: redis\n  tag: "7"\n  digest: *d\n`,
      [
        [2, 'pinned', 'nginx:1.27', digestA],
        [6, 'skipped', 'redis:7', reasons.aliasedDigest],
      ],
    ],
    [
      'an empty tag',
      'image:\n  repository: nginx\n  tag: ""\n  digest: ""\n',
      [[2, 'skipped', 'nginx', reasons.helmEmptyTag]],
    ],
    [
      'a numeric tag',
      'image:\n  repository: nginx\n  tag: 1.20\n  digest: ""\n',
      [[2, 'skipped', 'nginx:1.20', reasons.helmNumericTag]],
    ],
    [
      'a templated tag',
      'image:\n  repository: nginx\n  tag: "{{ .Chart.AppVersion }}"\n  digest: ""\n',
      [[2, 'skipped', 'nginx:{{ .Chart.AppVersion }}', reasons.template]],
    ],
    [
      'a plain image string, nested and in a list',
      'sidecars:\n  - name: log\n    image: fluent/fluent-bit:3.1\nworker:\n  image: "busybox:1.36"\n',
      [
        [3, 'pinnable', 'fluent/fluent-bit:3.1', 'fluent/fluent-bit:3.1'],
        [5, 'pinnable', 'busybox:1.36', 'busybox:1.36'],
      ],
    ],
  ])('%s', (_name, text, rows) => {
    expect(rowsOf('helm-values', text)).toEqual(rows);
  });

  test('the digest goes in its key, bare, keeping the key quoting; the tag stays', () => {
    const text = [
      "a:\n  repository: nginx\n  tag: '1.27'\n  digest: ''\n",
      'b:\n  repository: redis\n  tag: "7"\n  digest:\n',
      'd:\n  repository: memcached\n  tag: "1"\n  digest:   # set by basepin\n',
      'e: {repository: busybox, tag: "1", digest: }\n',
      `c:\n  repository: postgres\n  tag: "16"\n  digest: "${digestB}" # pinned\n`,
    ].join('');
    expect(pinAll('helm-values', text, digestA)).toBe(
      [
        `a:\n  repository: nginx\n  tag: '1.27'\n  digest: '${digestA}'\n`,
        `b:\n  repository: redis\n  tag: "7"\n  digest: ${digestA}\n`,
        `d:\n  repository: memcached\n  tag: "1"\n  digest: ${digestA}   # set by basepin\n`,
        `e: {repository: busybox, tag: "1", digest: ${digestA} }\n`,
        `c:\n  repository: postgres\n  tag: "16"\n  digest: "${digestA}" # pinned\n`,
      ].join(''),
    );
  });
});

describe('kubernetes files without a workload', () => {
  test('are not parsed: a broken CRD bundle is no problem of basepin', () => {
    const crds = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: [unclosed\n';
    expect(extractSites('kubernetes', 'crds.yaml', crds)).toEqual({
      sites: [],
      problem: undefined,
      includes: [],
    });
  });

  test('a quoted workload kind with a comment is still read', () => {
    const text =
      'apiVersion: v1\r\nkind: "Pod" # one pod\r\nspec:\r\n  containers:\r\n  - image: nginx:1.27\r\n';
    expect(rowsOf('kubernetes', text)).toEqual([[5, 'pinnable', 'nginx:1.27', 'nginx:1.27']]);
  });
});
