import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { plausibleDate, readMetadata } from '../../../src/changelog/facts/metadata.ts';
import { imagePlatforms, relevantEntries } from '../../../src/changelog/facts/platforms.ts';
import { diffPackages, purlKey, sbomPackages, SbomError } from '../../../src/changelog/facts/sbom.ts';
import { ImageIndexSchema } from '../../../src/oci/schemas.ts';
import { compareUrl, parseSource } from '../../../src/changelog/facts/source.ts';
import { alpineSpdxStatement, olderAlpineStatement } from '../../support/changelog-scenarios.ts';
import { fixturesRoot } from '../../support/fixture-repo.ts';

const fixture = (path: string) => readFileSync(join(fixturesRoot, path));

describe('source annotations', () => {
  test.each([
    [
      'Docker Official Images form: repository, commit and per-architecture directory',
      'https://github.com/alpinelinux/docker-alpine.git#13b62f5f47ffa526f9c372e0bd73b33ef2a5f865:x86_64',
      undefined,
      {
        repository: 'https://github.com/alpinelinux/docker-alpine',
        commit: '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
        directory: 'x86_64',
        forge: 'github',
      },
    ],
    [
      'plain URL with the revision annotation',
      'https://gitlab.com/group/sub/project',
      'ABCDEF1234567',
      {
        repository: 'https://gitlab.com/group/sub/project',
        commit: 'abcdef1234567',
        directory: undefined,
        forge: 'gitlab',
      },
    ],
    [
      'a GitHub tree link names its repository',
      'https://github.com/o/r/tree/main/x',
      undefined,
      { repository: 'https://github.com/o/r', commit: undefined, directory: undefined, forge: 'github' },
    ],
    [
      'other hosts: no forge',
      'https://git.example.org/r',
      'nothex',
      { repository: 'https://git.example.org/r', commit: undefined, directory: undefined, forge: undefined },
    ],
  ])('%s', (_name, url, revision, expected) => {
    expect(parseSource(url, revision)).toEqual(expected);
  });

  test.each([
    ['javascript:alert(1)'],
    ['https://user:pw@github.com/o/r'],
    ['https://github.com/o/r"onmouseover=x'],
    ['https://github.com/only-owner'],
    ['not a url'],
  ])('refuses %s', (url) => {
    expect(parseSource(url, 'a'.repeat(40))).toBeUndefined();
  });

  test('a compare link needs two different commits of one repository on a forge', () => {
    const a = parseSource('https://github.com/o/r.git#1111111:x', undefined);
    const b = parseSource('https://github.com/o/r#2222222', undefined);
    const other = parseSource('https://github.com/o/fork#2222222', undefined);
    expect(compareUrl(a, b)).toBe('https://github.com/o/r/compare/1111111...2222222');
    expect(compareUrl(a, a)).toBeUndefined();
    expect(compareUrl(a, other)).toBeUndefined();
    expect(
      compareUrl(
        parseSource('https://gitlab.com/g/p#1111111', undefined),
        parseSource('https://gitlab.com/g/p#2222222', undefined),
      ),
    ).toBe('https://gitlab.com/g/p/-/compare/1111111...2222222');
  });
});

