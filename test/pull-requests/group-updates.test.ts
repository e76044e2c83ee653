import { describe, expect, it } from 'vitest';
import { BranchNameError, branchName, branchSlug } from '../../src/pull-requests/branch-name.ts';
import { branchNameProblem } from '../../src/config/git-branch.ts';
import { groupUpdates, type GroupBy } from '../../src/pull-requests/group-updates.ts';
import { extractSites, type FileKind } from '../../src/manifests/index.ts';
import { isPinnableSite } from '../../src/dockerfile/index.ts';
import type { Update } from '../../src/update/index.ts';
import { alpineUpdate, appUpdate, digest, movedTo, nodeUpdate, updateOf } from './open-prs-fixtures.ts';

describe('branchSlug', () => {
  it.each([
    ['alpine', 'alpine'],
    ['ghcr.io/org/app', 'ghcr-io-org-app'],
    ['user/img', 'user-img'],
    ['services/api', 'services-api'],
    ['Services/API', 'services-api'],
    ['a b~c^d:e?f*g[h\\i', 'a-b-c-d-e-f-g-h-i'],
    ['..hidden/dir..', 'hidden-dir'],
    ['foo.lock', 'foo-lock'],
    ['a@{1}', 'a-1'],
    ['-x-', 'x'],
    ['', 'root'],
    ['///', 'root'],
    ['localhost:5000/team/img', 'localhost-5000-team-img'],
  ])('%j → %j', (text, slug) => {
    expect(branchSlug(text)).toBe(slug);
    expect(branchNameProblem(`basepin/${slug}`)).toBeUndefined();
  });

  it('shortens long names with a stable hash', () => {
    const long = `registry.example.com/${'very-long-team-name/'.repeat(6)}image`;
    const slug = branchSlug(long);
    expect(slug.length).toBeLessThanOrEqual(60);
    // A prefix of the slug, then the first 8 hex digits of the SHA-256 of the whole name: the same on every run.
    expect(slug).toBe('registry-example-com-very-long-team-name-very-long-1400cf0b');
    expect(branchSlug(`${long}2`)).toBe('registry-example-com-very-long-team-name-very-long-950d8054');
  });
});

describe('branchName', () => {
  it.each([
    ['basepin/', 'all', 'basepin/all'],
    ['deps/basepin-', 'alpine', 'deps/basepin-alpine'],
  ])('%j + %j', (prefix, slug, name) => expect(branchName(prefix, slug)).toBe(name));

  it.each(['bad prefix/', '.hidden/', 'a..b/', 'x.lock/', 'a//b/', '~/'])('refuses prefix %j', (prefix) => {
    expect(() => branchName(prefix, 'all')).toThrow(BranchNameError);
  });
});

