import { describe, expect, test } from 'vitest';
import { extractSites, manifestReasons as reasons } from '../../src/manifests/index.ts';
import { digestA, digestB, pinAll, rowsOf, type Row } from './helpers.ts';

describe('kustomize', () => {
  test.each<[string, string, Row[]]>([
    [
      'newName and newTag, no digest yet',
      'images:\n- name: nginx\n  newName: registry.example/nginx\n  newTag: "1.27"\n',
      [[2, 'pinnable', 'registry.example/nginx:1.27', '']],
    ],
    [
      'an existing digest',
      `images:\n  - name: nginx\n    newTag: "1.27"\n    digest: ${digestA}\n`,
      [[2, 'pinned', 'nginx:1.27', digestA]],
    ],
    [
      'a digest and no tag: left alone',
      `images:\n- name: alpine\n  digest: ${digestA}\n`,
      [[2, 'skipped', 'alpine', 'digest-only reference has no tag to follow']],
    ],
    [
      'no newTag',
      'images:\n- name: nginx\n  newName: my/nginx\n',
      [[2, 'skipped', 'my/nginx', reasons.kustomizeNoTag]],
    ],
    [
      "a digest a merge key brings in is the anchor's, not the entry's",
      `images:\n- &base\n  name: nginx\n  newTag: "1.27"\n  digest: ${digestA}\n- <<: *base\n  name: redis\n  newTag: "7"\n`,
      [
        [3, 'pinned', 'nginx:1.27', digestA],
        [6, 'pinnable', 'redis:7', ''],
      ],
    ],
    [
      "a digest that is an alias to another entry's",
      `images:\n- name: nginx\n  newTag: "1.27"\n  digest: &d ${digestA}\n- name: redis\n  newTag: "7"\n  digest: *d\n`,
      [
        [2, 'pinned', 'nginx:1.27', digestA],
        [5, 'skipped', 'redis:7', reasons.aliasedDigest],
      ],
    ],
    ['no name', 'images:\n- newTag: "1"\n', [[2, 'invalid', '', reasons.kustomizeNoName]]],
    [
      'a variable tag',
      'images:\n- name: nginx\n  newTag: ${TAG}\n',
      [[2, 'skipped', 'nginx:${TAG}', reasons.kustomizeVariable]],
    ],
  ])('%s', (_name, text, rows) => {
    expect(rowsOf('kustomize', text)).toEqual(rows);
  });

  test('a new digest key takes the entry indentation and line ending, after any comment', () => {
    const text =
      'images:\r\n  - name: nginx\r\n    newTag: "1.27" # web\r\n  - {name: redis, newTag: "7"}\r\nresources: [a.yaml]';
    expect(pinAll('kustomize', text, digestA)).toBe(
      `images:\r\n  - name: nginx\r\n    newTag: "1.27" # web\r\n    digest: ${digestA}\r\n  - {name: redis, newTag: "7", digest: ${digestA}}\r\nresources: [a.yaml]`,
    );
  });

  test('a new digest key at the end of a file without a final line break', () => {
    expect(pinAll('kustomize', 'images:\n- name: nginx\n  newTag: "1.27"', digestA)).toBe(
      `images:\n- name: nginx\n  newTag: "1.27"\n  digest: ${digestA}`,
    );
  });

  test('an entry whose digest a merge key brings in gets a digest key of its own', () => {
    const text = `images:\n- &base\n  name: nginx\n  newTag: "1.27"\n  digest: ${digestB}\n- <<: *base\n  name: redis\n  newTag: "7"\n`;
    expect(pinAll('kustomize', text, digestA)).toBe(
      `images:\n- &base\n  name: nginx\n  newTag: "1.27"\n  digest: ${digestA}\n- <<: *base\n  name: redis\n  newTag: "7"\n  digest: ${digestA}\n`,
    );
  });

  test('an existing digest is replaced in place', () => {
    const text = `images:\n- name: nginx\n  newTag: "1.27"\n  digest: "${digestB}"\n`;
    expect(pinAll('kustomize', text, digestA)).toBe(
      `images:\n- name: nginx\n  newTag: "1.27"\n  digest: "${digestA}"\n`,
    );
  });
});

