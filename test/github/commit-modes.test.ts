import { afterEach, describe, expect, it } from 'vitest';
import { resolveLink } from '../../src/github/base-tree.ts';
import { createGitHubClient, createGitHubRepository } from '../../src/github/index.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';

const repo = { owner: 'octo-org', repo: 'webapp' };
let stub: GitHubStub | undefined;
afterEach(async () => {
  await stub?.stop();
  stub = undefined;
});

const pinned = 'FROM alpine:3.20@sha256:' + 'a'.repeat(64) + '\n';
const bytes = (text: string) => new TextEncoder().encode(text);

async function commit(
  files: Record<string, string>,
  modes: Record<string, string>,
  writes: Record<string, string>,
): Promise<{ stub: GitHubStub; sha: string }> {
  stub = await createGitHubStub({ ...repo, files, modes });
  const octokit = createGitHubClient({ token: 't', baseUrl: stub.url, retries: 0, paceWrites: false });
  const github = createGitHubRepository(octokit, repo);
  const sha = await github.commitFiles({
    branch: 'basepin/all',
    baseSha: stub.branchSha('main') as string,
    message: 'Pin',
    files: Object.entries(writes).map(([path, text]) => ({ path, bytes: bytes(text) })),
  });
  return { stub, sha };
}

describe('committing keeps each file’s mode in the base tree', () => {
  it.each([
    ['a regular file', '100644'],
    ['an executable Dockerfile', '100755'],
  ])('%s keeps %s', async (_what, mode) => {
    const { stub, sha } = await commit(
      { 'build/Dockerfile': 'FROM alpine:3.20\n' },
      mode === '100644' ? {} : { 'build/Dockerfile': mode },
      { 'build/Dockerfile': pinned },
    );
    expect(stub.modeAt(sha, 'build/Dockerfile')).toBe(mode);
    expect(stub.fileAt(sha, 'build/Dockerfile')).toBe(pinned);
  });

  it('a new file is 100644', async () => {
    const { stub, sha } = await commit({ README: 'x' }, {}, { 'new/Dockerfile': pinned });
    expect(stub.modeAt(sha, 'new/Dockerfile')).toBe('100644');
  });

  it('a symlinked Dockerfile stays a link; its target file gets the pin, keeping its mode', async () => {
    const { stub, sha } = await commit(
      { 'common/Dockerfile': 'FROM alpine:3.20\n', 'services/api/Dockerfile': '../../common/Dockerfile' },
      { 'common/Dockerfile': '100755', 'services/api/Dockerfile': '120000' },
      { 'services/api/Dockerfile': pinned },
    );
    expect(stub.modeAt(sha, 'services/api/Dockerfile')).toBe('120000');
    expect(stub.fileAt(sha, 'services/api/Dockerfile')).toBe('../../common/Dockerfile');
    expect(stub.modeAt(sha, 'common/Dockerfile')).toBe('100755');
    expect(stub.fileAt(sha, 'common/Dockerfile')).toBe(pinned);
  });

  it('the link and its target both written with the same bytes make one change', async () => {
    const { stub, sha } = await commit(
      { 'Dockerfile.base': 'FROM alpine:3.20\n', Dockerfile: 'Dockerfile.base' },
      { Dockerfile: '120000' },
      { Dockerfile: pinned, 'Dockerfile.base': pinned },
    );
    expect(stub.modeAt(sha, 'Dockerfile')).toBe('120000');
    expect(stub.fileAt(sha, 'Dockerfile.base')).toBe(pinned);
  });

  it('refuses a link that leaves the repository, and writes nothing', async () => {
    const attempt = commit(
      { 'services/Dockerfile': '../../outside/Dockerfile' },
      { 'services/Dockerfile': '120000' },
      { 'services/Dockerfile': pinned },
    );
    await expect(attempt).rejects.toThrow(
      /services\/Dockerfile is a symlink to "..\/..\/outside\/Dockerfile", outside the repository/,
    );
    expect(stub?.branchSha('basepin/all')).toBeUndefined();
  });

  it('refuses a loop of links', async () => {
    await expect(commit({ a: 'b', b: 'a' }, { a: '120000', b: '120000' }, { a: pinned })).rejects.toThrow(
      /a is a chain of more than 8 symlinks/,
    );
  });
});

describe('resolveLink', () => {
  it.each<[string, string, string | undefined]>([
    ['services/api/Dockerfile', '../../common/Dockerfile', 'common/Dockerfile'],
    ['Dockerfile', 'docker/Dockerfile', 'docker/Dockerfile'],
    ['a/Dockerfile', './b/../Dockerfile.x', 'a/Dockerfile.x'],
    ['Dockerfile', '../Dockerfile', undefined],
    ['a/Dockerfile', '/etc/passwd', undefined],
    ['a/Dockerfile', '', undefined],
    ['a/Dockerfile', '..', undefined],
    ['a/Dockerfile', 'dir/', undefined],
  ])('%s → %s is %s', (link, target, path) => {
    expect(resolveLink(link, target)).toBe(path);
  });
});
