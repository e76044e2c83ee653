import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';
import {
  echoCredentialsFromTokenServer,
  startHostileServer,
  type HostileServer,
} from '../support/hostile-server.ts';
import { runBundledAction, type RunEvent } from '../support/action-run.ts';
import { pushIndex, type PushedIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// The bundled action (dist/index.js) run the way the runner runs it: INPUT_*
// and GITHUB_* variables, an event payload file, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, against a real registry and a GitHub API stub.

/** The shared runner of the bundled action, under the name these tests use. */
const runAction = runBundledAction;

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

let registry: RunningRegistry;
let alpine: PushedIndex;
let app: PushedIndex;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  alpine = await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64'], {
    seed: 'one',
  });
  app = await pushIndex(registry, 'team/app', '1', ['linux/amd64'], { kind: 'docker' });
});

afterAll(async () => {
  await registry?.stop();
});

describe('the bundled action on a schedule', () => {
  let stub: GitHubStub;
  let workspace: string;

  beforeAll(async () => {
    const host = registry.host;
    const files = {
      Dockerfile: `FROM ${host}/library/alpine:3.20 AS base\nRUN echo hi\n`,
      'services/api/Dockerfile': `ARG BASE=${host}/team/app:1\nFROM \${BASE}\nCOPY --from=${host}/library/alpine:3.20 /bin/sh /bin/sh\n`,
      'README.md': 'not a Dockerfile\n',
    };
    workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
    writeTree(workspace, files);
    stub = await createGitHubStub({ owner: 'octo', repo: 'app', files });
  });

  afterAll(async () => {
    await stub?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('opens one pull request with a verified commit pinning every site', async () => {
    const run = await runAction(workspace, stub, { labels: 'dependencies' });
    expect(run.stdout).not.toMatch(/::error/);
    // The new branch did not exist (GitHub answered 404): the expected case, no annotation.
    expect(run.stdout).not.toMatch(/::warning.*404/);
    expect(run.code).toBe(0);

    const prs = stub.pullRequests();
    expect(prs).toHaveLength(1);
    const pr = prs[0]!;
    expect(pr).toMatchObject({ state: 'open', head: { ref: 'basepin/all' }, base: { ref: 'main' } });
    // Two images on a long local registry host: counted, then named as far as a title fits.
    expect(pr.title).toBe(`Pin 2 base image digests (${registry.host}/library/alpine, …)`);
    expect(pr.labels).toEqual(['dependencies']);
    expect(pr.body).toContain('<!-- basepin:state');
    expect(pr.body).toContain(alpine.digest);

    const host = registry.host;
    expect(stub.fileAt('basepin/all', 'Dockerfile')).toBe(
      `FROM ${host}/library/alpine:3.20@${alpine.digest} AS base\nRUN echo hi\n`,
    );
    expect(stub.fileAt('basepin/all', 'services/api/Dockerfile')).toBe(
      `ARG BASE=${host}/team/app:1@${app.digest}\nFROM \${BASE}\nCOPY --from=${host}/library/alpine:3.20@${alpine.digest} /bin/sh /bin/sh\n`,
    );
    expect(stub.fileAt('basepin/all', 'README.md')).toBe('not a Dockerfile\n');
    const commit = stub.commit(stub.branchSha('basepin/all')!)!;
    expect(commit.verified).toBe(true);
    expect(commit.parents).toEqual([stub.branchSha('main')]);

    expect(JSON.parse(run.outputs['pull-requests']!)).toEqual([
      { number: pr.number, url: pr.html_url, branch: 'basepin/all', operation: 'created' },
    ]);
    expect(JSON.parse(run.outputs['changed-files']!)).toEqual(['Dockerfile', 'services/api/Dockerfile']);
    expect(JSON.parse(run.outputs.updates!)).toHaveLength(3);
    expect(run.summary).toContain('| File | Image | Digest |');
    expect(stub.unhandled()).toEqual([]);
  });

  it('changes nothing on a second run', async () => {
    stub.resetRequests();
    const run = await runAction(workspace, stub, { labels: 'dependencies' });
    expect(run.code).toBe(0);
    expect(stub.writes()).toEqual([]);
    expect(JSON.parse(run.outputs['pull-requests']!)).toMatchObject([{ operation: 'unchanged' }]);
  });

  it('updates the same pull request when the image moves again', async () => {
    const before = stub.pullRequests()[0]!;
    const moved = await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64'], {
      seed: 'two',
    });
    const run = await runAction(workspace, stub, { labels: 'dependencies' });
    expect(run.code).toBe(0);
    const prs = stub.pullRequests();
    expect(prs).toHaveLength(1);
    expect(prs[0]!.number).toBe(before.number);
    expect(stub.fileAt('basepin/all', 'Dockerfile')).toContain(`alpine:3.20@${moved.digest} AS base`);
    expect(JSON.parse(run.outputs['pull-requests']!)).toMatchObject([{ operation: 'updated' }]);
  });

  it('a dry run writes nothing and says what it would do', async () => {
    await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64'], { seed: 'three' });
    stub.resetRequests();
    const run = await runAction(workspace, stub, { 'dry-run': 'true', 'fail-on-unpinned': 'true' });
    expect(stub.writes()).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*unpinned or stale \(fail-on-unpinned\)/);
    expect(run.summary).toContain('(dry run)');
  });
});

