import { describe, expect, it } from 'vitest';
import { cveAlias, cvss3BaseScore, severityOf, type OsvRecord } from '../../src/vulnerabilities/index.ts';

describe('cvss3BaseScore', () => {
  // Scores as NVD and FIRST's calculator give them for these vectors.
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H', 5.9],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 6.2],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    // Temporal metrics after the base ones do not change the base score.
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/E:P/RL:O', 7.5],
  ])('%s → %d', (vector, score) => {
    expect(cvss3BaseScore(vector)).toBe(score);
  });

  it.each([
    'AV:N/AC:L/Au:N/C:P/I:P/A:P',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/toString:1',
  ])('refuses %s', (vector) => {
    expect(cvss3BaseScore(vector)).toBeUndefined();
  });
});

const record = (extra: Partial<OsvRecord>): OsvRecord => ({ id: 'TEST-1', ...extra });

describe('severityOf', () => {
  it.each([
    [
      'a CVSS v3 vector',
      record({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
      { level: 'critical', score: 9.8 },
    ],
    [
      'the highest of several vectors, per package too',
      record({
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
        affected: [
          { severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }] },
        ],
      }),
      { level: 'high', score: 7.5 },
    ],
    [
      "GitHub's database_specific word",
      record({ database_specific: { severity: 'MODERATE' } }),
      { level: 'medium' },
    ],
    ["Ubuntu's priority", record({ severity: [{ type: 'Ubuntu', score: 'negligible' }] }), { level: 'low' }],
    [
      'a per-package ecosystem_specific word',
      record({ affected: [{ ecosystem_specific: { severity: 'Important' } }] }),
      { level: 'high' },
    ],
    [
      'a CVSS v4 vector alone (not computed)',
      record({ severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N' }] }),
      { level: 'unknown' },
    ],
    ['nothing', record({}), { level: 'unknown' }],
    [
      'words it does not know',
      record({ database_specific: { severity: 'not yet assigned' } }),
      { level: 'unknown' },
    ],
  ])('%s', (_what, input, want) => {
    expect(severityOf(input)).toEqual(want);
  });
});

describe('cveAlias', () => {
  it.each([
    [{ id: 'DSA-3029-1', aliases: ['CVE-2014-3616'] }, 'CVE-2014-3616'],
    [{ id: 'ALPINE-CVE-2024-5535', upstream: ['CVE-2024-5535'] }, 'CVE-2024-5535'],
    [{ id: 'DEBIAN-CVE-2023-50387' }, 'CVE-2023-50387'],
    [{ id: 'CVE-2024-5535', aliases: ['CVE-2024-0001'] }, undefined],
    [{ id: 'GHSA-xxxx-yyyy-zzzz', aliases: ['PYSEC-2024-1'] }, undefined],
  ])('%o → %s', (input, want) => {
    expect(cveAlias(input)).toBe(want);
  });
});
