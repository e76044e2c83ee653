import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sbomPackages } from '../../src/changelog/facts/index.ts';
import { createOsvClient, reportManyVulnerabilities, reportVulnerabilities } from '../../src/osv/index.ts';
import {
  vulnerabilityDetailLines,
  vulnerabilityHeadline,
  vulnerabilityHoldBack,
  type VulnerabilityReport,
} from '../../src/vulnerabilities/index.ts';
import { alpineSpdxStatement, olderSecurityStatement } from '../support/changelog-scenarios.ts';
import { startOsvStandIn, type RunningOsvStandIn } from '../support/osv-server.ts';

const olderStatement = () => olderSecurityStatement();

const packagesOf = (statement: unknown) => sbomPackages(new TextEncoder().encode(JSON.stringify(statement)));

describe('vulnerabilities of a rebuilt alpine image, against the OSV stand-in', () => {
  let osv: RunningOsvStandIn;
  beforeEach(async () => {
    osv = await startOsvStandIn();
  });
  afterEach(async () => {
    await osv.close();
  });

  it('names what the new digest fixes and introduces, for one querybatch and one GET per shown id', async () => {
    const client = createOsvClient({ api: osv.url });
    const report = await reportVulnerabilities(
      client,
      packagesOf(olderStatement()),
      packagesOf(alpineSpdxStatement()),
    );
    // Three binary packages per source, asked once per (ecosystem, source, version), old and new.
    expect(osv.queries.map((q) => `${q.ecosystem} ${q.name} ${q.version}`).sort()).toEqual([
      'Alpine:v3.23 busybox 1.37.0-r29',
      'Alpine:v3.23 busybox 1.37.0-r30',
      'Alpine:v3.23 openssl 3.5.3-r0',
      'Alpine:v3.23 openssl 3.5.4-r0',
      'Alpine:v3.23 zlib 1.3.1-r1',
      'Alpine:v3.23 zlib 1.3.1-r2',
    ]);
    expect(report?.status).toBe('known');
    if (report?.status !== 'known') return;
    expect(report.fixed.map((e) => [e.id, e.cve, e.severity, e.score, e.package, e.from, e.to])).toEqual([
      ['ALPINE-CVE-2025-9230', 'CVE-2025-9230', 'high', 8.1, 'openssl', '3.5.3-r0', '3.5.4-r0'],
      ['ALPINE-CVE-2025-9231', 'CVE-2025-9231', 'medium', 5.9, 'openssl', '3.5.3-r0', '3.5.4-r0'],
      ['ALPINE-CVE-2024-58251', 'CVE-2024-58251', 'low', 3.3, 'busybox', '1.37.0-r29', '1.37.0-r30'],
      ['ALPINE-CVE-2025-9232', 'CVE-2025-9232', 'unknown', undefined, 'openssl', '3.5.3-r0', '3.5.4-r0'],
    ]);
    expect(report.introduced.map((e) => [e.id, e.severity, e.package, e.from, e.to])).toEqual([
      ['BASEPIN-TEST-1', 'critical', 'zlib', '1.3.1-r1', '1.3.1-r2'],
    ]);
    expect(report.stillOpen).toBe(1);
    expect(osv.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(osv.requests.filter((r) => r.startsWith('GET')).sort()).toEqual(
      [...report.fixed, ...report.introduced].map((e) => `GET /v1/vulns/${e.id}`).sort(),
    );
    expect(client.counters()).toEqual({ querybatch: 1, vulns: 5, failed: 0 });

    expect(vulnerabilityHeadline(report)).toBe(
      'fixes 4 known vulnerabilities (1 high), introduces 1 (critical)',
    );
    expect(vulnerabilityHoldBack('hold-introduced', report)?.ids).toEqual(['BASEPIN-TEST-1']);
    expect(vulnerabilityHoldBack('report', report)).toBeUndefined();

    // The same change asked again in the run costs nothing more.
    await reportVulnerabilities(client, packagesOf(olderStatement()), packagesOf(alpineSpdxStatement()));
    expect(osv.requests).toHaveLength(6);
  });

  it('shows the advisory text sanitised and escaped', async () => {
    const client = createOsvClient({ api: osv.url });
    const report = await reportVulnerabilities(
      client,
      packagesOf(olderStatement()),
      packagesOf(alpineSpdxStatement()),
    );
    const lines = vulnerabilityDetailLines(report, { format: 'markdown' });
    const hostile = lines.find((l) => l.includes('BASEPIN-TEST-1')) ?? '';
    for (const raw of ['\u202e', '\u001b', '<b>', '](javascript']) expect(hostile).not.toContain(raw);
    expect(hostile).toContain('\\\\u202e');
    expect(hostile).toContain('&lt;b&gt;');
    expect(hostile).toContain('[advisory](https://osv.dev/vulnerability/BASEPIN-TEST-1)');
  });

  it('asks by source package for Debian (libexpat1 is advised as expat)', async () => {
    const spdx = (version: string) => ({
      spdxVersion: 'SPDX-2.3',
      packages: [
        {
          name: 'libexpat1',
          versionInfo: version,
          externalRefs: [
            {
              referenceType: 'purl',
              referenceLocator: `pkg:deb/debian/libexpat1@${encodeURIComponent(version)}?arch=amd64&upstream=expat&distro=debian-12`,
            },
          ],
        },
      ],
    });
    const client = createOsvClient({ api: osv.url });
    const report: VulnerabilityReport | undefined = await reportVulnerabilities(
      client,
      packagesOf(spdx('2.5.0-1')),
      packagesOf(spdx('2.5.0-1+deb12u1')),
    );
    expect(report).toMatchObject({
      status: 'known',
      fixed: [{ id: 'DEBIAN-CVE-2024-45490', cve: 'CVE-2024-45490', severity: 'critical', package: 'expat' }],
      introduced: [],
    });
  });

  it('asks about every change of a run in one querybatch, and each shown record once', async () => {
    const client = createOsvClient({ api: osv.url });
    const older = packagesOf(olderStatement());
    const newer = packagesOf(alpineSpdxStatement());
    // Two images rebuilt the same way, and one platform listed twice (concatenated platforms dedupe).
    const reports = await reportManyVulnerabilities(client, [
      { before: older, after: newer },
      { before: [...older, ...older], after: [...newer, ...newer] },
    ]);
    expect(reports.map((r) => r?.status === 'known' && r.fixed.length)).toEqual([4, 4]);
    expect(client.counters()).toEqual({ querybatch: 1, vulns: 5, failed: 0 });
    expect(osv.queries).toHaveLength(6);
  });

  it('says unavailable for every change when OSV cannot be reached, for one failed attempt', async () => {
    await osv.close();
    const client = createOsvClient({ api: osv.url });
    const reports = await reportManyVulnerabilities(client, [
      { before: packagesOf(olderStatement()), after: packagesOf(alpineSpdxStatement()) },
      { before: [], after: packagesOf(alpineSpdxStatement()) },
    ]);
    expect(reports).toEqual([{ status: 'unavailable' }, { status: 'unavailable' }]);
    expect(client.counters()).toEqual({ querybatch: 1, vulns: 0, failed: 1 });
    osv = await startOsvStandIn();
  });

  it('follows next_page_token until every id is known', async () => {
    await osv.close();
    osv = await startOsvStandIn({ pageSize: 1 });
    const client = createOsvClient({ api: osv.url });
    const answers = await client.query([{ ecosystem: 'Alpine:v3.23', name: 'openssl', version: '3.5.3-r0' }]);
    expect([...(answers?.values() ?? [])]).toEqual([
      ['ALPINE-CVE-2025-9230', 'ALPINE-CVE-2025-9231', 'ALPINE-CVE-2025-9232', 'BASEPIN-TEST-2'],
    ]);
    expect(osv.queries.map((q) => q.page_token)).toEqual([undefined, '1', '2', '3']);
  });
});