describe('the bundled action on an empty workspace', () => {
  it('warns that no image files were found (a missing checkout) instead of a silent green run', async () => {
    const files = { 'README.md': 'no Dockerfiles here\n' };
    const workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
    writeTree(workspace, files);
    const stub = await createGitHubStub({ owner: 'octo', repo: 'app', files });
    try {
      const run = await runAction(workspace, stub, {});
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /::warning title=basepin%3A no image files::no image files found under \. in /,
      );
      expect(stub.writes()).toEqual([]);
    } finally {
      await stub.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('the bundled action next to a registry that echoes credentials', () => {
  const password = 'action-secret-77Qx';
  const basic = Buffer.from(`u5203:${password}`).toString('base64');
  let stub: GitHubStub;
  let workspace: string;
  let hostile: HostileServer;

  beforeAll(async () => {
    hostile = await startHostileServer();
    echoCredentialsFromTokenServer(hostile, '\x1b]0;owned\x07 <img src=x> ');
    const files = {
      Dockerfile: `FROM ${registry.host}/library/alpine:3.20\n`,
      'evil/Dockerfile': `FROM ${hostile.host}/evil/app:1\n`,
    };
    workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
    writeTree(workspace, files);
    stub = await createGitHubStub({ owner: 'octo', repo: 'app', files });
  });

  afterAll(async () => {
    await stub?.stop();
    await hostile?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('pins the healthy image and prints the secret nowhere: log, annotations, outputs, summary, PR', async () => {
    const run = await runAction(workspace, stub, {
      'registry-credentials': `${hostile.host}=u5203:${password}`,
    });
    expect(hostile.requests.some((request) => request.authorization === `Basic ${basic}`)).toBe(true);
    expect(stub.pullRequests()).toHaveLength(1);
    expect(stub.fileAt('basepin/all', 'Dockerfile')).toMatch(/alpine:3\.20@sha256:[0-9a-f]{64}\n$/);
    // ::add-mask:: lines are how the runner learns what to mask; they are read, not shown.
    const shown = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const everything = [
      shown,
      JSON.stringify(run.outputs),
      run.summary,
      ...stub.pullRequests().map((pr) => `${pr.title}\n${pr.body}`),
    ].join('\n');
    expect(everything).toContain('bad credentials: Basic ***');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(basic);
    expect(everything).not.toContain('\x1b');
    expect(run.summary).not.toContain('<img');
  });
});

describe('the bundled action on comment commands', () => {
  let stub: GitHubStub;
  let workspace: string;
  const commentEvent = JSON.parse(
    readFileSync(new URL('../fixtures/events/issue_comment.json', import.meta.url), 'utf8'),
  ) as {
    issue: Record<string, unknown>;
    comment: Record<string, unknown> & { user: Record<string, unknown> };
  };

  /** A person's comment on the stub, and the `issue_comment` event the runner would hand the action. */
  function commented(number: number, login: string, body: string): { event: RunEvent; id: number } {
    const id = stub.addComment(number, login, body);
    const payload = structuredClone(commentEvent);
    payload.issue.number = number;
    payload.comment.id = id;
    payload.comment.body = body;
    payload.comment.user = { ...payload.comment.user, login, type: 'User' };
    return { event: { name: 'issue_comment', payload }, id };
  }

  const alpinePr = () =>
    stub.pullRequests().find((pr) => pr.state === 'open' && pr.body?.includes('library/alpine'));

  beforeAll(async () => {
    const host = registry.host;
    const files = {
      Dockerfile: `FROM ${host}/library/alpine:3.20\n`,
      'services/api/Dockerfile': `FROM ${host}/team/app:1\n`,
    };
    workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
    writeTree(workspace, files);
    stub = await createGitHubStub({
      owner: 'octo',
      repo: 'app',
      files,
      permissions: { max: 'maintain', rea: 'read' },
    });
    const run = await runAction(workspace, stub, { 'group-by': 'image' });
    expect(run.code).toBe(0);
  });

  afterAll(async () => {
    await stub?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('a scheduled run keeps the dashboard issue', () => {
    const [dashboard] = stub.issues();
    expect(dashboard).toMatchObject({
      title: 'basepin dashboard',
      labels: ['basepin'],
      user: 'github-actions[bot]',
    });
    expect(dashboard!.body).toContain('library/alpine:3.20');
    expect(dashboard!.body).toContain('<!-- basepin:dashboard ');
  });

  it("a maintainer's /basepin rebase updates the branch", async () => {
    const moved = await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64'], {
      seed: 'comment',
    });
    const pr = alpinePr()!;
    const { event, id } = commented(pr.number, 'max', '/basepin rebase');
    const run = await runAction(workspace, stub, { 'group-by': 'image' }, event);
    expect(run.code).toBe(0);
    expect(stub.fileAt(pr.head.ref, 'Dockerfile')).toContain(`alpine:3.20@${moved.digest}`);
    expect(stub.reactions(id)).toEqual(['eyes', '+1']);
    expect(stub.comments(pr.number).at(-1)?.body).toBe(
      '<!-- basepin:reply -->\nbasepin: Rebased this pull request on the current base.',
    );
    expect(stub.unhandled()).toEqual([]);
  });

  it("a reader's /basepin rebase gets a refusal and causes no other write", async () => {
    const pr = alpinePr()!;
    const before = stub.branchSha(pr.head.ref);
    const { event, id } = commented(pr.number, 'rea', '/basepin rebase');
    stub.resetRequests();
    const run = await runAction(workspace, stub, { 'group-by': 'image' }, event);
    expect(run.code).toBe(0);
    expect(stub.reactions(id)).toEqual(['eyes', '-1']);
    expect(stub.comments(pr.number).at(-1)?.body).toContain('basepin commands need write permission');
    expect(stub.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /repos/octo/app/issues/comments/${id}/reactions`,
      `POST /repos/octo/app/issues/${pr.number}/comments`,
      `POST /repos/octo/app/issues/comments/${id}/reactions`,
    ]);
    expect(stub.branchSha(pr.head.ref)).toBe(before);
  });

  it('/basepin ignore closes the pull request, and the next scheduled run proposes nothing for the image', async () => {
    const pr = alpinePr()!;
    const { event, id } = commented(pr.number, 'max', `/basepin ignore ${registry.host}/library/alpine`);
    const run = await runAction(workspace, stub, { 'group-by': 'image' }, event);
    expect(run.code).toBe(0);
    expect(stub.reactions(id)).toEqual(['eyes', '+1']);
    expect(stub.pullRequest(pr.number)?.state).toBe('closed');
    expect(stub.branches()).not.toContain(pr.head.ref);

    await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64'], { seed: 'later' });
    const next = await runAction(workspace, stub, { 'group-by': 'image' });
    expect(next.code).toBe(0);
    expect(alpinePr()).toBeUndefined();
    const branches = (JSON.parse(next.outputs['pull-requests']!) as { branch: string }[]).map(
      (p) => p.branch,
    );
    expect(branches.some((b) => b.includes('alpine'))).toBe(false);
    expect(stub.issues()[0]!.body).toContain('ignored by `/basepin ignore');
  });
});
