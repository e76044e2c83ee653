import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commitFiles } from '../../src/github/commit-files.ts';
import { api, fixture, repo, repoPath, testClient, useNock } from './nock-github.ts';

useNock();

const baseSha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const baseTree = '9fb037999f264ba9a7fc6274d15fa3ae2ab98312';
const newCommit = '7638417db6d59f3c431d3e1f261cc637155684cd';
const text = 'FROM alpine:3.20@sha256:1111\n# ünïcode\n';

const servicesTree = 'a'.repeat(40);
const apiTree = 'b'.repeat(40);
const entry = (path: string, type: string, sha: string, mode = type === 'tree' ? '040000' : '100644') => ({
  path,
  mode,
  type,
  sha,
  url: `${api}${repoPath}/git/${type}s/${sha}`,
});
const treeReply = (sha: string, entries: unknown[]) => ({
  sha,
  url: `${api}${repoPath}/git/trees/${sha}`,
  tree: entries,
  truncated: false,
});

function commitChain() {
  return (
    nock(api)
      .get(`${repoPath}/git/commits/${baseSha}`)
      .reply(200, fixture('git-commit'))
      // The mode of services/api/Dockerfile in the base tree, one directory at a time.
      .get(`${repoPath}/git/trees/${baseTree}`)
      .reply(200, treeReply(baseTree, [entry('services', 'tree', servicesTree)]))
      .get(`${repoPath}/git/trees/${servicesTree}`)
      .reply(200, treeReply(servicesTree, [entry('api', 'tree', apiTree)]))
      .get(`${repoPath}/git/trees/${apiTree}`)
      .reply(200, treeReply(apiTree, [entry('Dockerfile', 'blob', 'c'.repeat(40))]))
      .post(`${repoPath}/git/blobs`, (body: Record<string, unknown>) => {
        return (
          body['encoding'] === 'base64' &&
          Buffer.from(String(body['content']), 'base64').toString('utf8') === text
        );
      })
      .reply(201, fixture('git-blob'))
      .post(`${repoPath}/git/trees`, {
        base_tree: baseTree,
        tree: [
          {
            path: 'services/api/Dockerfile',
            mode: '100644',
            type: 'blob',
            sha: '3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15',
          },
        ],
      })
      .reply(201, fixture('git-tree'))
      .post(`${repoPath}/git/commits`, (body: Record<string, unknown>) => {
        // No author or committer: GitHub authors the commit as the token's identity and signs it (verified).
        expect(Object.keys(body).sort()).toEqual(['message', 'parents', 'tree']);
        expect(body).toEqual({
          message: 'Pin alpine',
          tree: 'cd8274d15fa3ae2ab983129fb037999f264ba9a7',
          parents: [baseSha],
        });
        return true;
      })
      .reply(201, fixture('git-commit-created'))
  );
}

const input = {
  branch: 'basepin/all',
  baseSha,
  message: 'Pin alpine',
  files: [{ path: 'services/api/Dockerfile', bytes: new TextEncoder().encode(text) }],
};

describe('commitFiles', () => {
  it('creates blob → tree on the base tree → unsigned-by-us commit → new branch ref', async () => {
    commitChain();
    nock(api).get(`${repoPath}/git/ref/heads/basepin/all`).reply(404, fixture('not-found'));
    nock(api)
      .post(`${repoPath}/git/refs`, { ref: 'refs/heads/basepin/all', sha: newCommit })
      .reply(201, fixture('git-ref'));
    const warnings: string[] = [];
    const log = { info: () => {}, warning: (message: string) => warnings.push(message) };
    await expect(commitFiles(testClient({ log }), repo, input)).resolves.toBe(newCommit);
    // A branch that does not exist yet is the expected case on a first run: no warning annotation.
    expect(warnings).toEqual([]);
  });

  it('asks for a ref with its slashes, each segment escaped', async () => {
    commitChain();
    nock(api).get(`${repoPath}/git/ref/heads/basepin/team%23a`).reply(404, fixture('not-found'));
    nock(api)
      .post(`${repoPath}/git/refs`, { ref: 'refs/heads/basepin/team#a', sha: newCommit })
      .reply(201, fixture('git-ref'));
    await expect(commitFiles(testClient(), repo, { ...input, branch: 'basepin/team#a' })).resolves.toBe(
      newCommit,
    );
  });

  it('force-moves an existing branch to the new commit', async () => {
    commitChain();
    nock(api).get(`${repoPath}/git/ref/heads/basepin/all`).reply(200, fixture('git-ref'));
    nock(api)
      .patch(`${repoPath}/git/refs/heads/basepin/all`, { sha: newCommit, force: true })
      .reply(200, fixture('git-ref'));
    await expect(commitFiles(testClient(), repo, input)).resolves.toBe(newCommit);
  });

  it('force-moves the branch when a racing run created it first', async () => {
    commitChain();
    nock(api).get(`${repoPath}/git/ref/heads/basepin/all`).reply(404, fixture('not-found'));
    nock(api)
      .post(`${repoPath}/git/refs`)
      .reply(422, {
        message: 'Reference already exists',
        documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference',
        status: '422',
      })
      .patch(`${repoPath}/git/refs/heads/basepin/all`, { sha: newCommit, force: true })
      .reply(200, fixture('git-ref'));
    await expect(commitFiles(testClient(), repo, input)).resolves.toBe(newCommit);
  });

  it('names the step that failed', async () => {
    nock(api).get(`${repoPath}/git/commits/${baseSha}`).reply(404, fixture('not-found'));
    await expect(commitFiles(testClient(), repo, input)).rejects.toThrow(
      `read commit ${baseSha} in octo-org/webapp: 404 Not Found`,
    );
  });
});
