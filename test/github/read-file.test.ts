import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient, createGitHubRepository } from '../../src/github/index.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';

const repo = { owner: 'octo-org', repo: 'webapp' };
let stub: GitHubStub | undefined;
afterEach(async () => {
  await stub?.stop();
  stub = undefined;
});

describe('readFileAt', () => {
  it('reads a file over 1 MB (the JSON form refuses it) byte for byte', async () => {
    const big = `FROM alpine:3.20\n${'# padding\n'.repeat(150_000)}`;
    expect(big.length).toBeGreaterThan(1024 * 1024);
    stub = await createGitHubStub({ ...repo, files: { Dockerfile: big, docs: 'x' } });
    const octokit = createGitHubClient({ token: 't', baseUrl: stub.url, retries: 0, paceWrites: false });
    const github = createGitHubRepository(octokit, repo);
    const main = stub.branchSha('main') as string;
    expect((await github.readFileAt('Dockerfile', main))?.toString('utf8')).toBe(big);
    expect(await github.readFileAt('missing/Dockerfile', main)).toBeUndefined();
    // What the JSON form answers for the same file, so the test above is not vacuous.
    await expect(octokit.rest.repos.getContent({ ...repo, path: 'Dockerfile', ref: main })).rejects.toThrow(
      /blobs up to 1 MB/,
    );
  });
});
