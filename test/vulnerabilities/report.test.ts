import { describe, expect, it } from 'vitest';
import {
  compareVulnerabilities,
  describeVulnerabilities,
  isAffected,
  parseOsvApi,
  planVulnerabilityQueries,
  unavailableNote,
  vulnerabilityDetailLines,
  vulnerabilityHeadline,
  vulnerabilityHoldBack,
  type VulnerabilityEntry,
  type VulnerabilityReport,
} from '../../src/vulnerabilities/index.ts';
import { fixtureRecords } from '../support/osv-server.ts';

const apk = (name: string, version: string, upstream?: string) => ({
  name,
  version,
  purl: `pkg:apk/alpine/${name}@${version}?arch=x86_64${upstream ? `&upstream=${upstream}` : ''}&distro=3.20.3`,
});

describe('planVulnerabilityQueries and compareVulnerabilities', () => {
  const before = [
    apk('libssl3', '3.3.1-r0', 'openssl'),
    apk('libcrypto3', '3.3.1-r0', 'openssl'),
    apk('zlib', '1.3.1-r1'),
    apk('musl', '1.2.5-r0'),
  ];
  const after = [
    apk('libssl3', '3.3.2-r0', 'openssl'),
    apk('libcrypto3', '3.3.2-r0', 'openssl'),
    apk('musl', '1.2.5-r0'),
    apk('curl', '8.9.1-r0'),
  ];
  const plan = planVulnerabilityQueries(before, [
    ...after,
    { name: 'thing', version: '1', purl: 'pkg:rpm/redhat/thing@1' },
    { name: 'no-purl', version: '1' },
  ]);

  it('asks only what changed, each source package version once', () => {
    expect(plan.queries.map((q) => `${q.name} ${q.version}`)).toEqual([
      'openssl 3.3.1-r0',
      'zlib 1.3.1-r1',
      'openssl 3.3.2-r0',
      'curl 8.9.1-r0',
    ]);
    expect(plan.before[0]?.packages).toEqual(['libcrypto3', 'libssl3']);
    expect(plan.unqueried).toEqual(['rpm/redhat: not an ecosystem basepin maps to OSV']);
  });

  it('fixed: in old, not in new; introduced: in new, not in old; still open: both', () => {
    const answers = new Map([
      ['Alpine:v3.20\nopenssl\n3.3.1-r0', ['A', 'B', 'OPEN']],
      ['Alpine:v3.20\nzlib\n1.3.1-r1', ['Z']],
      ['Alpine:v3.20\nopenssl\n3.3.2-r0', ['OPEN', 'NEW']],
      ['Alpine:v3.20\ncurl\n8.9.1-r0', ['C']],
    ]);
    const comparison = compareVulnerabilities(plan, answers);
    expect(comparison).toMatchObject({
      status: 'known',
      fixed: [
        { id: 'A', package: 'openssl', from: '3.3.1-r0', to: '3.3.2-r0' },
        { id: 'B', package: 'openssl', from: '3.3.1-r0', to: '3.3.2-r0' },
        { id: 'Z', package: 'zlib', from: '1.3.1-r1', to: undefined },
      ],
      introduced: [
        { id: 'NEW', package: 'openssl', from: '3.3.1-r0', to: '3.3.2-r0' },
        { id: 'C', package: 'curl', from: undefined, to: '8.9.1-r0' },
      ],
      stillOpen: 1,
    });
  });

  it('is unavailable when OSV could not be asked', () => {
    expect(compareVulnerabilities(plan, undefined)).toEqual({ status: 'unavailable' });
  });
});

describe('isAffected (the stand-in decides with it)', () => {
  const records = new Map(fixtureRecords().map((r) => [r.id, r]));
  it.each([
    ['DSA-3029-1', 'Debian:7', 'nginx', '1.2.1-2.2+wheezy2', true],
    ['DSA-3029-1', 'Debian:7', 'nginx', '1.2.1-2.2+wheezy3', false],
    ['DSA-3029-1', 'Debian:7', 'nginx', '1.2.1-2.2+wheezy3~bpo1', true],
    ['DSA-3029-1', 'Debian:8', 'nginx', '1.2.1-2.2', false],
    ['CVE-2022-27449', 'Alpine:v3.13', 'mariadb', '10.5.15-r0', true],
    ['CVE-2022-27449', 'Alpine:v3.13', 'mariadb', '10.5.16-r0', false],
    ['CVE-2022-27449', 'Alpine:v3.12', 'mariadb', '10.4.25_rc1-r0', true],
    ['CVE-2022-27449', 'Alpine:v3.12', 'mariadb', '10.4.25-r1', false],
    ['ALPINE-CVE-2024-58251', 'Alpine:v3.23', 'busybox', '1.37.0-r29', true],
    ['ALPINE-CVE-2024-58251', 'Alpine:v3.23', 'busybox', '1.37.0-r30', false],
    ['BASEPIN-TEST-1', 'Alpine:v3.23', 'zlib', '1.3.1-r1', false],
    ['BASEPIN-TEST-1', 'Alpine:v3.23', 'zlib', '1.3.1-r2', true],
    // Maven ordering is not one basepin knows: ranges there are not read.
    ['GHSA-838r-hvwh-24h8', 'Maven', 'org.apache.any23:apache-any23', '2.4', false],
  ])('%s: %s %s %s → %s', (id, ecosystem, name, version, want) => {
    const record = records.get(id);
    expect(record).toBeDefined();
    expect(isAffected(record!, { ecosystem, name, version })).toBe(want);
  });
});

