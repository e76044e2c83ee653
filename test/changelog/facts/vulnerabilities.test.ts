import { describe, expect, it } from 'vitest';
import {
  renderChangelog,
  renderChangelogText,
  type ChangelogFacts,
} from '../../../src/changelog/facts/index.ts';
import { holdPolicies } from '../../../src/hold-back/index.ts';
import { updateOf } from '../../support/update.ts';
import type { VulnerabilityReport } from '../../../src/vulnerabilities/index.ts';

const entry = (id: string, severity: 'critical' | 'high' | 'low', cve?: string) => ({
  id,
  cve,
  severity,
  package: 'openssl',
  ecosystem: 'Alpine:v3.23',
  from: '3.5.3-r0',
  to: '3.5.4-r0',
  summary: 'A summary.',
  url: `https://osv.dev/vulnerability/${id}`,
});

const known: VulnerabilityReport = {
  status: 'known',
  fixed: [entry('ALPINE-CVE-2025-9230', 'high', 'CVE-2025-9230'), entry('ALPINE-CVE-2025-1', 'low')],
  introduced: [entry('ALPINE-CVE-2025-2', 'critical', 'CVE-2025-2')],
  stillOpen: 2,
};

const facts = (image: string, vulnerabilities?: VulnerabilityReport): ChangelogFacts => ({
  image,
  from: `sha256:${'a'.repeat(64)}`,
  to: `sha256:${'b'.repeat(64)}`,
  toMediaType: 'application/vnd.oci.image.index.v1+json',
  vulnerabilities,
});

describe('known vulnerabilities in the changelog', () => {
  it('headline, then the fixed and introduced lists, each a markdown list of its own', () => {
    const body = renderChangelog([facts('alpine:3.23', known)]);
    expect(body).toContain('· fixes 2 known vulnerabilities (1 high), introduces 1 (critical)');
    expect(body).toMatch(
      /\*\*Known vulnerabilities fixed\*\*\n\n- `ALPINE-CVE-2025-9230` — `CVE-2025-9230` — high · `openssl` `3\.5\.3-r0` → `3\.5\.4-r0` · A summary\\?\. · \[advisory\]\(https:\/\/osv\.dev\/vulnerability\/ALPINE-CVE-2025-9230\)\n- `ALPINE-CVE-2025-1` — low ·[^\n]*\n\n\*\*Known vulnerabilities introduced\*\*\n\n- `ALPINE-CVE-2025-2` — `CVE-2025-2` — critical/,
    );
    expect(body).toContain('Still open in the changed packages: 2.');
  });

  it('says "vulnerability data unavailable" once for the whole changelog', () => {
    const body = renderChangelog([
      facts('alpine:3.23', { status: 'unavailable' }),
      facts('debian:12', { status: 'unavailable' }),
    ]);
    expect(body.match(/vulnerability data unavailable/g)).toHaveLength(1);
    expect(body).not.toMatch(/known vulnerabilit/);
  });

  it('text rows carry their list as a label', () => {
    const text = renderChangelogText(facts('alpine:3.23', known), undefined);
    expect(text).toContain(
      '\n  fixed      ALPINE-CVE-2025-9230 — CVE-2025-9230 — high · openssl 3.5.3-r0 → 3.5.4-r0 ·',
    );
    expect(text).toContain('\n  introduced ALPINE-CVE-2025-2 — CVE-2025-2 — critical ·');
    expect(text).toContain('\n  vulns      still open in the changed packages: 2');
  });
});

describe('vulnerability-policy in the hold-back step', () => {
  const written = `alpine:3.23@sha256:${'a'.repeat(64)}`;
  const update = updateOf({
    file: 'Dockerfile',
    text: `FROM ${written}\n`,
    written,
    to: `sha256:${'b'.repeat(64)}`,
  });
  const hold = (policy: 'report' | 'hold-introduced', report: VulnerabilityReport | undefined) =>
    holdPolicies
      .map((p) =>
        p(update, {
          settings: {
            skipUnchangedPlatforms: false,
            minimumAgeMs: undefined,
            vulnerabilityPolicy: policy,
            signaturePolicy: 'report',
            signaturePolicyImages: [],
          },
          now: new Date(0),
          ignores: [],
          changelog: facts('alpine:3.23', report),
        }),
      )
      .find((reason) => reason !== undefined);

  it.each<[string, 'report' | 'hold-introduced', VulnerabilityReport | undefined, string | undefined]>([
    ['report never holds', 'report', known, undefined],
    [
      'hold-introduced holds what the new digest introduces',
      'hold-introduced',
      known,
      'the new digest introduces known vulnerability CVE-2025-2 (vulnerability-policy: hold-introduced)',
    ],
    ['nothing introduced', 'hold-introduced', { ...known, introduced: [] }, undefined],
    ['OSV unavailable never holds', 'hold-introduced', { status: 'unavailable' }, undefined],
    ['no report (no SBOM, OSV off)', 'hold-introduced', undefined, undefined],
  ])('%s', (_title, policy, report, message) => {
    const reason = hold(policy, report);
    expect(reason?.message).toBe(message);
    if (message !== undefined) expect(reason?.code).toBe('vulnerability-introduced');
  });
});
