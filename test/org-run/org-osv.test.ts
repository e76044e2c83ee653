import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { fakeClock } from '../org-github/fake-clock.ts';
import { alpineRebuild, olderSecurityStatement, type Scenario } from '../support/changelog-scenarios.ts';
import { createGitHubOrgStub, type GitHubOrgStub } from '../support/github-org-stub.ts';
import { startOsvStandIn, type RunningOsvStandIn } from '../support/osv-server.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { testDir } from '../support/temp-dir.ts';
import { runDate } from './org-fixture.ts';

// The organisation run asks OSV through ONE client built from the org-wide `osv-api`: two repositories
// with the same image change (the real alpine 3.23.2 and an older build, byte-exact in the local registry)
// get the same vulnerability lines for one querybatch.

let registry: RunningRegistry;
let osv: RunningOsvStandIn;
let alpine: Scenario;
let stub: GitHubOrgStub | undefined;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  alpine = alpineRebuild({ placeholderLayers: true, older: olderSecurityStatement });
  await pushFixtureRepo(registry, 'library/alpine', alpine.repo);
  osv = await startOsvStandIn();
}, 60_000);
afterAll(async () => {
  await stub?.stop();
  await osv?.close();
  await registry?.stop();
});

/** `basepin org --repositories svc-*` in a checkout whose settings file is `settings`. */
async function orgRun(stand: GitHubOrgStub, settings: string) {
  const cwd = testDir('org-osv');
  mkdirSync(join(cwd, '.github'));
  writeFileSync(join(cwd, '.github/basepin.yml'), settings);
  let stderr = '';
  const code = await runCli(['org', '--repositories', 'svc-*'], {
    cwd,
    env: { GITHUB_TOKEN: 'ghs_ready', GITHUB_API_URL: stand.url, GITHUB_REPOSITORY: 'acme/platform' },
    stdout: () => undefined,
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
    now: () => runDate,
    pacerClock: fakeClock(),
    githubRetryDelayUnitMs: 1,
  });
  return { code, stderr };
}

describe('basepin org: one OSV client and one signature trust for the organisation', () => {
  it('two repositories sharing an image change cost one OSV querybatch, and both pull requests name the CVEs', async () => {
    const dockerfile = `FROM --platform=linux/amd64 ${registry.host}/library/alpine:3.23@${alpine.from}\n`;
    stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories: [
        { name: 'svc-a', files: { Dockerfile: dockerfile } },
        { name: 'svc-b', files: { 'build/Dockerfile': dockerfile } },
        { name: 'platform', files: { 'README.md': '# platform\n' } },
      ],
      staticTokens: ['ghs_ready'],
    });
    const { code, stderr } = await orgRun(
      stub,
      `insecure-registries: ['${registry.host}']\nosv-api: ${osv.url}\n`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const name of ['svc-a', 'svc-b']) {
      const pulls = [...stub.state(name).pulls.values()];
      expect(pulls).toHaveLength(1);
      expect(pulls[0]!.body).toContain('fixes 4 known vulnerabilities (1 high), introduces 1 (critical)');
    }
    expect(osv.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /v1/querybatch']);
    const gets = osv.requests.filter((r) => r.startsWith('GET'));
    expect(gets.length).toBeGreaterThan(0);
    expect(new Set(gets).size).toBe(gets.length);
  }, 120_000);

  it('reads the org-wide signature keys once, before any repository: an unreadable key is a settings error', async () => {
    await stub?.stop();
    stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories: [{ name: 'svc-a', files: { Dockerfile: 'FROM alpine:3.23\n' } }],
      staticTokens: ['ghs_ready'],
    });
    const { code, stderr } = await orgRun(stub, `signature-keys:\n  'acme/*': keys/missing.pem\n`);
    expect(code).toBe(64);
    expect(stderr).toMatch(/^basepin: [^\n]*signature-keys[^\n]*keys\/missing\.pem/);
    expect(stub.requests.filter((r) => r.repository === 'acme/svc-a')).toEqual([]);
  });
});
