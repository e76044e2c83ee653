import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RepositoryRow } from '../../src/org/index.ts';
import { fakeClock } from '../org-github/fake-clock.ts';
import { createGitHubOrgStub, type GitHubOrgStub } from '../support/github-org-stub.ts';
import type { SimulatedOrg } from '../support/simulated-org.ts';
import { orgSources, registryFor, runOrgOnce, runSingle } from './org-fixture.ts';
import { startOrgWorld, type OrgWorld } from './org-world.ts';

// An organisation run end to end: the organisation stand-in on 127.0.0.1 and the real local registry (Docker
// Hub's names aliased to it, so the Dockerfiles stay as a real organisation writes them).

let world: OrgWorld;
beforeAll(async () => {
  world = await startOrgWorld();
}, 60_000);
afterAll(() => world?.stop());

let stubs: GitHubOrgStub[] = [];
afterEach(async () => {
  await Promise.all(stubs.map((stub) => stub.stop()));
  stubs = [];
});

async function stubOf(org: SimulatedOrg, clock: ReturnType<typeof fakeClock>): Promise<GitHubOrgStub> {
  const stub = await createGitHubOrgStub({
    owner: 'acme',
    repositories: [...org.repositories, { name: 'platform', files: { 'README.md': '# platform\n' } }],
    staticTokens: ['ghs_ready'],
    limits: { now: clock.now },
  });
  stubs.push(stub);
  return stub;
}

/** Every open pull request of a repository, as a person sees it. */
function pullRequestsOf(stub: GitHubOrgStub, name: string) {
  return [...stub.state(name).pulls.values()]
    .filter((pr) => pr.state === 'open')
    .map((pr) => ({ branch: pr.head, title: pr.title, body: pr.body }))
    .sort((a, b) => (a.branch < b.branch ? -1 : 1));
}

const byName = (rows: readonly RepositoryRow[]) => new Map(rows.map((row) => [row.repository, row]));

