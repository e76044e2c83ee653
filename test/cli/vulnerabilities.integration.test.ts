import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { alpineRebuild, olderSecurityStatement, type Scenario } from '../support/changelog-scenarios.ts';
import { startOsvStandIn, type RunningOsvStandIn } from '../support/osv-server.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// `basepin explain` and `check --changelog --json` name the known vulnerabilities a rebuilt image fixes and
// introduces: the real alpine 3.23.2 and an older build (openssl, busybox, zlib one release back) pushed
// byte-exact into a real registry, and an OSV stand-in on 127.0.0.1 answering from the fixture records.

let registry: RunningRegistry;
let osv: RunningOsvStandIn;
let alpine: Scenario;
let dir: string;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  alpine = alpineRebuild({ placeholderLayers: true, older: olderSecurityStatement });
  await pushFixtureRepo(registry, 'library/alpine', alpine.repo);
});

afterAll(async () => {
  await registry?.stop();
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-cli-'));
  osv = await startOsvStandIn();
  return async () => {
    await osv.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, '--insecure-registry', registry.host], {
    cwd: dir,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
    now: () => new Date('2026-12-01T00:00:00Z'),
  });
  return { code, stdout, stderr };
}

const image = () => `${registry.host}/library/alpine:3.23@${alpine.from}`;

/** [id, CVE, severity, package, old, new] of each vulnerability the new digest fixes. */
const fixed = [
  ['ALPINE-CVE-2025-9230', 'CVE-2025-9230', 'high', 'openssl', '3.5.3-r0', '3.5.4-r0'],
  ['ALPINE-CVE-2025-9231', 'CVE-2025-9231', 'medium', 'openssl', '3.5.3-r0', '3.5.4-r0'],
  ['ALPINE-CVE-2024-58251', 'CVE-2024-58251', 'low', 'busybox', '1.37.0-r29', '1.37.0-r30'],
  ['ALPINE-CVE-2025-9232', 'CVE-2025-9232', 'unknown', 'openssl', '3.5.3-r0', '3.5.4-r0'],
];

interface Entry {
  id: string;
  cve?: string;
  severity: string;
  package: string;
  from?: string;
  to?: string;
  url: string;
}
const row = (e: Entry) => [e.id, e.cve, e.severity, e.package, e.from, e.to];

describe('basepin explain', () => {
  it('names each CVE fixed and introduced, with severity, in text', async () => {
    const run = await cli('explain', image(), '--platform', 'linux/amd64', '--osv-api', osv.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const headline = run.stdout.split('\n')[0];
    expect(headline).toContain('fixes 4 known vulnerabilities (1 high), introduces 1 (critical)');
    expect(run.stdout).toMatch(
      /\n {2}fixed {6}ALPINE-CVE-2025-9230 — CVE-2025-9230 — high \(8\.1\) · openssl 3\.5\.3-r0 → 3\.5\.4-r0 · .* · https:\/\/osv\.dev\/vulnerability\/ALPINE-CVE-2025-9230\n/,
    );
    expect(run.stdout).toMatch(
      /\n {2}introduced BASEPIN-TEST-1 — critical \(9\.8\) · zlib 1\.3\.1-r1 → 1\.3\.1-r2/,
    );
    expect(osv.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(osv.requests.filter((r) => r.startsWith('GET'))).toHaveLength(5);
  });

  it('--json carries the same report', async () => {
    const run = await cli('explain', image(), '--platform', 'linux/amd64', '--osv-api', osv.url, '--json');
    expect(run.code).toBe(0);
    const facts = JSON.parse(run.stdout) as {
      vulnerabilities: { status: string; fixed: Entry[]; introduced: Entry[]; stillOpen: number };
    };
    expect(facts.vulnerabilities.status).toBe('known');
    expect(facts.vulnerabilities.fixed.map(row)).toEqual(fixed);
    expect(facts.vulnerabilities.introduced.map(row)).toEqual([
      ['BASEPIN-TEST-1', undefined, 'critical', 'zlib', '1.3.1-r1', '1.3.1-r2'],
    ]);
    expect(facts.vulnerabilities.fixed[0]?.url).toBe('https://osv.dev/vulnerability/ALPINE-CVE-2025-9230');
  });

  it('OSV unreachable: one line, and the rest of the changelog as without it', async () => {
    await osv.close();
    const run = await cli('explain', image(), '--platform', 'linux/amd64', '--osv-api', osv.url);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/vulnerability data unavailable/g)).toHaveLength(1);
    expect(run.stdout).toMatch(/packages {3}linux\/amd64 {2}openssl 3\.5\.3-r0 → 3\.5\.4-r0/);
    osv = await startOsvStandIn();
  });

  it('osv-api off: nothing is asked and nothing is said', async () => {
    const run = await cli('explain', image(), '--platform', 'linux/amd64', '--osv-api', 'off');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/vulnerab/);
    expect(osv.requests).toEqual([]);
  });
});

describe('basepin check --changelog --json', () => {
  it('puts the report in each update changelog object; hold-introduced holds the update back', async () => {
    writeFileSync(join(dir, 'Dockerfile'), `FROM --platform=linux/amd64 ${image()}\n`);
    const run = await cli('check', '--changelog', '--json', '--osv-api', osv.url);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      updates: { changelog?: { vulnerabilities?: { fixed: Entry[]; introduced: Entry[] } } }[];
    };
    const vulnerabilities = report.updates[0]?.changelog?.vulnerabilities;
    expect(vulnerabilities?.fixed.map(row)).toEqual(fixed);
    expect(vulnerabilities?.introduced.map((e) => e.id)).toEqual(['BASEPIN-TEST-1']);

    const held = await cli(
      'check',
      '--json',
      '--osv-api',
      osv.url,
      '--vulnerability-policy',
      'hold-introduced',
    );
    const heldReport = JSON.parse(held.stdout) as { updates: unknown[]; skipped: { reason: string }[] };
    expect(heldReport.updates).toEqual([]);
    expect(heldReport.skipped.map((s) => s.reason)).toEqual([
      'the new digest introduces known vulnerability BASEPIN-TEST-1 (vulnerability-policy: hold-introduced)',
    ]);
    // The second run asked OSV again (a new run), still one querybatch.
    expect(osv.requests.filter((r) => r.startsWith('POST'))).toHaveLength(2);
  });
});