describe('devcontainer', () => {
  test.each<[string, string, Row[]]>([
    [
      'comments, trailing commas and a BOM',
      '\uFEFF{\n  // the image\n  "image": "mcr.microsoft.com/devcontainers/base:bookworm", /* pinned soon */\n  "features": {},\n}\n',
      [
        [
          3,
          'pinnable',
          'mcr.microsoft.com/devcontainers/base:bookworm',
          'mcr.microsoft.com/devcontainers/base:bookworm',
        ],
      ],
    ],
    ['an escaped image', '{"image": "alpine\\u003a3.20"}', [[1, 'skipped', 'alpine:3.20', reasons.escaped]]],
    ['only the top-level image', '{"build": {"image": "alpine:3"}, "dockerComposeFile": "c.yaml"}', []],
    ['an image that is not a string', '{"image": 3}', [[1, 'invalid', '', reasons.notText]]],
    [
      'a key written twice: the last is the one the tools use',
      '{\n  "image": "alpine:3.19",\n  "image": "alpine:3.20"\n}\n',
      [[3, 'pinnable', 'alpine:3.20', 'alpine:3.20']],
    ],
    [
      'a variable',
      '{"image": "mcr.microsoft.com/devcontainers/go:${localEnv:GO}"}',
      [[1, 'skipped', 'mcr.microsoft.com/devcontainers/go:${localEnv:GO}', reasons.devcontainerVariable]],
    ],
  ])('%s', (_name, text, rows) => {
    expect(rowsOf('devcontainer', text)).toEqual(rows);
  });

  test('a pin changes only the string, comments and commas kept', () => {
    const text = '{\n  "image": "alpine:3.20", // base\n}\n';
    expect(pinAll('devcontainer', text, digestA)).toBe(
      `{\n  "image": "alpine:3.20@${digestA}", // base\n}\n`,
    );
  });

  test('broken JSON is one problem with its line and column', () => {
    expect(extractSites('devcontainer', '.devcontainer.json', '{\n  "image": "x",\n  "a": }\n')).toEqual({
      sites: [],
      includes: [],
      problem: { file: '.devcontainer.json', line: 3, column: 8, reason: 'JSON: value expected' },
    });
  });
});

describe('gitlab-ci', () => {
  const pipeline = [
    'include:',
    "  - local: '/ci/build.yml'",
    '  - ci/test.yml',
    '  - local: ci/jobs/*.yml',
    '  - remote: https://example.com/ci.yml',
    '  - https://example.com/other.yml',
    '  - template: Auto-DevOps.gitlab-ci.yml',
    '  - project: group/ci',
    '    file: /x.yml',
    '  - local: $CI_FILE',
    'image: ruby:3.3',
    'variables:',
    '  image: not-an-image:1',
    'default:',
    '  services:',
    '    - name: postgres:16',
    '      alias: db',
    '.docker: &docker',
    '  image:',
    '    name: docker:27',
    '    entrypoint: [""]',
    '  services: [docker:27-dind]',
    'build:',
    '  <<: *docker',
    '  script: [docker build .]',
    'deploy:',
    '  image: $CI_REGISTRY_IMAGE/deploy:$CI_COMMIT_SHA',
    '',
  ].join('\n');

  test('images at the top, under default, in jobs (hidden ones too), and services', () => {
    expect(rowsOf('gitlab-ci', pipeline)).toEqual<Row[]>([
      [11, 'pinnable', 'ruby:3.3', 'ruby:3.3'],
      [16, 'pinnable', 'postgres:16', 'postgres:16'],
      [20, 'pinnable', 'docker:27', 'docker:27'],
      [22, 'pinnable', 'docker:27-dind', 'docker:27-dind'],
      [27, 'skipped', '$CI_REGISTRY_IMAGE/deploy:$CI_COMMIT_SHA', reasons.gitlabVariable],
    ]);
  });

  test('the local files include names, from the repository root', () => {
    expect(extractSites('gitlab-ci', '.gitlab-ci.yml', pipeline).includes).toEqual([
      { path: 'ci/build.yml', glob: false },
      { path: 'ci/test.yml', glob: false },
      { path: 'ci/jobs/*.yml', glob: true },
    ]);
  });

  test.each([
    ['include: ci/a.yml\nimage: x:1\n', [{ path: 'ci/a.yml', glob: false }]],
    ['include:\n  local: ci/a.yml\n', [{ path: 'ci/a.yml', glob: false }]],
    ['include: ../outside.yml\n', []],
  ])('include as %j', (text, includes) => {
    expect(extractSites('gitlab-ci', '.gitlab-ci.yml', text).includes).toEqual(includes);
  });
});

describe('a file that is not YAML', () => {
  test('is one problem naming its line, column and the parser reason; no sites', () => {
    expect(
      extractSites('compose', 'compose.yaml', 'services:\n  a:\n    image: nginx\n    image: redis\n'),
    ).toEqual({
      sites: [],
      includes: [],
      problem: { file: 'compose.yaml', line: 4, column: 5, reason: 'Map keys must be unique' },
    });
  });

  test('a file without the words an image needs is not parsed at all', () => {
    expect(extractSites('kustomize', 'kustomization.yaml', 'resources: [: broken')).toEqual({
      sites: [],
      includes: [],
      problem: undefined,
    });
  });
});
