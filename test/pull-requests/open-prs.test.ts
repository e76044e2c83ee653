import { RegistryError } from '../../src/registry/index.ts';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/action-run/job-summary.ts';
import { openPullRequests, type OpenPullRequestsInput } from '../../src/pull-requests/open-prs.ts';
import type { PinReport } from '../../src/update/pin-report.ts';
import type { Update } from '../../src/update/update.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { pullRequestBody } from '../../src/pull-requests/pr-body.ts';
import { buildState, readState, renderStateBlock, withState } from '../../src/pull-requests/pr-state.ts';
import type { GitHubClientOptions } from '../../src/github/client.ts';
import type { GitDataApi, PullRequestsApi } from '../../src/github/index.ts';
import { toPullRequest } from '../../src/github/schemas.ts';
import { fakeRepository } from '../support/fake-repository.ts';
import {
  api,
  fixture,
  pullRequestPayload,
  recordingLog,
  repo,
  repoPath,
  testRepository,
  useNock,
} from '../github/nock-github.ts';
import {
  alpineUpdate,
  apiDockerfile,
  appUpdate,
  baseSha,
  digest,
  movedBaseSha,
  nodeUpdate,
  reportOf,
  rootDockerfile,
} from './open-prs-fixtures.ts';

useNock();

const newCommit = '7638417db6d59f3c431d3e1f261cc637155684cd';

function inputFor(report: PinReport, changes: Partial<OpenPullRequestsInput> = {}): OpenPullRequestsInput {
  return {
    report,
    baseBranch: 'main',
    baseSha,
    groupBy: 'all',
    maxPullRequests: 10,
    branchPrefix: 'basepin/',
    labels: ['dependencies'],
    reviewers: ['monalisa'],
    assignees: [],
    draft: false,
    commitMessagePrefix: '',
    dryRun: false,
    repo,
    serverUrl: 'https://github.com',
    ...changes,
  };
}

async function run(
  report: PinReport,
  changes: Partial<OpenPullRequestsInput> = {},
  client: Partial<GitHubClientOptions> = {},
) {
  const log = recordingLog();
  const result = await openPullRequests(inputFor(report, changes), { github: testRepository(client), log });
  return { ...result, log };
}

/** The body basepin itself would have written for `updates` on `base`. */
function bodyOf(updates: Update[], base = baseSha, branch = 'basepin/all'): string {
  return pullRequestBody({
    updates,
    state: buildState(updates, base),
    repo,
    serverUrl: 'https://github.com',
    branch,
  });
}

/** The state block a body carries; fails the test when there is none. */
function stateIn(body: string | undefined) {
  const reading = readState(body ?? '');
  if (reading.kind !== 'valid') throw new Error(`no valid state block in ${JSON.stringify(body)}`);
  return reading.state;
}

const branchHead = '7638417db6d59f3c431d3e1f261cc637155684cd';

/**
 * The run reads the branch (git-ref fixture, at `branchHead`) and, unless `check` is off, lists its commits
 * not on main (compare): by default one signed commit on `baseSha` and nothing else, as basepin versions
 * before the commit trailer left a branch.
 */
function branchCommits(
  branch: string,
  commits: { login: string; verified: boolean; message?: string; parents?: string[] }[] = [
    { login: 'github-actions[bot]', verified: true, parents: [baseSha] },
  ],
  check = true,
) {
  const scope = nock(api).get(`${repoPath}/git/ref/heads/${branch}`).reply(200, fixture('git-ref'));
  if (!check) return scope;
  return scope
    .get(`${repoPath}/compare/main...${branchHead}`)
    .query({ per_page: '100', page: '1' })
    .reply(200, {
      total_commits: commits.length,
      commits: commits.map((c, i) => ({
        sha: String(i + 1).repeat(40),
        author: { login: c.login },
        parents: (c.parents ?? []).map((parent) => ({ sha: parent })),
        commit: {
          author: { name: c.login },
          message: c.message ?? 'Pin digests',
          verification: { verified: c.verified },
        },
      })),
    });
}

function openPrs(...prs: Record<string, unknown>[]) {
  return nock(api)
    .get(`${repoPath}/pulls`)
    .query({ state: 'open', base: 'main', per_page: '100' })
    .reply(200, prs);
}

