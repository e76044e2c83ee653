import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundledAction } from '../support/action-run.ts';
import { alpineRebuild, olderSecurityStatement, type Scenario } from '../support/changelog-scenarios.ts';
import { createGitHubStub } from '../support/github-stub.ts';
import { startOsvStandIn, type RunningOsvStandIn } from '../support/osv-server.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// Known vulnerabilities end to end: the bundled action against a real registry holding the real alpine
// 3.23.2 (byte-exact, its real amd64 SBOM) and an older build whose SBOM lists openssl, busybox and zlib one
// release back, an OSV stand-in on 127.0.0.1 answering from the fixture records with apk's version order,
// and the GitHub stub.

const temps: string[] = [];
let registry: RunningRegistry;
let alpine: Scenario;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  alpine = alpineRebuild({ placeholderLayers: true, older: olderSecurityStatement });
  await pushFixtureRepo(registry, 'library/alpine', alpine.repo);
});

afterAll(async () => {
  await registry?.stop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  const files = {
    Dockerfile: `FROM --platform=linux/amd64 ${registry.host}/library/alpine:3.23@${alpine.from}\n`,
  };
  const workspace = mkdtempSync(join(tmpdir(), 'basepin-workspace-'));
  temps.push(workspace);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return { workspace, stub: await createGitHubStub({ owner: 'octo', repo: 'app', files }) };
}

/** Every id the new digest fixes, and the one it introduces, as OSV and its CVE alias name them. */
const fixed = [
  ['ALPINE-CVE-2025-9230', 'CVE-2025-9230', 'high (8.1)'],
  ['ALPINE-CVE-2025-9231', 'CVE-2025-9231', 'medium (5.9)'],
  ['ALPINE-CVE-2024-58251', 'CVE-2024-58251', 'low (3.3)'],
] as const;

describe('a rebuilt alpine with openssl and busybox upgrades', () => {
  let osv: RunningOsvStandIn;
  beforeAll(async () => {
    osv = await startOsvStandIn();
  });
  afterAll(async () => {
    await osv?.close();
  });

  it('gets a PR naming each CVE fixed and introduced, with severity, for one querybatch and one GET per id', async () => {
    const { workspace, stub } = await setup();
    try {
      const run = await runBundledAction(workspace, stub, { 'osv-api': osv.url });
      expect(run.stdout).not.toMatch(/::error/);
      expect(run.code).toBe(0);
      const [pr] = stub.pullRequests();
      const body = pr?.body ?? '';
      expect(body).toContain('fixes 4 known vulnerabilities (1 high), introduces 1 (critical)');
      for (const [id, cve, severity] of fixed) {
        expect(body).toContain(`\`${id}\` — \`${cve}\` — ${severity}`);
        expect(body).toContain(`[advisory](https://osv.dev/vulnerability/${id})`);
      }
      expect(body).toMatch(/`ALPINE-CVE-2025-9230` — [^\n]* · `openssl` `3\.5\.3-r0` → `3\.5\.4-r0` · /);
      expect(body).toMatch(/\*\*Known vulnerabilities introduced\*\*\n\n- `BASEPIN-TEST-1` — critical/);
      expect(run.summary).toContain('fixes 4 known vulnerabilities (1 high), introduces 1 (critical)');
      // One querybatch for the run; one GET for each id shown, no more.
      expect(osv.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /v1/querybatch']);
      const gets = osv.requests.filter((r) => r.startsWith('GET'));
      expect(new Set(gets).size).toBe(gets.length);
      expect(gets.sort()).toEqual(
        [...fixed.map(([id]) => id), 'ALPINE-CVE-2025-9232', 'BASEPIN-TEST-1']
          .map((id) => `GET /v1/vulns/${id}`)
          .sort(),
      );
    } finally {
      await stub.stop();
    }
  });

  it('vulnerability-policy: hold-introduced holds it back, with the reason in the summary and the dashboard', async () => {
    const { workspace, stub } = await setup();
    try {
      const run = await runBundledAction(workspace, stub, {
        'osv-api': osv.url,
        'vulnerability-policy': 'hold-introduced',
        dashboard: 'true',
      });
      expect(run.code).toBe(0);
      expect(stub.pullRequests()).toHaveLength(0);
      // The summary escapes markdown: read it without its backslashes.
      expect(run.summary.replaceAll('\\', '')).toMatch(
        /Dockerfile:1 .*: the new digest introduces known vulnerability BASEPIN-TEST-1 \(vulnerability-policy: hold-introduced\)/,
      );
      const [dashboard] = stub.issues();
      expect(dashboard?.body).toContain(
        'the new digest introduces known vulnerability BASEPIN-TEST-1 (vulnerability-policy: hold-introduced)',
      );
    } finally {
      await stub.stop();
    }
  });
});

describe('OSV unreachable', () => {
  it('costs one failed request and one line; the PR is opened as without it', async () => {
    const gone = await startOsvStandIn();
    await gone.close();
    const { workspace, stub } = await setup();
    try {
      const run = await runBundledAction(workspace, stub, { 'osv-api': gone.url });
      expect(run.code).toBe(0);
      const body = stub.pullRequests()[0]?.body ?? '';
      expect(body).toMatch(/\d+ packages upgraded/);
      expect(body.split('vulnerability data unavailable')).toHaveLength(2);
      expect(body).not.toMatch(/known vulnerabilit/);
    } finally {
      await stub.stop();
    }
  });
});
