import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addChangelogs, changelogKey, changelogNeeded } from '../../src/changelog/changelogs.ts';
import { planPins } from '../../src/pin/plan-pins.ts';
import { pullRequestBody } from '../../src/pull-requests/pr-body.ts';
import { buildState } from '../../src/pull-requests/pr-state.ts';
import { renderJobSummary } from '../../src/action-run/job-summary.ts';
import { updatesJson } from '../../src/pipeline/report-json.ts';
import { ExitCode, runCli } from '../../src/cli/main.ts';
import { defaultRunSettings, type RunSettings } from '../../src/config/settings.ts';
import { dockerCliRebuild, windowsOnlyRebuild, type Scenario } from '../support/changelog-scenarios.ts';
import { fixtureClient } from '../support/fixture-client.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { createOsvClient } from '../../src/osv/index.ts';

// The use case around the changelog facts: collected for a plan's updates, used by skip-unchanged-platforms
// and minimum-age, and shown in the PR body, the job summary, --json and `basepin explain`.

const image = 'example.org/library/app';

let workspace: MemoryWorkspace;

function repoWith(scenario: Scenario, dockerfile: string) {
  scenario.repo.tags.set('1', scenario.to);
  workspace = new MemoryWorkspace([['Dockerfile', dockerfile.replaceAll('FROM_DIGEST', scenario.from)]]);
  return fixtureClient(scenario.repo);
}

async function plan(
  scenario: Scenario,
  dockerfile: string,
  settings: Partial<RunSettings> = {},
  now = new Date('2026-11-22T12:00:00Z'),
) {
  const fake = repoWith(scenario, dockerfile);
  const runSettings = defaultRunSettings({ cwd: '/repository', ...settings });
  const planned = await planPins(runSettings, { registry: fake.client, workspace });
  return { planned, ...(await addChangelogs(planned, runSettings, { registry: fake.client, now })) };
}

describe('skip-unchanged-platforms', () => {
  const dockerfile = `FROM --platform=linux/amd64 ${image}:1@FROM_DIGEST\n`;

  it('holds back an update whose image changed only in platforms the Dockerfile does not build (default on)', async () => {
    const { plan: result, planned } = await plan(windowsOnlyRebuild(), dockerfile);
    expect(changelogNeeded(planned, defaultRunSettings({ cwd: '/repository' }))).toBe(true);
    expect(result.updates).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(
      /changed only platforms this repository does not use \(windows\/amd64 10\.0\.17763\.5576, windows\/amd64 10\.0\.20348\.2340\); skip-unchanged-platforms/,
    );
    // The summary escapes the reason's markdown (`skip\\-unchanged…`).
    expect(renderJobSummary(result, [], false)).toMatch(/skip\\?-unchanged\\?-platforms/);
  });

  it('for the settings alone, the two indexes are all it reads', async () => {
    const fake = repoWith(windowsOnlyRebuild(), dockerfile);
    const settings = defaultRunSettings({ cwd: '/repository' });
    const planned = await planPins(settings, { registry: fake.client, workspace });
    fake.calls.length = 0;
    const result = await addChangelogs(
      planned,
      settings,
      { registry: fake.client, now: new Date() },
      { facts: 'policy' },
    );
    expect(result.plan.updates).toEqual([]);
    expect(fake.calls.filter((call) => call.startsWith('GET'))).toHaveLength(2);
  });

  it('proposes it when turned off, or when the platform is not known', async () => {
    expect(
      (await plan(windowsOnlyRebuild(), dockerfile, { skipUnchangedPlatforms: false })).plan.updates,
    ).toHaveLength(1);
    expect(
      (await plan(windowsOnlyRebuild(), `FROM --platform=$BUILDPLATFORM ${image}:1@FROM_DIGEST\n`)).plan
        .updates,
    ).toHaveLength(1);
  });
});

describe('minimum-age', () => {
  const dockerfile = `FROM ${image}:1@FROM_DIGEST\n`;
  const threeDays = 3 * 86_400_000;

  it('holds back a digest younger than the minimum and lets it through once old enough', async () => {
    const young = await plan(
      dockerCliRebuild(),
      dockerfile,
      { minimumAgeMs: threeDays },
      new Date('2026-11-22T12:00:00Z'),
    );
    expect(young.plan.updates).toEqual([]);
    expect(young.plan.skipped[0]?.reason).toBe(
      'the new digest was built 2026-11-20T10:00:00Z, 2.1d ago, less than minimum-age 3d',
    );
    const old = await plan(
      dockerCliRebuild(),
      dockerfile,
      { minimumAgeMs: threeDays },
      new Date('2026-11-24T12:00:00Z'),
    );
    expect(old.plan.updates).toHaveLength(1);
    expect(old.plan.changes[0]?.after).toContain(old.plan.updates[0]!.target.digest);
  });

  it('an unknown build date is proposed, saying so', async () => {
    const scenario = dockerCliRebuild();
    // The amd64 build date is in its annotation and config; without both it is unknown.
    for (const [digest, content] of scenario.repo.manifests) {
      const text = new TextDecoder()
        .decode(content.bytes)
        .replaceAll('org.opencontainers.image.created', 'x-created');
      scenario.repo.manifests.set(digest, { ...content, bytes: new TextEncoder().encode(text) });
    }
    for (const [digest, content] of scenario.repo.blobs) {
      const text = new TextDecoder()
        .decode(content.bytes)
        .replace(/"created": "[^"]+"/g, '"created": "1970-01-01T00:00:00Z"');
      scenario.repo.blobs.set(digest, { ...content, bytes: new TextEncoder().encode(text) });
    }
    const result = await plan(scenario, dockerfile, { minimumAgeMs: threeDays });
    expect(result.plan.updates).toHaveLength(1);
    expect(result.changelogs.get(changelogKey(result.plan.updates[0]!))?.skipped).toContain(
      'build date unknown: minimum-age could not be applied',
    );
  });
});