describe('groupUpdates', () => {
  const worker = updateOf({
    file: 'services/worker/Dockerfile',
    text: 'FROM alpine:3.20\n',
    written: 'alpine:3.20',
    to: digest('1'),
  });
  const hubUser = updateOf({
    file: 'tools/Dockerfile',
    text: 'FROM bitnami/kubectl:1.31\n',
    written: 'bitnami/kubectl:1.31',
    to: digest('4'),
  });
  const updates = [appUpdate(), worker, nodeUpdate(), alpineUpdate(), hubUser];

  const cases: [GroupBy, Record<string, string[]>][] = [
    [
      'all',
      {
        'basepin/all': [
          'Dockerfile:1',
          'services/api/Dockerfile:2',
          'services/api/Dockerfile:4',
          'services/worker/Dockerfile:1',
          'tools/Dockerfile:1',
        ],
      },
    ],
    [
      'image',
      {
        'basepin/alpine': ['Dockerfile:1', 'services/worker/Dockerfile:1'],
        'basepin/bitnami-kubectl': ['tools/Dockerfile:1'],
        'basepin/ghcr-io-org-app': ['services/api/Dockerfile:4'],
        'basepin/node': ['services/api/Dockerfile:2'],
      },
    ],
    [
      'directory',
      {
        'basepin/root': ['Dockerfile:1'],
        'basepin/services-api': ['services/api/Dockerfile:2', 'services/api/Dockerfile:4'],
        'basepin/services-worker': ['services/worker/Dockerfile:1'],
        'basepin/tools': ['tools/Dockerfile:1'],
      },
    ],
  ];

  it.each(cases)('by %s', (groupBy, expected) => {
    const groups = groupUpdates(updates, groupBy, 'basepin/');
    expect(
      Object.fromEntries(
        groups.map((g) => [g.branch, g.updates.map((u) => `${u.site.file}:${u.site.line}`)]),
      ),
    ).toEqual(expected);
    expect(groups.map((g) => g.branch)).toEqual(Object.keys(expected));
  });

  it('is stable whatever the input order', () => {
    const reversed = groupUpdates([...updates].reverse(), 'image', 'basepin/');
    expect(reversed.map((g) => [g.branch, g.updates.map((u) => `${u.site.file}:${u.site.line}`)])).toEqual(
      Object.entries(cases.find(([groupBy]) => groupBy === 'image')![1]),
    );
  });

  it('keeps folders apart whose names slug alike', () => {
    const a = updateOf({
      file: 'services/api/Dockerfile',
      text: 'FROM alpine:3.20\n',
      written: 'alpine:3.20',
      to: digest('1'),
    });
    const b = movedTo(a, 'services-api/Dockerfile');
    const branches = groupUpdates([a, b], 'directory', 'basepin/').map((g) => g.branch);
    expect(new Set(branches).size).toBe(2);
    for (const branch of branches) expect(branch).toMatch(/^basepin\/services-api-[0-9a-f]{6}$/);
  });

  it('makes no group from no updates', () => {
    expect(groupUpdates([], 'all', 'basepin/')).toEqual([]);
  });
});

describe('groupUpdates on every kind of file', () => {
  /** The update of the first pinnable site `extractSites` finds in a file of `kind`. */
  const manifestUpdate = (kind: FileKind, file: string, text: string, to: string): Update => {
    const site = extractSites(kind, file, text).sites.find(isPinnableSite);
    if (!site) throw new Error(`no pinnable site in ${file}`);
    return { site, target: { digest: to, mediaType: 'application/vnd.oci.image.index.v1+json' } };
  };
  const updates = [
    manifestUpdate('dockerfile', 'Dockerfile', 'FROM bitnami/redis:7.2\n', digest('1')),
    manifestUpdate('compose', 'compose.yaml', 'services:\n  db:\n    image: postgres:16\n', digest('2')),
    manifestUpdate(
      'workflow',
      '.github/workflows/ci.yml',
      'jobs:\n  a:\n    container: postgres:16\n',
      digest('2'),
    ),
    manifestUpdate(
      'workflow',
      '.github/workflows/nightly.yml',
      'jobs:\n  a:\n    container: node:22\n',
      digest('3'),
    ),
    manifestUpdate(
      'helm-values',
      'chart/values.yaml',
      'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: "7.2"\n  digest: ""\n',
      digest('1'),
    ),
    manifestUpdate(
      'devcontainer',
      '.devcontainer/devcontainer.json',
      '{ "image": "node:22" }\n',
      digest('3'),
    ),
  ];
  const branches = (groupBy: GroupBy) =>
    Object.fromEntries(
      groupUpdates(updates, groupBy, 'basepin/').map((g) => [g.branch, g.updates.map((u) => u.site.file)]),
    );

  it('by directory: each file’s folder, dot folders slugged without their dot', () => {
    expect(branches('directory')).toEqual({
      'basepin/devcontainer': ['.devcontainer/devcontainer.json'],
      'basepin/github-workflows': ['.github/workflows/ci.yml', '.github/workflows/nightly.yml'],
      'basepin/root': ['Dockerfile', 'compose.yaml'],
      'basepin/chart': ['chart/values.yaml'],
    });
  });

  it('by image: a chart’s registry/repository is the same image as a Dockerfile’s', () => {
    expect(branches('image')).toEqual({
      'basepin/bitnami-redis': ['Dockerfile', 'chart/values.yaml'],
      'basepin/node': ['.devcontainer/devcontainer.json', '.github/workflows/nightly.yml'],
      'basepin/postgres': ['.github/workflows/ci.yml', 'compose.yaml'],
    });
  });
});