const entry = (
  id: string,
  severity: VulnerabilityEntry['severity'],
  extra: Partial<VulnerabilityEntry> = {},
) => ({
  id,
  severity,
  package: 'openssl',
  ecosystem: 'Alpine:v3.20',
  from: '3.3.1-r0',
  to: '3.3.2-r0',
  url: `https://osv.dev/vulnerability/${id}`,
  ...extra,
});

const known = (fixed: VulnerabilityEntry[], introduced: VulnerabilityEntry[] = []): VulnerabilityReport => ({
  status: 'known',
  fixed,
  introduced,
  stillOpen: 0,
});

describe('vulnerabilityHeadline', () => {
  it.each([
    [
      known([entry('A', 'high'), entry('B', 'medium'), entry('C', 'low')]),
      'fixes 3 known vulnerabilities (1 high)',
    ],
    [known([], [entry('A', 'critical')]), 'introduces 1 known vulnerability (critical)'],
    [known([entry('A', 'low')]), 'fixes 1 known vulnerability (low)'],
    [known([entry('A', 'unknown')]), 'fixes 1 known vulnerability'],
    [
      known([entry('A', 'critical'), entry('B', 'critical'), entry('C', 'high')]),
      'fixes 3 known vulnerabilities (2 critical, 1 high)',
    ],
    [
      known([entry('A', 'high'), entry('B', 'medium')], [entry('C', 'critical')]),
      'fixes 2 known vulnerabilities (1 high), introduces 1 (critical)',
    ],
    [known([]), undefined],
    [{ status: 'unavailable' } as const, undefined],
    [undefined, undefined],
  ])('%#', (report, want) => {
    expect(vulnerabilityHeadline(report)).toBe(want);
  });

  it('says "vulnerability data unavailable" once for any number of unavailable reports', () => {
    expect(unavailableNote([known([]), { status: 'unavailable' }, { status: 'unavailable' }])).toBe(
      'vulnerability data unavailable',
    );
    expect(unavailableNote([known([]), undefined])).toBeUndefined();
  });
});

describe('vulnerabilityDetailLines', () => {
  const report: VulnerabilityReport = {
    status: 'known',
    fixed: [
      entry('ALPINE-CVE-2024-5535', 'critical', {
        cve: 'CVE-2024-5535',
        score: 9.1,
        summary: 'SSL_select_next_proto buffer overread',
      }),
    ],
    introduced: [
      entry('GHSA-xxxx', 'medium', {
        package: 'zlib',
        from: undefined,
        to: '1.3.1-r2',
        summary: '<img src=x> `code` *bold*',
      }),
    ],
    stillOpen: 2,
  };

  it('lists id, CVE, severity, package and versions, summary and advisory link, in markdown', () => {
    expect(vulnerabilityDetailLines(report, { format: 'markdown' })).toEqual([
      'Known vulnerabilities fixed:',
      '- `ALPINE-CVE-2024-5535` — `CVE-2024-5535` — critical (9.1) · `openssl` `3.3.1-r0` → `3.3.2-r0` · SSL\\_select\\_next\\_proto buffer overread · [advisory](https://osv.dev/vulnerability/ALPINE-CVE-2024-5535)',
      'Known vulnerabilities introduced:',
      '- `GHSA-xxxx` — medium · `zlib` `1.3.1-r2` (added) · &lt;img src=x&gt; \\`code\\` \\*bold\\* · [advisory](https://osv.dev/vulnerability/GHSA-xxxx)',
      'Still open in the changed packages: 2',
    ]);
  });

  it('in text, the same without markup', () => {
    expect(vulnerabilityDetailLines(report, { format: 'text' })[1]).toBe(
      '- ALPINE-CVE-2024-5535 — CVE-2024-5535 — critical (9.1) · openssl 3.3.1-r0 → 3.3.2-r0 · SSL_select_next_proto buffer overread · https://osv.dev/vulnerability/ALPINE-CVE-2024-5535',
    );
  });

  it('cuts long lists and counts the rest', () => {
    const many = known(Array.from({ length: 5 }, (_, i) => entry(`ID-${i}`, 'low')));
    expect(vulnerabilityDetailLines(many, { format: 'text', maxItems: 2 }).slice(-1)).toEqual([
      '- … and 3 more',
    ]);
  });

  it('says unavailable in one line', () => {
    expect(vulnerabilityDetailLines({ status: 'unavailable' }, { format: 'markdown' })).toEqual([
      'vulnerability data unavailable',
    ]);
  });
});

