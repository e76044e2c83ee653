import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiRepository,
  BlobCache,
  createOrgClient,
  EmptyRepositoryError,
  listInstallationRepositories,
  TreeTooLargeError,
  WritePacer,
} from '../../src/org-github/index.ts';
import { GitHubError } from '../../src/github/errors.ts';
import {
  createGitHubOrgStub,
  type GitHubOrgStub,
  type OrgStubRepository,
} from '../support/github-org-stub.ts';

const shared = 'FROM node:22-slim\nRUN npm ci\n';
const repositories: OrgStubRepository[] = [
  {
    name: 'api',
    files: {
      Dockerfile: shared,
      'README.md': '# api\n',
      '.gitignore': 'build/\n',
      'build/Dockerfile': 'FROM ignored:1\n',
      'node_modules/x/Dockerfile': 'FROM ignored:2\n',
      'docker/base.Dockerfile': 'FROM alpine:3.20\n',
      'ci/image.txt': 'not a Dockerfile\n',
    },
  },
  { name: 'web', files: { Dockerfile: shared, 'web/Containerfile': 'FROM nginx:1.27\n' } },
  {
    name: 'big',
    truncated: true,
    files: Object.fromEntries([
      ...Array.from({ length: 20 }, (_, i) => [`svc${i}/Dockerfile`, `FROM busybox:1.${i}\n`] as const),
      ...Array.from({ length: 20 }, (_, i) => [`docs/page${i}.md`, `page ${i}\n`] as const),
    ]),
  },
  { name: 'new' },
  { name: 'old', archived: true, files: { Dockerfile: shared } },
  { name: 'copy', fork: true, files: { Dockerfile: shared } },
  {
    name: 'locked',
    failing: { kind: 'tree', status: 403, message: 'Resource not accessible by integration' },
    files: { Dockerfile: shared },
  },
  ...Array.from({ length: 150 }, (_, i) => ({
    name: `svc-${String(i).padStart(3, '0')}`,
    files: { Dockerfile: shared },
  })),
];

let stub: GitHubOrgStub;
afterEach(async () => {
  await stub?.stop();
  stub = undefined as unknown as GitHubOrgStub;
});

async function open(name: string, blobs: BlobCache, limits = {}) {
  const { octokit } = await createOrgClient({
    auth: { kind: 'token', token: 'ghs_ready' },
    pacer: new WritePacer({ writeSpacingMs: 0 }),
    baseUrl: stub.url,
    retryDelayUnitMs: 1,
  });
  const commit = stub.state(name).refs.get('main') ?? '0'.repeat(40);
  return ApiRepository.open(octokit, { owner: 'acme', repo: name }, commit, blobs, limits);
}

describe('installation repositories', () => {
  it('lists every page, with the flags selection skips by', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    const { octokit } = await createOrgClient({
      auth: { kind: 'token', token: 'ghs_ready' },
      pacer: new WritePacer(),
      baseUrl: stub.url,
    });
    const listed = await listInstallationRepositories(octokit);
    expect(listed).toHaveLength(repositories.length);
    expect(stub.count('listing')).toBe(2);
    expect(listed.find((r) => r.name === 'old')).toMatchObject({
      fullName: 'acme/old',
      archived: true,
      fork: false,
    });
    expect(listed.find((r) => r.name === 'copy')).toMatchObject({
      fork: true,
      archived: false,
      defaultBranch: 'main',
    });
  });
});

describe('ApiRepository', () => {
  it('lists with one tree request and reads only the files the listing takes', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    const repository = await open('api', new BlobCache());
    const { workspace, listed, unread } = await repository.workspace();
    expect(listed).toEqual(['Dockerfile', 'docker/base.Dockerfile']);
    expect(unread).toEqual([]);
    expect(await workspace.list(['.'])).toEqual(listed);
    expect(workspace.text('docker/base.Dockerfile')).toBe('FROM alpine:3.20\n');
    expect(stub.count('tree', 'acme/api')).toBe(1);
    // The two Dockerfiles and the .gitignore; nothing ignored, under node_modules or not a Dockerfile.
    expect(stub.count('blob', 'acme/api')).toBe(3);
  });

  it('takes include and exclude as the disk workspace does', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    const repository = await open('api', new BlobCache());
    const { listed } = await repository.workspace({ include: ['ci/*.txt'], exclude: ['docker/**'] });
    expect(listed).toEqual(['Dockerfile', 'ci/image.txt']);
  });

  it('reads a blob once for the run however many repositories hold it', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    const blobs = new BlobCache();
    for (const name of ['svc-000', 'svc-001', 'svc-002', 'web']) await (await open(name, blobs)).workspace();
    expect(stub.count('tree')).toBe(4);
    // The shared Dockerfile once, web's Containerfile once.
    expect(stub.count('blob')).toBe(2);
    expect(blobs.stats()).toMatchObject({ requests: 2, hits: 3 });
  });

  it('walks the sub-trees when GitHub truncates the listing, and finds every file', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    const { listed } = await (await open('big', new BlobCache())).workspace();
    expect(listed).toHaveLength(20);
    expect(listed).toContain('svc19/Dockerfile');
    expect(stub.count('tree', 'acme/big')).toBeGreaterThan(1);
  });

  it('fails one repository, not the run, when the tree is too large to walk', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    await expect(open('big', new BlobCache(), { maxRequests: 3 })).rejects.toThrow(TreeTooLargeError);
    await expect(open('big', new BlobCache(), { maxEntries: 10 })).rejects.toThrow(/more than 10 entries/);
  });

  it('says an empty repository is empty, and a refused one is a GitHub error', async () => {
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, staticTokens: ['ghs_ready'] });
    await expect(open('new', new BlobCache())).rejects.toThrow(EmptyRepositoryError);
    const refused = open('locked', new BlobCache());
    await expect(refused).rejects.toThrow(GitHubError);
    await expect(refused).rejects.toThrow(/403 Resource not accessible by integration/);
  });

  it('reads bytes that are not UTF-8 exactly', async () => {
    stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories: [{ name: 'latin', files: {} }],
      staticTokens: ['ghs_ready'],
    });
    const state = stub.state('latin');
    const bytes = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0x61, 0x0a, 0x23, 0xe9, 0x0a]);
    const sha = state.git.putBlob(bytes);
    const commit = state.git.putCommit({
      tree: state.git.writeFlat(new Map([['Dockerfile', { mode: '100644', type: 'blob' as const, sha }]])),
      parents: [],
      message: 'latin1',
      author: { name: 'a', email: 'a@example.com', date: '2026-01-01T00:00:00Z' },
      committer: { name: 'a', email: 'a@example.com', date: '2026-01-01T00:00:00Z' },
      verified: false,
    });
    state.refs.set('main', commit.sha);
    const { workspace } = await (await open('latin', new BlobCache())).workspace();
    expect(Buffer.from(workspace.files.get('Dockerfile')!)).toEqual(bytes);
  });
});