function closedPrs(branch: string, ...prs: Record<string, unknown>[]) {
  return nock(api)
    .get(`${repoPath}/pulls`)
    .query({
      state: 'closed',
      head: `octo-org:${branch}`,
      sort: 'updated',
      direction: 'desc',
      per_page: '10',
    })
    .reply(200, prs);
}

/** blob → tree → commit → ref; returns the decoded contents of the blobs written, by path. */
function commitChain(options: {
  branch?: string;
  base?: string;
  branchExists: boolean;
}): Map<string, string> {
  const branch = `heads/${options.branch ?? 'basepin/all'}`;
  const base = options.base ?? baseSha;
  const blobs: string[] = [];
  const written = new Map<string, string>();
  const scope = nock(api)
    .get(`${repoPath}/git/commits/${base}`)
    .reply(200, { ...fixture('git-commit'), sha: base })
    // The files' modes in the base tree: none there yet, so each is a regular file (100644).
    .get(`${repoPath}/git/trees/${fixture<{ tree: { sha: string } }>('git-commit').tree.sha}`)
    .times(4)
    .optionally()
    .reply(200, {
      sha: fixture<{ tree: { sha: string } }>('git-commit').tree.sha,
      tree: [],
      truncated: false,
    })
    .post(`${repoPath}/git/blobs`, (body: { content: string }) => {
      blobs.push(Buffer.from(body.content, 'base64').toString('utf8'));
      return true;
    })
    .times(2)
    .optionally()
    .reply(201, fixture('git-blob'))
    .post(`${repoPath}/git/trees`, (body: { tree: { path: string }[] }) => {
      // Blobs are created in tree order.
      body.tree.forEach((entry, index) => written.set(entry.path, blobs[index] ?? ''));
      return true;
    })
    .reply(201, fixture('git-tree'))
    .post(`${repoPath}/git/commits`, (body: { parents: string[] }) => body.parents[0] === base)
    .reply(201, fixture('git-commit-created'))
    .get(`${repoPath}/git/ref/${branch}`)
    .reply(
      options.branchExists ? 200 : 404,
      options.branchExists ? fixture('git-ref') : fixture('not-found'),
    );
  if (options.branchExists)
    scope
      .patch(`${repoPath}/git/refs/${branch}`, { sha: newCommit, force: true })
      .reply(200, fixture('git-ref'));
  else scope.post(`${repoPath}/git/refs`).reply(201, fixture('git-ref'));
  return written;
}

const pinnedRoot = rootDockerfile.replace('alpine:3.20', `alpine:3.20@${digest('1')}`);
const pinnedApi = apiDockerfile.replace(`node:22-slim@${digest('a')}`, `node:22-slim@${digest('2')}`);

