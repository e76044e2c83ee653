import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction, type ActionContext, type ActionDeps } from '../../src/action-run/run-action.ts';
import { runDashboardEdit } from '../../src/action-run/run-comment.ts';
import { defaultRunSettings, type RunSettings } from '../../src/config/settings.ts';
import type { GitHubStub } from '../support/github-stub.ts';
import { fakeRegistry, repositoryOn, startStub, writes } from '../comments/comment-fixtures.ts';
import { recordingLog } from '../github/nock-github.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';

let stub: GitHubStub;
let settings: RunSettings;
let deps: ActionDeps;

/** The workflow's checkout of main, as the run reads it. */
function checkout(): void {
  deps = { ...deps, workspace: new MemoryWorkspace(Object.entries(stub.filesAt('main') ?? {})) };
}

const context = (): ActionContext => ({
  repo: { owner: stub.owner, repo: stub.repo },
  ref: 'refs/heads/main',
  sha: stub.branchSha('main')!,
  serverUrl: 'https://github.com',
});

async function scheduled() {
  checkout();
  return runAction(settings, context(), deps);
}

const dashboard = () => stub.issues().find((i) => i.user === 'github-actions[bot]')!;

beforeEach(async () => {
  stub = await startStub();
  settings = defaultRunSettings({ cwd: '/checkout', groupBy: 'image', concurrency: 2 });
  deps = {
    registry: fakeRegistry(),
    workspace: new MemoryWorkspace(),
    github: repositoryOn(stub),
    defaultBranch: async () => 'main',
    log: recordingLog(),
  };
});

afterEach(async () => {
  await stub.stop();
});

describe('the dashboard in scheduled runs', () => {
  it('is created with every reference and the open PRs, and not edited when nothing changed', async () => {
    await scheduled();
    const body = dashboard().body;
    expect(body).toContain('| **`alpine`** | | |');
    expect(body).toMatch(
      /\| \[`services\/api\/Dockerfile:2`\]\(https:\/\/github.com\/octo\/app\/blob\/[0-9a-f]{40}\/services\/api\/Dockerfile#L2\) \| `node:22-slim@sha256:a+` \| pinned, stale/,
    );
    for (const pr of stub.pullRequests()) expect(body).toContain(`- #${pr.number} `);
    stub.resetRequests();
    await scheduled();
    expect(writes(stub)).toEqual([]);
  });

  it('offers a declined group as a box; a ticked box creates it on the next run', async () => {
    await scheduled();
    const alpine = stub.pullRequests().find((p) => p.head.ref === 'basepin/alpine')!;
    stub.closePullRequest(alpine.number);
    await scheduled();
    expect(stub.pullRequests().filter((p) => p.state === 'open' && p.head.ref === 'basepin/alpine')).toEqual(
      [],
    );
    const offered = '- [ ] <!-- basepin:create:basepin/alpine -->';
    expect(dashboard().body).toContain(offered);
    stub.editIssue(
      dashboard().number,
      dashboard().body.replace(offered, '- [x] <!-- basepin:create:basepin/alpine -->'),
    );
    const run = await scheduled();
    expect(run.pullRequests).toContainEqual(
      expect.objectContaining({ branch: 'basepin/alpine', operation: 'created' }),
    );
    expect(dashboard().body).toContain('- [ ] <!-- basepin:rebase-all -->');
    expect(dashboard().body).not.toContain('basepin:create:basepin/alpine');
  });

  it('an issue with the title and the state block but not the label is never read', async () => {
    // GitHub drops the labels of an issue opened by someone without triage access: the label is the mark.
    const rules = {
      v: 1,
      pending: [],
      ignores: [{ repository: 'docker.io/library/alpine', source: { issue: 1, comment: 1, by: 'mallory' } }],
    };
    stub.openIssue({
      title: 'basepin dashboard',
      user: 'mallory',
      labels: [],
      body: `<!-- basepin:dashboard ${JSON.stringify(rules)} -->`,
    });
    const run = await scheduled();
    expect(run.pullRequests.map((p) => p.branch)).toContain('basepin/alpine');
    expect(stub.issues().filter((i) => i.labels.includes('basepin'))).toHaveLength(1);
  });

  it('duplicates end as one: the oldest marked issue is kept, the others closed with a pointer', async () => {
    await scheduled();
    const kept = dashboard();
    const copy = stub.openIssue({
      title: 'basepin dashboard',
      user: 'github-actions[bot]',
      labels: ['basepin'],
      body: kept.body,
    });
    await scheduled();
    expect(stub.issues().filter((i) => i.state === 'open' && i.labels.includes('basepin'))).toMatchObject([
      { number: kept.number },
    ]);
    expect(stub.issues().find((i) => i.number === copy)).toMatchObject({ state: 'closed' });
    expect(stub.comments(copy).at(-1)?.body).toContain(`#${kept.number}, which basepin keeps`);
  });
});

describe('a dashboard edit', () => {
  const edit = (sender: string, senderType = 'User') => ({
    action: 'edited',
    issueNumber: dashboard().number,
    sender,
    senderType,
  });

  beforeEach(async () => {
    await scheduled();
    stub.resetRequests();
  });

  it.each([
    ['rea', 'User', /rea has read permission; ticking boxes needs write/],
    ['tri', 'User', /tri has triage permission/],
    ['dependabot[bot]', 'Bot', /an edit by a bot/],
    ['max', 'User', /no box is ticked/],
  ])('by %s runs nothing', async (sender, type, why) => {
    checkout();
    const result = await runDashboardEdit(settings, context(), deps, edit(sender, type));
    expect(result).toEqual({ skipped: expect.stringMatching(why) });
    expect(writes(stub)).toEqual([]);
  });

  it('by a maintainer runs now, and a ticked rebase-all recommits every open PR', async () => {
    const before = stub.pullRequests().map((p) => stub.branchSha(p.head.ref));
    stub.editIssue(
      dashboard().number,
      dashboard().body.replace('- [ ] <!-- basepin:rebase-all -->', '- [x] <!-- basepin:rebase-all -->'),
    );
    checkout();
    const result = await runDashboardEdit(settings, context(), deps, edit('max'));
    expect('skipped' in result).toBe(false);
    const after = stub.pullRequests().map((p) => stub.branchSha(p.head.ref));
    expect(after.every((sha, i) => sha !== before[i])).toBe(true);
    expect(dashboard().body).toContain('- [ ] <!-- basepin:rebase-all -->');
  });
});