describe('where the facts are shown', () => {
  const dockerfile = `FROM ${image}:1@FROM_DIGEST\n`;

  it('the PR body has the headline and the details; --json has a changelog object per update', async () => {
    const { plan: result, changelogs } = await plan(dockerCliRebuild(), dockerfile);
    const body = pullRequestBody({
      updates: result.updates,
      state: buildState(result.updates, 'a'.repeat(40)),
      repo: { owner: 'o', repo: 'r' },
      serverUrl: 'https://github.com',
      branch: 'basepin/all',
      changelogs,
      now: new Date('2026-11-22T12:00:00Z'),
    });
    expect(body).toMatch(
      /### What changed\n\n- `example\.org\/library\/app:1` → `24\.0\.7-cli` · .* · rebuilt 2026-11-20 \(2 days old\) · same source · base `alpine:3\.18` moved/,
    );
    expect(body).toContain('<summary>What changed inside</summary>');
    const [json] = updatesJson(result, changelogs);
    expect(json?.changelog).toMatchObject({ version: { to: '24.0.7-cli' }, source: { sameSource: true } });
  });
});

describe('basepin explain', () => {
  // The CLI reads a real folder: only these tests need one.
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'basepin-changelog-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** `basepin explain …`, or with a leading `--json`/`--changelog`, `basepin check …`. */
  async function explain(scenario: Scenario, ...argv: string[]) {
    scenario.repo.tags.set('1', scenario.to);
    const fake = fixtureClient(scenario.repo);
    let stdout = '';
    let stderr = '';
    const command = argv[0]?.startsWith('--') ? ['check'] : ['explain'];
    const code = await runCli([...command, ...argv], {
      cwd: dir,
      env: {},
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      interactive: false,
      version: 'test',
      registry: () => fake.client,
      // No test reaches the public OSV.
      osv: () => createOsvClient({ api: 'off' }),
      now: () => new Date('2026-11-22T12:00:00Z'),
    });
    return { code, stdout, stderr };
  }

  it('pin --changelog: a changelog per update in --json, explain-style lines in text; without it none', async () => {
    const scenario = dockerCliRebuild();
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${image}:1@${scenario.from}\n`);
    const json = await explain(scenario, '--json', '--changelog');
    expect(json.code).toBe(ExitCode.WorkFound);
    expect(JSON.parse(json.stdout).updates[0].changelog).toMatchObject({ source: { sameSource: true } });
    const plain = await explain(scenario, '--json');
    expect(JSON.parse(plain.stdout).updates[0].changelog).toBeUndefined();
    const text = await explain(scenario, '--changelog');
    expect(text.stdout).toMatch(/^ +packages +linux\/amd64 +busybox 1\.37\.0-r29 → 1\.37\.0-r30$/m);
  });

  it('check --minimum-age: the new index the age check reads confirms the pin, with no HEAD by digest', async () => {
    const scenario = dockerCliRebuild();
    scenario.repo.tags.set('1', scenario.to);
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${image}:1@${scenario.from}\n`);
    const fake = fixtureClient(scenario.repo);
    const code = await runCli(['check', '--minimum-age', '1d', '--json'], {
      cwd: dir,
      env: {},
      stdout: () => undefined,
      stderr: () => undefined,
      interactive: false,
      version: 'test',
      registry: () => fake.client,
      now: () => new Date('2026-11-24T12:00:00Z'),
    });
    expect(code).toBe(ExitCode.WorkFound);
    expect(fake.calls).toContain(`GET manifest ${scenario.to}`);
    expect(fake.calls).not.toContain(`HEAD ${scenario.to}`);
  });

  it('prints the facts of one image since the digest given', async () => {
    const scenario = dockerCliRebuild();
    const { code, stdout } = await explain(scenario, `${image}:1@${scenario.from}`);
    expect(code).toBe(ExitCode.Done);
    expect(stdout).toMatch(
      /^example\.org\/library\/app:1 → 24\.0\.7-cli · [0-9a-f]{7} → [0-9a-f]{7} · rebuilt 2026-11-20 \(2 days old\)/,
    );
    expect(stdout).toMatch(/packages +linux\/amd64 +busybox 1\.37\.0-r29 → 1\.37\.0-r30/);
  });

  it('--json prints the same facts as JSON; a tag alone explains what it points at', async () => {
    const scenario = dockerCliRebuild();
    const { code, stdout } = await explain(scenario, `${image}:1`, '--json');
    expect(code).toBe(ExitCode.Done);
    expect(JSON.parse(stdout)).toMatchObject({ image: `${image}:1`, to: scenario.to });
  });

  it('a bad reference is a usage error; an unknown tag exits 2', async () => {
    expect((await explain(dockerCliRebuild(), 'Not A Reference')).code).toBe(ExitCode.Usage);
    const missing = await explain(dockerCliRebuild(), `${image}:nope`);
    expect(missing.code).toBe(ExitCode.Unresolved);
    expect(missing.stderr).toMatch(/nope/);
    expect((await explain(dockerCliRebuild())).code).toBe(ExitCode.Usage);
  });
});