describe('metadata', () => {
  test('dates before 1990 (SOURCE_DATE_EPOCH=0) are unknown, never 1970', () => {
    expect(plausibleDate('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(plausibleDate('garbage')).toBeUndefined();
    expect(plausibleDate('2025-12-18T00:12:29.242464453Z')).toBe('2025-12-18T00:12:29Z');
  });

  test('the most specific source wins; label-schema fills what OCI leaves out; config created is the fallback', () => {
    const meta = readMetadata(
      [
        { 'org.opencontainers.image.version': '3.23.2' },
        {
          'org.opencontainers.image.version': 'index',
          'org.label-schema.vcs-url': 'https://github.com/o/r',
          'org.label-schema.vcs-ref': 'abcdef0',
        },
      ],
      '2025-01-02T03:04:05Z',
    );
    expect(meta).toEqual({
      created: '2025-01-02T03:04:05Z',
      version: '3.23.2',
      revision: 'abcdef0',
      source: {
        repository: 'https://github.com/o/r',
        commit: 'abcdef0',
        directory: undefined,
        forge: 'github',
      },
    });
  });
});

describe('platforms of an index', () => {
  // hello-world's descriptors from docker-library/meta-scripts: attestations carry bashbrew.arch too, Windows has os.version.
  const descriptors = JSON.parse(fixture('meta-scripts/oci-sort-manifests-in.json').toString()) as unknown[];
  const index = ImageIndexSchema.parse({ schemaVersion: 2, manifests: descriptors });

  test('attestations are not platforms; Windows entries are told apart by OS version', () => {
    const platforms = Object.keys(imagePlatforms(index));
    expect(platforms.some((p) => p.includes('unknown'))).toBe(false);
    expect(platforms.filter((p) => p.startsWith('windows/amd64 ')).length).toBeGreaterThanOrEqual(2);
    expect(platforms).toContain('linux/arm/v6');
  });

  test('the used platform is picked by name, arm64 and arm64/v8 alike; no platform named means linux/amd64', () => {
    expect(relevantEntries(index, ['linux/arm64/v8']).map((e) => e.platform.architecture)).toEqual(['arm64']);
    const amd64 = relevantEntries(index, undefined);
    expect(amd64.map((e) => `${e.platform.os}/${e.platform.architecture}`)).toEqual(['linux/amd64']);
    expect(amd64[0]?.annotations?.['vnd.docker.reference.type']).toBeUndefined();
    expect(relevantEntries(index, ['linux/sparc64'])).toEqual([]);
  });
});

describe('SBOM packages', () => {
  test('BuildKit in-toto SPDX statement (real alpine): purl keys, root `sbom` package skipped', () => {
    const packages = sbomPackages(
      fixture('oci-explorer-alpine/attestations/1882fa4569e0/layer_0_5c1f58ba4e0d.json'),
    );
    expect(packages.find((p) => p.name === 'sbom')).toBeUndefined();
    expect(packages.find((p) => p.name === 'busybox')).toEqual({
      key: 'pkg:apk/alpine/busybox',
      name: 'busybox',
      version: '1.37.0-r30',
      purl: 'pkg:apk/alpine/busybox@1.37.0-r30?os_name=alpine&os_version=3.23',
    });
    // The source package of a binary one, from the document's GENERATED_FROM relationships.
    expect(packages.find((p) => p.name === 'libssl3')?.source).toEqual({
      name: 'openssl',
      version: '3.5.4-r0',
    });
    expect(packages).toHaveLength(20);
  });

  test('an SPDX document without purls (syft vendor fixture) is keyed by name', () => {
    const packages = sbomPackages(fixture('syft/alpine-3.10.vendor.spdx.json'));
    expect(packages.map((p) => p.key)).toContain('name:busybox');
  });

  test('a DSSE envelope is unwrapped', () => {
    const envelope = {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(JSON.stringify(alpineSpdxStatement())).toString('base64'),
      signatures: [],
    };
    expect(sbomPackages(new TextEncoder().encode(JSON.stringify(envelope)))).toHaveLength(20);
  });

  test.each([
    ['not JSON', '{'],
    [
      'provenance, not SPDX',
      JSON.stringify({ _type: 'x', predicateType: 'https://slsa.dev/provenance/v0.2', predicate: {} }),
    ],
    ['bad base64 payload', JSON.stringify({ payloadType: 'x', payload: '!!!' })],
    ['something else', JSON.stringify({ hello: 1 })],
  ])('%s is an SbomError', (_name, text) => {
    expect(() => sbomPackages(new TextEncoder().encode(text))).toThrow(SbomError);
  });

  test('purl keys drop version, qualifiers and subpath', () => {
    expect(purlKey('pkg:apk/alpine/busybox@1.36.1-r2?arch=x86_64#sub')).toBe('pkg:apk/alpine/busybox');
    expect(purlKey('pkg:npm/%40scope/name@1.0.0')).toBe('pkg:npm/%40scope/name');
    expect(purlKey('cpe:/a')).toBeUndefined();
  });

  test('diff: upgraded, added, removed, each alphabetical', () => {
    const diff = diffPackages(sbomPackagesOf(olderAlpineStatement()), sbomPackagesOf(alpineSpdxStatement()));
    expect(diff.upgraded.map((p) => `${p.name} ${p.from}→${p.to}`)).toEqual([
      'busybox 1.37.0-r29→1.37.0-r30',
      'busybox-binsh 1.37.0-r29→1.37.0-r30',
      'ssl_client 1.37.0-r29→1.37.0-r30',
    ]);
    expect(diff.added).toEqual([{ name: 'libapk', version: '3.0.3-r1' }]);
    expect(diff.removed).toEqual([{ name: 'libc-utils', version: '0.7.2-r5' }]);
  });
});

function sbomPackagesOf(statement: unknown) {
  return sbomPackages(new TextEncoder().encode(JSON.stringify(statement)));
}
