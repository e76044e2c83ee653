import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commented, runBundledAction } from '../support/action-run.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';
import { pushIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { commentMarker } from '../../src/text/marks.ts';

// The bundled action deciding what is basepin's by its marks alone: under a maintainer's personal token
// (every object basepin writes is that person's), with a dashboard GitHub fails to list, and with the
// duplicate dashboards an older version left behind.

let registry: RunningRegistry;
beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
});
afterAll(async () => {
  await registry?.stop();
});

let stub: GitHubStub | undefined;
let workspace: string | undefined;
afterEach(async () => {
  await stub?.stop();
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
  stub = undefined;
  workspace = undefined;
});

/** A repository with one Dockerfile naming a fresh image on the local registry, and its checkout. */
async function repositoryWith(
  name: string,
  options: Omit<Parameters<typeof createGitHubStub>[0], 'owner' | 'repo' | 'files'> = {},
) {
  const repository = `library/own-${name}`;
  await pushIndex(registry, repository, '1', ['linux/amd64'], { seed: `${name}-one` });
  const files = { Dockerfile: `FROM ${registry.host}/${repository}:1\n` };
  workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
  writeFileSync(join(workspace, 'Dockerfile'), files.Dockerfile);
  stub = await createGitHubStub({ owner: 'octo', repo: 'app', files, ...options });
  return { repository, github: stub, checkout: workspace };
}

const dashboards = (github: GitHubStub) =>
  github.issues().filter((i) => i.state === 'open' && i.labels.includes('basepin'));
const openPulls = (github: GitHubStub) => github.pullRequests().filter((p) => p.state === 'open');

describe("a maintainer's personal token (basepin writes as that person)", () => {
  it('keeps one dashboard and one PR, and the owner can command it', async () => {
    const { repository, github, checkout } = await repositoryWith('pat', {
      actor: 'monalisa',
      permissions: { monalisa: 'admin' },
    });
    for (const _run of [1, 2]) expect((await runBundledAction(checkout, github, {})).code).toBe(0);
    expect(dashboards(github)).toMatchObject([{ user: 'monalisa' }]);
    expect(openPulls(github)).toHaveLength(1);
    const pr = openPulls(github)[0]!;

    // The owner's own command, from the login basepin writes as.
    const moved = await pushIndex(registry, repository, '1', ['linux/amd64'], { seed: 'pat-two' });
    const rebase = commented(github, pr.number, 'monalisa', '/basepin rebase');
    expect((await runBundledAction(checkout, github, {}, rebase.event)).code).toBe(0);
    expect(github.reactions(rebase.id)).toEqual(['eyes', '+1']);
    expect(github.fileAt(pr.head.ref, 'Dockerfile')).toContain(moved.digest);
    const reply = github.comments(pr.number).at(-1)!;
    expect(reply).toMatchObject({ user: 'monalisa' });
    expect(reply.body).toBe(`${commentMarker}\nbasepin: Rebased this pull request on the current base.`);

    // basepin's reply reaches the workflow as the owner's comment: its marker, not its author, silences it.
    const echo = commented(github, pr.number, 'monalisa', reply.body);
    github.resetRequests();
    expect((await runBundledAction(checkout, github, {}, echo.event)).code).toBe(0);
    expect(github.writes()).toEqual([]);

    // The owner's verified web commit on the branch is theirs, not basepin's: a rebase keeps it.
    const theirs = github.pushCommit(pr.head.ref, { 'NOTES.md': 'mine\n' }, 'Notes', 'monalisa', {
      verified: true,
    });
    const again = commented(github, pr.number, 'monalisa', '/basepin rebase');
    expect((await runBundledAction(checkout, github, {}, again.event)).code).toBe(0);
    expect(github.branchSha(pr.head.ref)).toBe(theirs);
    expect(github.comments(pr.number).at(-1)?.body).toContain(
      `commit ${theirs.slice(0, 7)} by monalisa is not basepin's`,
    );
  });
});

describe('a dashboard GitHub fails to list', () => {
  it('creates no dashboard and proposes no ignored image, with one warning', async () => {
    const { repository, github, checkout } = await repositoryWith('unread', {
      permissions: { max: 'maintain' },
    });
    expect((await runBundledAction(checkout, github, {})).code).toBe(0);
    const pr = openPulls(github)[0]!;
    const ignore = commented(github, pr.number, 'max', `/basepin ignore ${registry.host}/${repository}`);
    expect((await runBundledAction(checkout, github, {}, ignore.event)).code).toBe(0);
    expect(github.pullRequest(pr.number)?.state).toBe('closed');

    await pushIndex(registry, repository, '1', ['linux/amd64'], { seed: 'unread-two' });
    // Every try of the listing, retries included, answers 500.
    github.failNext({ method: 'GET', path: '/repos/octo/app/issues', status: 500, times: 4 });
    github.resetRequests();
    const run = await runBundledAction(checkout, github, {});
    expect(run.code).toBe(0);
    expect(github.writes()).toEqual([]);
    expect(dashboards(github)).toHaveLength(1);
    expect(openPulls(github)).toEqual([]);
    const warnings = run.stdout.split('\n').filter((line) => line.includes('dashboard not read'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning::.*500.*no pull request was opened, updated or closed/);
  }, 120_000); // the client waits out its retries of the 500s (1 + 4 + 9 s)
});

describe('duplicate dashboards from an older version', () => {
  it('end as one: the oldest kept and redrawn, the newer closed with a pointer', async () => {
    const { github, checkout } = await repositoryWith('dupes');
    const oldBody = '# basepin dashboard\n\n<!-- basepin:dashboard {"v":1,"ignores":[],"pending":[]} -->\n';
    const older = github.openIssue({
      title: 'basepin dashboard',
      user: 'github-actions[bot]',
      labels: ['basepin'],
      body: oldBody,
    });
    const newer = github.openIssue({
      title: 'basepin dashboard',
      user: 'github-actions',
      labels: ['basepin'],
      body: oldBody,
    });
    expect((await runBundledAction(checkout, github, {})).code).toBe(0);
    expect(dashboards(github).map((i) => i.number)).toEqual([older]);
    expect(dashboards(github)[0]!.body).toContain(`${registry.host}/library/own-dupes`);
    expect(github.issues().find((i) => i.number === newer)).toMatchObject({ state: 'closed' });
    const pointer = github.comments(newer).at(-1)!.body;
    expect(pointer.startsWith(`${commentMarker}\n`)).toBe(true);
    expect(pointer).toContain(`#${older}`);
    expect(openPulls(github)).toHaveLength(1);
  });
});