describe('describeVulnerabilities', () => {
  it('sorts by severity and keeps an entry whose record could not be read', () => {
    const records = new Map(fixtureRecords().map((r) => [r.id, r]));
    const report = describeVulnerabilities(
      {
        status: 'known',
        fixed: [
          {
            id: 'NOT-READ-1',
            package: 'nginx',
            ecosystem: 'Debian:7',
            from: '1',
            to: '2',
            packages: ['nginx'],
          },
          {
            id: 'DSA-3029-1',
            package: 'nginx',
            ecosystem: 'Debian:7',
            from: '1',
            to: '2',
            packages: ['nginx'],
          },
          {
            id: 'GHSA-838r-hvwh-24h8',
            package: 'x',
            ecosystem: 'Maven',
            from: '1',
            to: '2',
            packages: ['x'],
          },
        ],
        introduced: [],
        stillOpen: 0,
        unqueried: [],
      },
      records,
    );
    expect(
      report.status === 'known' && report.fixed.map((e) => [e.id, e.cve, e.severity, e.score, e.summary]),
    ).toEqual([
      ['GHSA-838r-hvwh-24h8', 'CVE-2021-38555', 'critical', 9.1, 'XML Injection in Any23'],
      ['DSA-3029-1', 'CVE-2014-3616', 'unknown', undefined, 'nginx - security update'],
      ['NOT-READ-1', undefined, 'unknown', undefined, undefined],
    ]);
  });
});

describe('vulnerabilityHoldBack', () => {
  const introducing = known(
    [entry('A', 'high')],
    [entry('ALPINE-CVE-2024-5535', 'critical', { cve: 'CVE-2024-5535' }), entry('GHSA-1', 'low')],
  );
  it.each([
    ['report', introducing, undefined],
    ['hold-introduced', known([entry('A', 'high')]), undefined],
    ['hold-introduced', { status: 'unavailable' } as const, undefined],
    ['hold-introduced', undefined, undefined],
  ] as const)('%s does not hold (%#)', (policy, report, want) => {
    expect(vulnerabilityHoldBack(policy, report)).toBe(want);
  });

  it('hold-introduced holds with the ids introduced', () => {
    expect(vulnerabilityHoldBack('hold-introduced', introducing)).toEqual({
      kind: 'vulnerability-introduced',
      ids: ['CVE-2024-5535', 'GHSA-1'],
      reason:
        'the new digest introduces known vulnerabilities CVE-2024-5535, GHSA-1 (vulnerability-policy: hold-introduced)',
    });
  });
});

describe('parseOsvApi', () => {
  it.each([
    ['https://api.osv.dev', { value: 'https://api.osv.dev' }],
    ['https://osv.corp.example/mirror/', { value: 'https://osv.corp.example/mirror' }],
    ['OFF', { value: 'off' }],
    ['http://127.0.0.1:8080', { value: 'http://127.0.0.1:8080' }],
    ['http://localhost:8080/', { value: 'http://localhost:8080' }],
    ['http://[::1]:8080', { value: 'http://[::1]:8080' }],
    ['http://127.1:8080', { value: 'http://127.0.0.1:8080' }],
  ])('%s', (text, want) => {
    expect(parseOsvApi(text)).toEqual(want);
  });

  it.each([
    ['http://osv.corp.example', /plain http is allowed on loopback only/],
    ['http://127.evil.example', /plain http is allowed on loopback only/],
    ['https://user:secret@osv.example', /credentials/],
    ['https://osv.example/?q=1', /query/],
    ['ftp://osv.example', /not an http\(s\) URL/],
    ['osv', /not an http\(s\) URL/],
  ])('refuses %s', (text, problem) => {
    const parsed = parseOsvApi(text);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
    expect(JSON.stringify(parsed)).not.toContain('secret');
  });
});
