import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commented, runBundledAction } from '../support/action-run.ts';
import { createGitHubStub, type GitHubStub, type StubViewer } from '../support/github-stub.ts';
import { pushIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// Scheduled runs of the bundled action under an installation token (GET /user refused) while GraphQL's
// viewer answers in each way GitHub can. Ownership must not hang on the answer: two runs leave one
// dashboard and one pull request, after the tag moves the next run updates that pull request, and a
// writer's `/basepin rebase` is answered while a reader's is refused without a write.

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

async function twoRunsAndAMove(viewer: StubViewer, seed: string): Promise<void> {
  const repository = `library/id-${viewer}`;
  await pushIndex(registry, repository, '1', ['linux/amd64'], { seed: `${seed}-one` });
  const files = { Dockerfile: `FROM ${registry.host}/${repository}:1\n` };
  workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
  writeFileSync(join(workspace, 'Dockerfile'), files.Dockerfile);
  stub = await createGitHubStub({
    owner: 'octo',
    repo: 'app',
    files,
    viewer,
    permissions: { wes: 'write', rea: 'read' },
  });
  for (const _run of [1, 2]) {
    const run = await runBundledAction(workspace, stub, {});
    expect(run.code).toBe(0);
  }
  expect(stub.issues().filter((i) => i.labels.includes('basepin'))).toHaveLength(1);
  expect(stub.pullRequests()).toHaveLength(1);
  const before = stub.pullRequests()[0]!;
  const moved = await pushIndex(registry, repository, '1', ['linux/amd64'], { seed: `${seed}-two` });
  const run = await runBundledAction(workspace, stub, {});
  expect(run.code).toBe(0);
  expect(stub.pullRequests()).toMatchObject([{ number: before.number, state: 'open' }]);
  expect(stub.fileAt('basepin/all', 'Dockerfile')).toContain(moved.digest);
  expect(stub.issues().filter((i) => i.labels.includes('basepin'))).toHaveLength(1);

  const writer = commented(stub, before.number, 'wes', '/basepin rebase');
  expect((await runBundledAction(workspace, stub, {}, writer.event)).code).toBe(0);
  expect(stub.reactions(writer.id)).toEqual(['eyes', '+1']);
  expect(stub.comments(before.number).at(-1)?.body).toContain('Rebased this pull request');

  const head = stub.branchSha('basepin/all');
  const reader = commented(stub, before.number, 'rea', '/basepin rebase');
  stub.resetRequests();
  expect((await runBundledAction(workspace, stub, {}, reader.event)).code).toBe(0);
  expect(stub.reactions(reader.id)).toEqual(['eyes', '-1']);
  expect(stub.comments(before.number).at(-1)?.body).toContain('basepin commands need write permission');
  expect(stub.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
    `POST /repos/octo/app/issues/comments/${reader.id}/reactions`,
    `POST /repos/octo/app/issues/${before.number}/comments`,
    `POST /repos/octo/app/issues/comments/${reader.id}/reactions`,
  ]);
  expect(stub.branchSha('basepin/all')).toBe(head);
}

describe('ownership whatever GraphQL says the token is', () => {
  it('viewer github-actions[bot]', async () => {
    await twoRunsAndAMove('login', 'a');
  }, 60_000);

  it.each<StubViewer>(['login-without-bot', 'forbidden', 'refused'])(
    'viewer mode %s',
    async (viewer) => {
      await twoRunsAndAMove(viewer, viewer);
    },
    60_000,
  );
});
