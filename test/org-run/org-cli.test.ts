import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { orgDashboardTitle } from '../../src/org/index.ts';
import { fakeClock } from '../org-github/fake-clock.ts';
import { createGitHubOrgStub, type GitHubOrgStub } from '../support/github-org-stub.ts';
import type { SimulatedOrg } from '../support/simulated-org.ts';
import { testDir } from '../support/temp-dir.ts';
import { runDate } from './org-fixture.ts';
import { startOrgWorld, type OrgWorld } from './org-world.ts';

// `basepin org` as a workflow runs it: the token and the running repository from the environment, the
// org-wide settings file in the working folder, the stand-in and the real local registry.

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

/** The running repository's checkout: the org-wide settings file (Docker Hub answered by the local registry). */
function checkout(): string {
  const dir = testDir('org-cli');
  mkdirSync(join(dir, '.github'));
  writeFileSync(
    join(dir, '.github/basepin.yml'),
    `registry-aliases:\n  docker.io: ${world.proxy.url}\ninsecure-registries: ['${world.proxy.host}']\n`,
  );
  return dir;
}

async function cli(stub: GitHubOrgStub, cwd: string, clock: ReturnType<typeof fakeClock>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const summary = join(cwd, 'summary.md');
  writeFileSync(summary, '');
  const code = await runCli(['org', ...argv], {
    cwd,
    env: {
      GITHUB_TOKEN: 'ghs_ready',
      GITHUB_API_URL: stub.url,
      GITHUB_REPOSITORY: 'acme/platform',
      GITHUB_STEP_SUMMARY: summary,
      DOCKER_CONFIG: world.registry.dir,
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: true,
    version: 'test',
    now: () => runDate,
    pacerClock: clock,
    githubRetryDelayUnitMs: 1,
  });
  return { code, stdout, stderr, summary: readFileSync(summary, 'utf8') };
}

function openPullRequests(stub: GitHubOrgStub, org: SimulatedOrg) {
  return org.repositories
    .filter((spec) => spec.files !== undefined)
    .map((spec) => ({
      repository: spec.name,
      pulls: [...stub.state(spec.name).pulls.values()]
        .filter((pr) => pr.state === 'open')
        .map((pr) => ({ branch: pr.head, title: pr.title, body: pr.body })),
    }));
}

describe('basepin org', () => {
  it('one job: rows as --json, a progress line per repository, the job summary, the org dashboard, exit 2 on a failure', async () => {
    const org = world.organisation(24);
    const clock = fakeClock();
    const stub = await stubOf(org, clock);
    const result = await cli(stub, checkout(), clock, '--repositories', 'acme/svc-*', '--json');
    expect(result.code).toBe(2);
    const rows = JSON.parse(result.stdout) as { repository: string; state: string }[];
    expect(rows).toHaveLength(24);
    expect(rows.map((row) => row.repository)).not.toContain('acme/platform');
    // Progress lines go to stderr only on a terminal, and never with --json.
    expect(result.stderr).not.toMatch(/^\[1\/\d+\]/m);
    expect(result.summary).toContain('| `acme/svc-00000` |');
    const dashboard = [...stub.state('platform').issues.values()];
    expect(dashboard.map((issue) => issue.title)).toEqual([orgDashboardTitle]);

    const text = await cli(stub, checkout(), clock, '--repositories', 'acme/svc-*');
    expect(text.stderr).toMatch(/^\[1\/20\] acme\/svc-\d+: (current|proposed|failed)/m);
    expect(text.stdout).toMatch(/^24 repositories: /);
    // The second run found the dashboard it made.
    expect([...stub.state('platform').issues.values()]).toHaveLength(1);
  }, 120_000);

  it('plan --shards 4 then 4 shard runs: the same pull requests as one job, no registry contact in the shards', async () => {
    const org = world.organisation(24);
    const oneClock = fakeClock();
    const one = await stubOf(org, oneClock);
    expect((await cli(one, checkout(), oneClock, '--repositories', 'svc-*')).code).toBe(2);

    const clock = fakeClock();
    const sharded = await stubOf(org, clock);
    const dir = checkout();
    const plan = await cli(
      sharded,
      dir,
      clock,
      'plan',
      '--shards',
      '4',
      '--resolution',
      'resolution.json',
      '--repositories',
      'svc-*',
    );
    expect(plan.stdout).toBe('{"shard":[0,1,2,3]}\n');
    expect(sharded.requests.filter((r) => r.kind === 'write')).toEqual([]);
    world.proxy.reset();
    for (const shard of [0, 1, 2, 3]) {
      const run = await cli(
        sharded,
        dir,
        clock,
        'run',
        '--shard',
        String(shard),
        '--resolution',
        'resolution.json',
        '--repositories',
        'svc-*',
      );
      expect(run.stderr).not.toContain('NOT_IN_RESOLUTION');
      expect(run.stderr).not.toContain('not in the resolution');
    }
    expect(world.proxy.requests).toEqual([]);
    expect(openPullRequests(sharded, org)).toEqual(openPullRequests(one, org));
    expect(openPullRequests(one, org).some((repo) => repo.pulls.length > 0)).toBe(true);
    expect(sharded.limits.violations).toBe(0);
  }, 180_000);

  it('refuses a bad flag or a missing token with one line', async () => {
    const clock = fakeClock();
    const stub = await stubOf(world.organisation(1), clock);
    const dir = checkout();
    const usage = await cli(stub, dir, clock, 'run', '--resolution', 'x.json');
    expect([usage.code, usage.stderr]).toEqual([
      64,
      'basepin: basepin org run needs --shard I and --resolution FILE\n',
    ]);
    const missing = await cli(stub, dir, clock, 'run', '--shard', '0', '--resolution', 'x.json');
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([64, expect.any(String)]);
    expect(missing.stderr).toMatch(/^basepin: .*x\.json: the resolution file cannot be read \(ENOENT\)\n$/);
  });
});
