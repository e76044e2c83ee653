import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAssignees,
  addLabels,
  closePullRequest,
  commitFiles,
  createGitHubClient,
  createPullRequest,
  deleteBranch,
  findOpenPullRequest,
  getDefaultBranch,
  GitHubError,
  listClosedPullRequests,
  listOpenPullRequests,
  requestReviewers,
  updatePullRequest,
  type GitHubClient,
} from '../../src/github/index.ts';
import { createGitHubStub, readFilesFromDir, type GitHubStub } from './github-stub.ts';
import { commandExists, removeTempDir, trackTempDir } from './processes.ts';

const repo = { owner: 'octo-org', repo: 'webapp' };
const repoPath = '/repos/octo-org/webapp';
const seed = {
  'README.md': '# webapp\n',
  Dockerfile: 'FROM alpine:3.20\n',
  'services/api/Dockerfile': 'FROM node:22-slim\nRUN npm ci\n',
  'services/api/package.json': '{}\n',
};
const pinned = 'FROM node:22-slim@sha256:' + 'a'.repeat(64) + '\nRUN npm ci\n';
const retry = { attempts: 2, delayMs: 1 };

let stub: GitHubStub;
let octokit: GitHubClient;

beforeEach(async () => {
  stub = await createGitHubStub({ ...repo, files: seed, collaborators: ['alice'] });
  octokit = createGitHubClient({ token: 't', baseUrl: stub.url, retryDelayUnitMs: 1, paceWrites: false });
});

afterEach(async () => {
  expect(stub.unhandled()).toEqual([]);
  await stub.stop();
});

/** The branch `basepin/all` with the api Dockerfile pinned, on the seeded main. */
async function pinBranch(branch = 'basepin/all', content = pinned): Promise<string> {
  return commitFiles(octokit, repo, {
    branch,
    baseSha: stub.branchSha('main') as string,
    message: 'Pin node',
    files: [{ path: 'services/api/Dockerfile', bytes: new TextEncoder().encode(content) }],
  });
}

const requestLine = (r: { method: string; path: string; status: number }) =>
  `${r.method} ${r.path.replace(repoPath, '')} ${r.status}`;

describe('GitHub stub: repository and git data', () => {
  it('reports the default branch and seeds it with git-identical object ids', async () => {
    expect(await getDefaultBranch(octokit, repo)).toBe('main');
    const blob = await octokit.rest.git.createBlob({ ...repo, content: 'hello\n' });
    expect(blob.data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a'); // git hash-object
    const main = stub.commit(stub.branchSha('main') as string);
    expect(main?.parents).toEqual([]);
    expect(stub.filesAt('main')).toEqual(seed);
    if (!commandExists('git')) return;
    const dir = mkdtempSync(join(tmpdir(), 'github-stub-'));
    trackTempDir(dir);
    for (const [path, text] of Object.entries(seed)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(readFilesFromDir(dir)).toEqual(seed);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
    expect(execFileSync('git', ['write-tree'], { cwd: dir, encoding: 'utf8' }).trim()).toBe(main?.tree);
    removeTempDir(dir);
  });

  it('commits files to a new branch on the base tree, then force-moves it', async () => {
    const base = stub.branchSha('main') as string;
    const first = await pinBranch();
    expect(stub.branchSha('basepin/all')).toBe(first);
    expect(stub.fileAt('basepin/all', 'services/api/Dockerfile')).toBe(pinned);
    expect(stub.filesAt('basepin/all')).toEqual({ ...seed, 'services/api/Dockerfile': pinned });
    expect(stub.fileAt('main', 'services/api/Dockerfile')).toBe(seed['services/api/Dockerfile']);
    expect(stub.commit(first)).toMatchObject({ parents: [base], message: 'Pin node', verified: true });
    expect(stub.requests.map(requestLine)).toEqual([
      `GET /git/commits/${base} 200`,
      // The file's mode in the base tree, one directory at a time.
      ...[1, 2, 3].map(() => expect.stringMatching(/^GET \/git\/trees\/[0-9a-f]{40} 200$/)),
      'POST /git/blobs 201',
      'POST /git/trees 201',
      'POST /git/commits 201',
      'GET /git/ref/heads/basepin/all 404',
      'POST /git/refs 201',
    ]);

    stub.resetRequests();
    const second = await pinBranch('basepin/all', pinned.replace('a'.repeat(64), 'b'.repeat(64)));
    expect(stub.commit(second)?.parents).toEqual([base]); // not a fast forward: force
    expect(stub.writes().map(requestLine).at(-1)).toBe('PATCH /git/refs/heads/basepin/all 200');
    expect(stub.fileAt(first, 'services/api/Dockerfile')).toBe(pinned);
    expect(stub.fileAt('basepin/all', 'services/api/Dockerfile')).toContain('b'.repeat(64));
  });

  it('reads refs with the slashes of the branch encoded or not, and refuses a non-forced rewind', async () => {
    const sha = await pinBranch();
    for (const path of ['git/ref/heads%2Fbasepin%2Fall', 'git/ref/heads/basepin/all']) {
      const response = await fetch(`${stub.url}${repoPath}/${path}`, {
        headers: { authorization: 'token t' },
      });
      expect(await response.json()).toMatchObject({ ref: 'refs/heads/basepin/all', object: { sha } });
    }
    const rewind = octokit.rest.git.updateRef({
      ...repo,
      ref: 'heads/basepin/all',
      sha: stub.branchSha('main') as string,
    });
    await expect(rewind).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('not a fast forward'),
    });
    const exists = octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/basepin/all', sha });
    await expect(exists).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    const tree = await octokit.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' });
    expect(tree.data.tree.map((e) => e.path)).toContain('services/api/Dockerfile');
  });
});