describe('openPullRequests', () => {
  const updates = [alpineUpdate(), nodeUpdate()];

  it('created: commits the base files with this group’s pins, opens the PR, labels it and asks reviewers', async () => {
    openPrs();
    closedPrs('basepin/all');
    const written = commitChain({ branchExists: false });
    let posted: { title: string; body: string; head: string; base: string; draft: boolean } | undefined;
    nock(api)
      .post(`${repoPath}/pulls`, (body) => ((posted = body), true))
      .reply(201, pullRequestPayload({ number: 43 }))
      .post(`${repoPath}/issues/43/labels`, { labels: ['dependencies'] })
      .reply(200, fixture('labels'))
      .post(`${repoPath}/pulls/43/requested_reviewers`, { reviewers: ['monalisa'], team_reviewers: [] })
      .reply(201, pullRequestPayload({ number: 43 }));

    const { pullRequests } = await run(reportOf(updates));

    expect(pullRequests).toEqual([
      {
        number: 43,
        url: 'https://github.com/octo-org/webapp/pull/43',
        branch: 'basepin/all',
        operation: 'created',
      },
    ]);
    expect(Object.fromEntries(written)).toEqual({
      Dockerfile: pinnedRoot,
      'services/api/Dockerfile': pinnedApi,
    });
    expect(posted).toMatchObject({
      head: 'basepin/all',
      base: 'main',
      draft: false,
      title: 'Pin and update alpine:3.20 and node:22-slim digests',
    });
    const reading = readState(posted?.body ?? '');
    expect(reading.kind === 'valid' && reading.state).toMatchObject({
      base: baseSha,
      updates: [{ file: 'Dockerfile' }, { file: 'services/api/Dockerfile' }],
    });
  });

  it('unchanged: a second run on the same base makes no write request', async () => {
    openPrs(pullRequestPayload({ number: 42, body: bodyOf(updates) }));
    const { pullRequests } = await run(reportOf(updates));
    // Only the GET above is mocked: any POST/PATCH/PUT/DELETE would be an unmatched request and fail the test.
    expect(pullRequests).toEqual([
      {
        number: 42,
        url: 'https://github.com/octo-org/webapp/pull/42',
        branch: 'basepin/all',
        operation: 'unchanged',
      },
    ]);
  });

  it('updated: a newer digest force-moves the branch and rewrites the PR', async () => {
    openPrs(pullRequestPayload({ number: 42, body: bodyOf([alpineUpdate(digest('0')), nodeUpdate()]) }));
    branchCommits('basepin/all');
    const written = commitChain({ branchExists: true });
    let patched: { title: string; body: string } | undefined;
    nock(api)
      .patch(`${repoPath}/pulls/42`, (body) => ((patched = body), true))
      .reply(200, pullRequestPayload({ number: 42 }));
    const { pullRequests } = await run(reportOf(updates));
    expect(pullRequests).toMatchObject([{ number: 42, branch: 'basepin/all', operation: 'updated' }]);
    expect(written.get('Dockerfile')).toBe(pinnedRoot);
    expect(patched?.title).toBe('Pin and update alpine:3.20 and node:22-slim digests');
    // The body now proposes the newer alpine digest, and no longer the one it replaced.
    expect(patched?.body).toContain('`alpine:3.20` | unpinned → `1111111` |');
    expect(patched?.body).not.toContain(digest('0'));
    expect(stateIn(patched?.body)).toMatchObject({
      base: baseSha,
      updates: [
        { file: 'Dockerfile', to: digest('1') },
        { file: 'services/api/Dockerfile', to: digest('2') },
      ],
    });
  });

  it('updated: the same change on a moved base is recommitted on the new base', async () => {
    openPrs(pullRequestPayload({ number: 42, body: bodyOf(updates, baseSha) }));
    branchCommits('basepin/all');
    commitChain({ branchExists: true, base: movedBaseSha });
    let patched: { body: string } | undefined;
    nock(api)
      .patch(`${repoPath}/pulls/42`, (body) => ((patched = body), true))
      .reply(200, pullRequestPayload({ number: 42 }));
    const { pullRequests } = await run(reportOf(updates), { baseSha: movedBaseSha });
    expect(pullRequests).toMatchObject([{ number: 42, operation: 'updated' }]);
    expect(stateIn(patched?.body)).toMatchObject({ base: movedBaseSha, updates: [{ to: digest('1') }, {}] });
  });

  it('kept: a branch carrying someone else’s commit is not overwritten, and says whose', async () => {
    openPrs(pullRequestPayload({ number: 42, body: bodyOf([alpineUpdate(digest('0')), nodeUpdate()]) }));
    const recorded = buildState([alpineUpdate(digest('0')), nodeUpdate()], baseSha);
    branchCommits('basepin/all', [
      {
        login: 'github-actions[bot]',
        verified: true,
        message: `Pin alpine\n\nBasepin-Change: ${recorded.changeId}\n`,
        parents: [baseSha],
      },
      { login: 'monalisa', verified: true, parents: ['1'.repeat(40)] },
    ]);
    const { pullRequests } = await run(reportOf(updates));
    expect(pullRequests).toEqual([
      expect.objectContaining({
        number: 42,
        operation: 'unchanged',
        reason: expect.stringMatching(
          /commit 2222222 by monalisa is not basepin's; comment `\/basepin recreate`/,
        ),
      }),
    ]);
  });

  it('recreate: steering may overwrite the branch, and refresh recommits an unchanged proposal', async () => {
    openPrs(pullRequestPayload({ number: 42, body: bodyOf(updates) }));
    branchCommits('basepin/all', [], false);
    commitChain({ branchExists: true });
    nock(api)
      .patch(`${repoPath}/pulls/42`)
      .reply(200, pullRequestPayload({ number: 42 }));
    const all = new Set(['basepin/all']);
    const { pullRequests } = await run(reportOf(updates), { steer: { refresh: all, overwrite: all } });
    expect(pullRequests).toMatchObject([{ number: 42, operation: 'updated' }]);
  });

  it('onlyBranches leaves other groups and pull requests alone', async () => {
    openPrs(
      pullRequestPayload({
        number: 42,
        branch: 'basepin/node',
        body: bodyOf([nodeUpdate(digest('0'))], baseSha, 'basepin/node'),
      }),
      pullRequestPayload({
        number: 50,
        branch: 'basepin/gone',
        body: bodyOf([appUpdate()], baseSha, 'basepin/gone'),
      }),
    );
    branchCommits('basepin/node');
    const { pullRequests } = await run(reportOf(updates), {
      groupBy: 'image',
      dryRun: true,
      steer: { onlyBranches: new Set(['basepin/node']) },
    });
    expect(pullRequests).toMatchObject([
      { number: 42, branch: 'basepin/node', operation: 'updated', dryRun: true },
    ]);
  });

  it('closed: a group with nothing left is closed with a comment and its branch deleted', async () => {
    const old = bodyOf([alpineUpdate()], baseSha, 'basepin/alpine');
    openPrs(
      pullRequestPayload({ number: 50, branch: 'basepin/alpine', body: old }),
      pullRequestPayload({
        number: 51,
        branch: 'basepin/hand-made',
        body: 'a person’s PR on a basepin-like branch',
      }),
    );
    let closedBody = '';
    nock(api)
      .post(`${repoPath}/issues/50/comments`, (body: { body: string }) =>
        body.body.includes('pins are current on `main`'),
      )
      .reply(201, fixture('issue-comment'))
      .patch(
        `${repoPath}/pulls/50`,
        (body: { state: string; body: string }) => ((closedBody = body.body), body.state === 'closed'),
      )
      .reply(200, pullRequestPayload({ number: 50, state: 'closed' }))
      .delete(`${repoPath}/git/refs/heads/basepin/alpine`)
      .reply(204);
    const { pullRequests } = await run(reportOf([]), { groupBy: 'image' });
    expect(pullRequests).toMatchObject([{ number: 50, branch: 'basepin/alpine', operation: 'closed' }]);
    const reading = readState(closedBody);
    expect(reading.kind === 'valid' && reading.state.closedAs).toBe('obsolete');
  });

  it('keeps a PR open when its sites failed to resolve in this run', async () => {
    openPrs(
      pullRequestPayload({
        number: 50,
        branch: 'basepin/alpine',
        body: bodyOf([alpineUpdate()], baseSha, 'basepin/alpine'),
      }),
    );
    const report = reportOf(
      [],
      [
        {
          file: 'Dockerfile',
          line: 1,
          reference: 'alpine:3.20',
          error: new RegistryError({
            status: 503,
            code: 'UNAVAILABLE',
            retryable: true,
            message: 'registry said 503',
          }),
        },
      ],
    );
    const { pullRequests } = await run(report, { groupBy: 'image' });
    expect(pullRequests).toMatchObject([
      { number: 50, operation: 'unchanged', reason: expect.stringMatching(/Dockerfile:1 failed/) },
    ]);
  });

  describe('a PR a person closed without merging', () => {
    const declined = (body: string, extra = {}) =>
      pullRequestPayload({ number: 40, state: 'closed', closed_at: '2026-01-05T10:00:00Z', body, ...extra });

    it('skipped: the same digests are not proposed again', async () => {
      openPrs();
      closedPrs('basepin/all', declined(bodyOf(updates, '1111111111111111111111111111111111111111')));
      const { pullRequests } = await run(reportOf(updates));
      expect(pullRequests).toEqual([
        {
          branch: 'basepin/all',
          operation: 'skipped',
          reason:
            '#40 proposing these same digests was closed without merging on 2026-01-05; a newer digest will be proposed',
        },
      ]);
    });

    it('created: a newer digest is proposed', async () => {
      openPrs();
      closedPrs('basepin/all', declined(bodyOf([alpineUpdate(digest('0')), nodeUpdate()])));
      commitChain({ branchExists: true });
      nock(api)
        .post(`${repoPath}/pulls`)
        .reply(201, pullRequestPayload({ number: 45 }));
      const { pullRequests } = await run(reportOf(updates), { labels: [], reviewers: [] });
      expect(pullRequests).toMatchObject([{ number: 45, operation: 'created' }]);
    });

    it('created: a merged PR, or one basepin closed itself, is no “no”', async () => {
      const own = buildState(updates, baseSha);
      openPrs();
      closedPrs('basepin/all', declined(withState('x', { ...own, closedAs: 'obsolete' })));
      commitChain({ branchExists: false });
      nock(api)
        .post(`${repoPath}/pulls`)
        .reply(201, pullRequestPayload({ number: 46 }));
      const { pullRequests } = await run(reportOf(updates), { labels: [], reviewers: [] });
      expect(pullRequests).toMatchObject([{ number: 46, operation: 'created' }]);
    });
  });

  it('the 422 “already exists” race ends as an update of the other run’s PR', async () => {
    openPrs();
    closedPrs('basepin/all');
    commitChain({ branchExists: false });
    nock(api)
      .post(`${repoPath}/pulls`)
      .reply(422, fixture('pull-request-exists'))
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', head: 'octo-org:basepin/all', per_page: '10' })
      .reply(200, [pullRequestPayload({ number: 47 })])
      .patch(`${repoPath}/pulls/47`)
      .reply(200, pullRequestPayload({ number: 47 }));
    const { pullRequests } = await run(reportOf(updates));
    expect(pullRequests).toMatchObject([
      { number: 47, operation: 'updated', reason: 'another run opened it first' },
    ]);
  });

  it('an open-PR listing that fails is not an empty one: nothing is written, with one warning', async () => {
    // Every try (the first and the client's retries) answers 503; any write would be an unmatched request.
    nock(api)
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', base: 'main', per_page: '100' })
      .times(4)
      .reply(503, 'Service Unavailable');
    const { pullRequests, log } = await run(reportOf(updates));
    expect(pullRequests).toEqual([
      {
        branch: 'basepin/all',
        operation: 'skipped',
        reason: expect.stringMatching(/^the open pull requests could not be listed \(.*503/),
      },
    ]);
    expect(log.lines.filter((l) => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(/no pull request was opened, updated or closed this run$/),
    ]);
  });

  it('retries a 5xx on the way and labels a PR GitHub does not know yet (422)', async () => {
    openPrs();
    nock(api)
      .get(`${repoPath}/pulls`)
      .query((q) => q['state'] === 'closed')
      .reply(502, 'Bad Gateway');
    closedPrs('basepin/all');
    commitChain({ branchExists: false });
    nock(api)
      .post(`${repoPath}/pulls`)
      .reply(201, pullRequestPayload({ number: 48 }))
      .post(`${repoPath}/issues/48/labels`)
      .reply(422, fixture('labels-not-ready'))
      .post(`${repoPath}/issues/48/labels`)
      .reply(200, fixture('labels'));
    const { pullRequests } = await run(reportOf(updates), { reviewers: [] });
    expect(pullRequests).toMatchObject([{ number: 48, operation: 'created' }]);
  });

  it('a label that never sticks is a warning; the PR stands', async () => {
    openPrs();
    closedPrs('basepin/all');
    commitChain({ branchExists: false });
    nock(api)
      .post(`${repoPath}/pulls`)
      .reply(201, pullRequestPayload({ number: 49 }))
      .post(`${repoPath}/issues/49/labels`)
      .times(4)
      .reply(422, fixture('labels-not-ready'));
    const { pullRequests, log } = await run(reportOf(updates), { reviewers: [] });
    expect(pullRequests).toMatchObject([{ number: 49, operation: 'created' }]);
    expect(log.lines.some((l) => l.startsWith('warning: #49: add labels dependencies to #49'))).toBe(true);
  });

  it('a refused write is a failed outcome naming the step; other groups still run', async () => {
    openPrs(
      pullRequestPayload({
        number: 60,
        branch: 'basepin/node',
        body: bodyOf([nodeUpdate()], baseSha, 'basepin/node'),
      }),
    );
    closedPrs('basepin/alpine');
    nock(api)
      .get(`${repoPath}/git/commits/${baseSha}`)
      .reply(403, { message: 'Resource not accessible by integration' });
    const { pullRequests } = await run(reportOf(updates), { groupBy: 'image' });
    expect(pullRequests).toEqual([
      {
        branch: 'basepin/alpine',
        operation: 'failed',
        reason: `read commit ${baseSha} in octo-org/webapp: 403 Resource not accessible by integration`,
      },
      {
        number: 60,
        url: 'https://github.com/octo-org/webapp/pull/60',
        branch: 'basepin/node',
        operation: 'unchanged',
      },
    ]);
  });

  it('a reply of the wrong shape fails only its group, naming the operation and the field', async () => {
    openPrs(
      pullRequestPayload({
        number: 60,
        branch: 'basepin/node',
        body: bodyOf([nodeUpdate()], baseSha, 'basepin/node'),
      }),
    );
    closedPrs('basepin/alpine');
    nock(api)
      .get(`${repoPath}/git/commits/${baseSha}`)
      .reply(200, { sha: baseSha, tree: { sha: 42 } });
    const { pullRequests } = await run(reportOf(updates), { groupBy: 'image' });
    expect(pullRequests).toEqual([
      {
        branch: 'basepin/alpine',
        operation: 'failed',
        reason: expect.stringMatching(
          /^read commit \w+ in octo-org\/webapp: 200 unexpected reply: tree\.sha: /,
        ),
      },
      expect.objectContaining({ number: 60, branch: 'basepin/node', operation: 'unchanged' }),
    ]);
  });

  it('dry run reads, then reports what it would do without writing', async () => {
    openPrs(
      pullRequestPayload({
        number: 42,
        branch: 'basepin/node',
        body: bodyOf([nodeUpdate(digest('0'))], baseSha, 'basepin/node'),
      }),
      pullRequestPayload({
        number: 50,
        branch: 'basepin/ghcr-io-org-app',
        body: bodyOf([appUpdate()], baseSha, 'basepin/ghcr-io-org-app'),
      }),
    );
    closedPrs('basepin/alpine');
    branchCommits('basepin/node');
    const { pullRequests } = await run(reportOf(updates), { groupBy: 'image', dryRun: true });
    expect(pullRequests).toMatchObject([
      { branch: 'basepin/alpine', operation: 'created', dryRun: true },
      { number: 42, branch: 'basepin/node', operation: 'updated', dryRun: true },
      { number: 50, branch: 'basepin/ghcr-io-org-app', operation: 'closed', dryRun: true },
    ]);
  });

  it('a malformed state block is a warning, and the PR is brought up to date', async () => {
    openPrs(
      pullRequestPayload({
        number: 42,
        body: `${renderStateBlock(buildState(updates, baseSha)).slice(0, 40)} -->`,
      }),
    );
    // Without a recorded state, basepin's commit is known by its trailer naming the change proposed now.
    const trailer = `Basepin-Change: ${buildState(updates, baseSha).changeId}`;
    branchCommits('basepin/all', [
      { login: 'github-actions[bot]', verified: true, message: `Pin\n\n${trailer}\n`, parents: [baseSha] },
    ]);
    const { pullRequests, log } = await run(reportOf(updates), { dryRun: true });
    expect(pullRequests).toMatchObject([{ number: 42, operation: 'updated', dryRun: true }]);
    expect(
      log.lines.some((l) =>
        /^warning: #42 \(basepin\/all\): ignoring its state: the basepin:state block is not JSON/.test(l),
      ),
    ).toBe(true);
  });
});

describe('openPullRequests with a stubbed GitHub', () => {
  function stubGitHub(open: ReturnType<typeof toPullRequest>[] = []) {
    const commits: { branch: string; files: Record<string, string> }[] = [];
    let written: Record<string, string> = {};
    let next = 100;
    const github = fakeRepository<PullRequestsApi & GitDataApi>({
      commitFiles: async (input) => {
        commits.push({
          branch: input.branch,
          files: Object.fromEntries(input.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])),
        });
        return newCommit;
      },
      // An open PR's branch holds basepin's commit only; its replacement is recorded when the branch moves.
      readBranch: async () => 'h'.repeat(40),
      listBranchCommits: async () => ({ commits: [], total: 0 }),
      writeCommit: async (input) => {
        written = Object.fromEntries(input.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')]));
        return newCommit;
      },
      moveBranchFrom: async (input) => {
        commits.push({ branch: input.branch, files: written });
      },
      findOpenPullRequest: async () => undefined,
      listOpenPullRequests: async () => open,
      listClosedPullRequests: async () => [],
      createPullRequest: async (input) => ({
        created: true,
        pullRequest: toPullRequest(
          pullRequestPayload({ number: next++, branch: input.head, body: input.body }),
        ),
      }),
      updatePullRequest: async (number) => {
        const pr = open.find((candidate) => candidate.number === number);
        if (!pr) throw new Error(`#${number} is not open`);
        return pr;
      },
      closePullRequest: async () => undefined,
      deleteBranch: async () => undefined,
      addLabels: async () => undefined,
      requestReviewers: async () => undefined,
      addAssignees: async () => undefined,
    });
    return { github, commits };
  }

  it('each branch carries only its own group’s pins, applied to the base text', async () => {
    const { github, commits } = stubGitHub();
    const updates = [alpineUpdate(), nodeUpdate(), appUpdate()];
    const result = await openPullRequests(inputFor(reportOf(updates), { groupBy: 'image' }), {
      github,
      log: recordingLog(),
    });
    expect(result.pullRequests.map((pr) => [pr.branch, pr.operation])).toEqual([
      ['basepin/alpine', 'created'],
      ['basepin/ghcr-io-org-app', 'created'],
      ['basepin/node', 'created'],
    ]);
    expect(commits).toEqual([
      { branch: 'basepin/alpine', files: { Dockerfile: pinnedRoot } },
      {
        branch: 'basepin/ghcr-io-org-app',
        files: {
          'services/api/Dockerfile': apiDockerfile.replace(
            'ghcr.io/org/app:1',
            `ghcr.io/org/app:1@${digest('3')}`,
          ),
        },
      },
      { branch: 'basepin/node', files: { 'services/api/Dockerfile': pinnedApi } },
    ]);
  });

  it('fails only the group whose base text the plan does not hold', async () => {
    const { github, commits } = stubGitHub();
    const report = { ...reportOf([alpineUpdate()]), changes: [] };
    const { pullRequests } = await openPullRequests(inputFor(report), { github, log: recordingLog() });
    expect(pullRequests).toMatchObject([{ operation: 'failed', reason: /base text is not in the pin plan/ }]);
    expect(commits).toEqual([]);
  });

  it('opens at most maxPullRequests; the rest wait, and the job summary lists them', async () => {
    const { github, commits } = stubGitHub();
    const updates = [alpineUpdate(), nodeUpdate(), appUpdate()];
    const result = await openPullRequests(
      inputFor(reportOf(updates), { groupBy: 'image', maxPullRequests: 2 }),
      { github, log: recordingLog() },
    );
    expect(result.pullRequests.map((pr) => [pr.branch, pr.operation])).toEqual([
      ['basepin/alpine', 'created'],
      ['basepin/ghcr-io-org-app', 'created'],
      ['basepin/node', 'waiting'],
    ]);
    expect(commits.map((commit) => commit.branch)).toEqual(['basepin/alpine', 'basepin/ghcr-io-org-app']);
    const summary = renderJobSummary(reportOf(updates), result.pullRequests, false);
    expect(summary).toContain(
      '- `basepin/node` waiting: 2 basepin pull requests are open (max-pull-requests: 2); a later run opens this one',
    );
  });

  it('keeps updating pull requests already open when the limit is reached; only new ones wait', async () => {
    const openNode = toPullRequest(
      pullRequestPayload({
        number: 42,
        branch: 'basepin/node',
        body: bodyOf([nodeUpdate(digest('0'))], baseSha, 'basepin/node'),
      }),
    );
    const { github, commits } = stubGitHub([openNode]);
    const updates = [alpineUpdate(), nodeUpdate(), appUpdate()];
    const result = await openPullRequests(
      inputFor(reportOf(updates), { groupBy: 'image', maxPullRequests: 1 }),
      { github, log: recordingLog() },
    );
    expect(result.pullRequests.map((pr) => [pr.branch, pr.operation])).toEqual([
      ['basepin/alpine', 'waiting'],
      ['basepin/ghcr-io-org-app', 'waiting'],
      ['basepin/node', 'updated'],
    ]);
    expect(commits.map((commit) => commit.branch)).toEqual(['basepin/node']);
  });

  it('opens ten by default', async () => {
    const { github } = stubGitHub();
    // Twelve images at one place: twelve groups by image, each pinning the same text.
    const updates = Array.from({ length: 12 }, (_, i) => {
      const update = alpineUpdate();
      const reference = parseImageReference(`image-${String(i).padStart(2, '0')}:3.20`);
      return { ...update, site: { ...update.site, reference } };
    });
    const result = await openPullRequests(inputFor(reportOf(updates), { groupBy: 'image' }), {
      github,
      log: recordingLog(),
    });
    const operations = result.pullRequests.map((pr) => pr.operation);
    expect(operations.filter((operation) => operation === 'created')).toHaveLength(10);
    expect(operations.slice(10)).toEqual(['waiting', 'waiting']);
  });
});