describe('basepin org over 200 repositories', () => {
  it('opens the pull requests the per-repository action would, asks each image once, keeps the pace, and a second run writes nothing', async () => {
    const org = world.organisation(200);
    const clock = fakeClock();
    const stub = await stubOf(org, clock);
    const settings = orgSources(world.proxy);
    world.proxy.reset();
    const first = await runOrgOnce({
      stub,
      registry: registryFor(settings, world.registry.dir),
      org: settings,
      clock,
    });

    const rows = byName(first.rows);
    expect(first.rows).toHaveLength(200);
    // Every failing repository is a failed row, but two ways fail only when the run needs them: a ruleset
    // refusing writes when there is something to write, a blob GitHub fails to serve when no other
    // repository had the same file (blobs are read once per run, by sha).
    const failed = first.rows.filter((row) => row.state === 'failed').map((row) => row.repository);
    for (const [name, way] of org.failing) {
      const row = rows.get(`acme/${name}`)!;
      if (way === 'ruleset refusing writes')
        expect([way, row.state]).toEqual([way, row.updates > 0 ? 'failed' : 'current']);
      else if (way !== 'blob failing') expect([way, row.state]).toEqual([way, 'failed']);
    }
    expect(failed.every((name) => org.failing.has(name.slice('acme/'.length)))).toBe(true);
    expect(
      first.rows
        .filter((row) => row.state === 'skipped')
        .map((row) => row.error)
        .sort(),
    ).toEqual(['archived', 'archived', 'empty', 'empty', 'fork', 'fork']);
    expect(first.rows.filter((row) => row.state === 'proposed').length).toBeGreaterThan(100);
    expect(stub.limits.violations).toBe(0);

    // Each tag is asked once for the whole organisation, however many repositories name it.
    const tagReads = world.proxy.requests
      .map((r) => /^\/v2\/library\/([^/]+)\/manifests\/([^/]+)$/.exec(r.path))
      .filter((m): m is RegExpExecArray => m !== null && !m[2]!.startsWith('sha256:'))
      .map((m) => `${m[1]}:${m[2]}`);
    expect(new Set(tagReads).size).toBe(tagReads.length);
    expect(new Set(tagReads).size).toBeLessThanOrEqual(world.tagCount);

    // The single-repository path over the same repositories, in a stand-in of their own.
    const plain = org.repositories.filter(
      (r) => r.files !== undefined && !org.failing.has(r.name) && !r.archived && !r.fork,
    );
    const sample = plain.filter((r) => rows.get(`acme/${r.name}`)?.state === 'proposed').slice(0, 4);
    expect(sample).toHaveLength(4);
    const alone = await createGitHubOrgStub({
      owner: 'acme',
      repositories: sample,
      staticTokens: ['ghs_ready'],
    });
    stubs.push(alone);
    for (const spec of sample)
      await runSingle(alone, spec, registryFor(settings, world.registry.dir), settings);
    for (const spec of sample) {
      expect(pullRequestsOf(stub, spec.name)).toEqual(pullRequestsOf(alone, spec.name));
      expect(pullRequestsOf(stub, spec.name).length).toBeGreaterThan(0);
    }

    // A second run: nothing to write in any repository of the organisation.
    stub.resetRequests();
    const second = await runOrgOnce({
      stub,
      registry: registryFor(settings, world.registry.dir),
      org: settings,
      clock,
    });
    const writes = stub.requests.filter(
      (r) => r.kind === 'write' && r.repository !== 'acme/platform' && r.status < 400,
    );
    expect(writes).toEqual([]);
    expect(second.rows.map((row) => [row.repository, row.state]).sort()).toEqual(
      first.rows.map((row) => [row.repository, row.state]).sort(),
    );
  }, 300_000);

  it('stopped halfway, then run again: every repository consistent, no duplicate branch or pull request', async () => {
    const org = world.organisation(40);
    const clock = fakeClock();
    const stub = await stubOf(org, clock);
    const settings = orgSources(world.proxy);
    let reached = 0;
    const firstOrder: string[] = [];
    const stopped = await runOrgOnce({
      stub,
      registry: registryFor(settings, world.registry.dir),
      org: settings,
      clock,
      stopRequested: () => reached >= 15,
      onRow: (row) => {
        reached += 1;
        firstOrder.push(row.repository);
      },
    });
    const pending = stopped.rows.filter((row) => row.state === 'pending').map((row) => row.repository);
    expect(pending.length).toBeGreaterThan(0);
    expect(firstOrder).toHaveLength(15);

    const secondOrder: string[] = [];
    const resumed = await runOrgOnce({
      stub,
      registry: registryFor(settings, world.registry.dir),
      org: settings,
      clock,
      onRow: (row) => secondOrder.push(row.repository),
    });
    // The repositories never reached come first; the ones done last time go last.
    expect(secondOrder.slice(0, pending.length).sort()).toEqual([...pending].sort());
    expect(resumed.rows.some((row) => row.state === 'pending')).toBe(false);

    for (const spec of org.repositories) {
      if (spec.files === undefined || spec.archived || spec.fork || org.failing.has(spec.name)) continue;
      const state = stub.state(spec.name);
      const open = [...state.pulls.values()].filter((pr) => pr.state === 'open');
      const heads = open.map((pr) => pr.head);
      expect(new Set(heads).size).toBe(heads.length);
      // Every basepin branch has its pull request.
      const branches = [...state.refs.keys()].filter((ref) => ref !== 'main');
      expect(branches.sort()).toEqual([...heads].sort());
    }
    // And a third run finds nothing to do.
    const before = stub.state('svc-00000').issues.get(1)?.body;
    stub.resetRequests();
    await runOrgOnce({ stub, registry: registryFor(settings, world.registry.dir), org: settings, clock });
    expect(stub.state('svc-00000').issues.get(1)?.body).toBe(before);
    // (A repository whose ruleset refuses writes is refused again, and nothing is made.)
    expect(
      stub.requests.filter((r) => r.kind === 'write' && r.repository !== 'acme/platform' && r.status < 400),
    ).toEqual([]);
  }, 60_000);

  it('takes over a branch a killed run left without its pull request', async () => {
    const org = world.organisation(20);
    const clock = fakeClock();
    const stub = await stubOf(org, clock);
    const settings = orgSources(world.proxy);
    // A job killed between pushing the branch and opening its pull request left this behind.
    const state = stub.state('svc-00000');
    state.refs.set('basepin/all', state.refs.get('main')!);
    const { rows } = await runOrgOnce({
      stub,
      registry: registryFor(settings, world.registry.dir),
      org: settings,
      clock,
    });
    expect(rows.find((row) => row.repository === 'acme/svc-00000')?.state).toBe('proposed');
    const open = [...state.pulls.values()].filter((pr) => pr.state === 'open');
    expect(open.map((pr) => pr.head)).toEqual(['basepin/all']);
    expect(state.refs.get('basepin/all')).toBe(open[0]!.headSha);
    expect(state.refs.get('basepin/all')).not.toBe(state.refs.get('main'));
  }, 60_000);
});