describe('GitHub stub: pull requests', () => {
  const content = { title: 'Pin node', body: 'state', draft: true };

  it('creates, finds, lists page by page and updates pull requests; the head follows pushes', async () => {
    await pinBranch();
    const { pullRequest, created } = await createPullRequest(octokit, repo, {
      ...content,
      head: 'basepin/all',
      base: 'main',
    });
    expect(created).toBe(true);
    expect(pullRequest).toMatchObject({
      number: 1,
      url: 'https://github.com/octo-org/webapp/pull/1',
      state: 'open',
      headRef: 'basepin/all',
      headRepository: 'octo-org/webapp',
      headSha: stub.branchSha('basepin/all'),
      baseRef: 'main',
      draft: true,
      merged: false,
    });
    const moved = await pinBranch('basepin/all', pinned.replace('a'.repeat(64), 'c'.repeat(64)));
    expect((await findOpenPullRequest(octokit, repo, 'basepin/all'))?.headSha).toBe(moved);
    expect(await findOpenPullRequest(octokit, repo, 'basepin/other')).toBeUndefined();

    for (const name of ['a', 'b', 'c', 'd']) {
      stub.pushCommit(`basepin/${name}`, { [name]: name });
      stub.openPullRequest({ head: `basepin/${name}`, title: name });
    }
    stub.resetRequests();
    const all = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', per_page: 2 });
    expect(all.map((pr) => pr.number)).toEqual([5, 4, 3, 2, 1]);
    expect(stub.requests.map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '3']);
    expect((await listOpenPullRequests(octokit, repo, { base: 'main', headPrefix: 'basepin/' })).length).toBe(
      5,
    );

    const updated = await updatePullRequest(octokit, repo, 1, { title: 'Pin node 22', body: 'new state' });
    expect(updated).toMatchObject({ title: 'Pin node 22', body: 'new state' });
    expect(stub.pullRequest(1)).toMatchObject({ title: 'Pin node 22', body: 'new state', draft: true });
  });

  it('answers a second create for the same head with 422, which the adapter turns into an update', async () => {
    await pinBranch();
    const input = { ...content, head: 'basepin/all', base: 'main' };
    await createPullRequest(octokit, repo, input);
    const raw = octokit.rest.pulls.create({ ...repo, ...input });
    await expect(raw).rejects.toMatchObject({
      status: 422,
      response: {
        data: { errors: [{ message: 'A pull request already exists for octo-org:basepin/all.' }] },
      },
    });
    const again = await createPullRequest(octokit, repo, { ...input, title: 'Pin node again' });
    expect(again).toMatchObject({ created: false, pullRequest: { number: 1, title: 'Pin node again' } });
    expect(stub.pullRequests()).toHaveLength(1);
  });

  it('refuses a pull request with no commits, or from a missing branch', async () => {
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/empty',
      sha: stub.branchSha('main') as string,
    });
    await expect(
      octokit.rest.pulls.create({ ...repo, head: 'empty', base: 'main', title: 't' }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('No commits between main and empty'),
    });
    await expect(
      octokit.rest.pulls.create({ ...repo, head: 'octo-org:missing', base: 'main', title: 't' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('labels, requests reviewers (collaborators only) and assigns', async () => {
    await pinBranch();
    const { pullRequest } = await createPullRequest(octokit, repo, {
      ...content,
      head: 'basepin/all',
      base: 'main',
    });
    await addLabels(octokit, repo, pullRequest.number, ['dependencies', 'docker'], retry);
    await addLabels(octokit, repo, pullRequest.number, ['Docker'], retry);
    await requestReviewers(octokit, repo, pullRequest.number, ['alice', 'octo-org/platform'], retry);
    const refused = requestReviewers(octokit, repo, pullRequest.number, ['mallory'], retry);
    await expect(refused).rejects.toBeInstanceOf(GitHubError);
    await expect(refused).rejects.toMatchObject({ status: 422 });
    await addAssignees(octokit, repo, pullRequest.number, ['alice', 'mallory'], retry);
    expect(stub.pullRequest(pullRequest.number)).toMatchObject({
      labels: ['dependencies', 'docker'],
      requestedReviewers: ['alice'],
      requestedTeams: ['platform'],
      assignees: ['alice'],
    });
  });
});

describe('GitHub stub: closing, merging, deleting', () => {
  it('closes with a comment and deletes the branch; a second delete is harmless', async () => {
    await pinBranch();
    const { pullRequest } = await createPullRequest(octokit, repo, {
      title: 'Pin',
      body: 'open',
      draft: false,
      head: 'basepin/all',
      base: 'main',
    });
    await closePullRequest(octokit, repo, pullRequest.number, {
      comment: 'obsolete',
      body: 'closed by basepin',
    });
    expect(stub.pullRequest(1)).toMatchObject({
      state: 'closed',
      merged: false,
      body: 'closed by basepin',
      comments: ['obsolete'],
    });
    const [closed] = await listClosedPullRequests(octokit, repo, 'basepin/all');
    expect(closed).toMatchObject({ number: 1, merged: false, closedAt: expect.stringMatching(/^2026-/) });
    stub.resetRequests();
    await deleteBranch(octokit, repo, 'basepin/all');
    await deleteBranch(octokit, repo, 'basepin/all');
    expect(stub.requests.map(requestLine)).toEqual([
      'DELETE /git/refs/heads/basepin/all 204',
      'DELETE /git/refs/heads/basepin/all 422',
    ]);
    expect(stub.branches()).toEqual(['main']);
    expect(stub.fileAt('basepin/all', 'Dockerfile')).toBeUndefined();
  });

  it('closes the open pull request of a deleted branch, as GitHub does', async () => {
    await pinBranch();
    await createPullRequest(octokit, repo, {
      title: 'Pin',
      body: '',
      draft: false,
      head: 'basepin/all',
      base: 'main',
    });
    await deleteBranch(octokit, repo, 'basepin/all');
    expect(stub.pullRequest(1)?.state).toBe('closed');
  });

  it('merges as a person would, after main moved on', async () => {
    await pinBranch();
    await createPullRequest(octokit, repo, {
      title: 'Pin',
      body: '',
      draft: false,
      head: 'basepin/all',
      base: 'main',
    });
    const moved = stub.advanceBase({ 'README.md': '# webapp, renamed\n', Dockerfile: null });
    stub.closePullRequest(1, { merged: true });
    expect(stub.filesAt('main')).toEqual({
      'README.md': '# webapp, renamed\n',
      'services/api/Dockerfile': pinned,
      'services/api/package.json': '{}\n',
    });
    expect(stub.commit(stub.branchSha('main') as string)?.parents).toEqual([
      moved,
      stub.branchSha('basepin/all'),
    ]);
    const [merged] = await listClosedPullRequests(octokit, repo, 'basepin/all');
    expect(merged).toMatchObject({ merged: true, state: 'closed' });
  });

  it('refuses to merge when both sides changed a file', async () => {
    await pinBranch();
    stub.openPullRequest({ head: 'basepin/all', title: 'Pin' });
    stub.advanceBase({ 'services/api/Dockerfile': 'FROM node:24\n' });
    expect(() => stub.closePullRequest(1, { merged: true })).toThrow(
      /merge conflict in services\/api\/Dockerfile/,
    );
  });
});

describe('GitHub stub: what a test asserts never happens', () => {
  it('records unknown routes as unhandled 404s and refuses requests without a token', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/branches', repo)).rejects.toMatchObject({
      status: 404,
    });
    await expect(octokit.rest.repos.get({ owner: 'someone', repo: 'else' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(octokit.rest.pulls.get({ ...repo, pull_number: 9 })).rejects.toMatchObject({ status: 404 });
    expect(stub.unhandled().map(requestLine)).toEqual([`GET /branches 404`, 'GET /repos/someone/else 404']);
    stub.resetRequests();
    expect((await fetch(`${stub.url}${repoPath}`)).status).toBe(401);
  });

  it('injects faults that the client retries', async () => {
    stub.failNext({ method: 'POST', path: '/repos/octo-org/webapp/git/blobs', status: 502, times: 2 });
    await pinBranch();
    expect(
      stub
        .writes()
        .map((r) => `${requestLine(r)}${r.fault ? ' (fault)' : ''}`)
        .slice(0, 3),
    ).toEqual(['POST /git/blobs 502 (fault)', 'POST /git/blobs 502 (fault)', 'POST /git/blobs 201']);
  });
});
