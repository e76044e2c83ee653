import { describe, expect, test } from 'vitest';
import { createChangelogCollector, type ChangelogRequest } from '../../src/changelog/collect.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  alpineRebuild,
  alpineSpdxStatement,
  bareRebuild,
  dockerCliRebuild,
  dsseRebuild,
  epochRebuild,
  olderAlpineStatement,
  regclientV2toV3,
  windowsOnlyRebuild,
  type Scenario,
} from '../support/changelog-scenarios.ts';
import { fixtureClient } from '../support/fixture-client.ts';
import { jsonBytes, store } from '../support/fixture-repo.ts';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

function setup(
  scenario: Scenario,
  options: { image?: string; platforms?: string[]; skipUnchangedPlatforms?: boolean } = {},
) {
  const fake = fixtureClient(scenario.repo);
  const debug: string[] = [];
  const collector = createChangelogCollector({
    client: fake.client,
    debug: (line) => debug.push(line),
    skipUnchangedPlatforms: options.skipUnchangedPlatforms,
  });
  const image = options.image ?? 'example.org/team/app:1';
  const request: ChangelogRequest = {
    ref: parseImageReference(image),
    image,
    from: scenario.from,
    to: scenario.to,
    toMediaType: OCI_INDEX,
    platforms: options.platforms,
  };
  const manifestGets = () => fake.calls.filter((call) => call.startsWith('GET manifest')).length;
  return { ...fake, debug, collector, request, manifestGets };
}

describe('collecting changelog facts', () => {
  test('a rebuilt Docker Hub alpine: when, version, source compare link, platforms, size, packages', async () => {
    const { collector, request, calls, manifestGets } = setup(alpineRebuild(), { image: 'alpine:3.23' });
    const facts = await collector.collect(request);
    expect(facts.version).toEqual({ from: '3.23.0', to: '3.23.2' });
    expect(facts.source?.compareUrl).toMatch(
      /^https:\/\/github\.com\/alpinelinux\/docker-alpine\/compare\/0b1c4b6f[0-9a-f]+\.\.\.13b62f5f[0-9a-f]+$/,
    );
    expect(facts.platforms?.unchanged).toEqual(['linux/arm64/v8']);
    expect(facts.platforms?.changed).toHaveLength(7);
    const [amd64] = facts.details ?? [];
    expect(amd64?.platform).toBe('linux/amd64');
    expect(amd64?.created).toEqual({ from: '2025-11-28T00:12:05Z', to: '2025-12-18T00:12:05Z' });
    expect(amd64?.size).toEqual({ from: 3_860_104 + 40_960, to: 3_860_104 });
    expect(amd64?.packages?.upgraded.map((p) => p.name)).toEqual(['busybox', 'busybox-binsh', 'ssl_client']);
    // The minimum: both indexes, one platform manifest and one attestation manifest per side; configs and SBOMs are blobs.
    expect(manifestGets()).toBe(6);
    expect(calls.filter((c) => c.startsWith('GET blob'))).toHaveLength(4);
    // A version annotation is present: no tag list is read.
    expect(calls).not.toContain('GET tags');
  });

  test('each digest is read once per run, however many sites name the image', async () => {
    const { collector, request, calls } = setup(alpineRebuild(), { image: 'alpine:3.23' });
    await Promise.all([
      collector.collect(request),
      collector.collect(request),
      collector.collect({ ...request, image: 'alpine:3.23 (other file)' }),
    ]);
    expect(new Set(calls).size).toBe(calls.length);
  });

  test('a Docker-Official-Images rebuild on a moved base: same source, base digest moved, provenance-only arm64 has no packages', async () => {
    const { collector, request, debug } = setup(dockerCliRebuild(), {
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    const facts = await collector.collect(request);
    expect(facts.source).toMatchObject({
      repository: 'https://github.com/docker-library/docker',
      sameSource: true,
      directory: '24/cli',
    });
    expect(facts.source?.compareUrl).toBeUndefined();
    const [amd64, arm64] = facts.details ?? [];
    expect(amd64?.base?.digest.to).toBe(
      'sha256:d695c3de6fcd8cfe3a6222b0358425d40adfd129a8a47c3416faff1a8aece389',
    );
    expect(amd64?.base?.name).toEqual({ from: 'alpine:3.18', to: 'alpine:3.18' });
    expect(amd64?.packages?.added).toEqual([{ name: 'libapk', version: '3.0.3-r1' }]);
    expect(arm64?.platform).toBe('linux/arm64/v8');
    expect(arm64?.packages).toBeUndefined();
    expect(debug.join('\n')).toMatch(/holds no SPDX document \(provenance only\?\)/);
  });

  test('regclient testrepo v2 → v3: an added platform and a base that moved by name', async () => {
    const { collector, request } = setup(regclientV2toV3(), { platforms: ['linux/arm/v6'] });
    const facts = await collector.collect(request);
    expect(facts.platforms).toMatchObject({
      added: ['linux/arm/v6'],
      used: ['linux/arm/v6'],
      usedChanged: true,
    });
    expect(facts.details?.[0]?.base?.name.to).toBe('registry.example.org/testrepo:b3');
  });

  test('only platforms this repository does not use changed (docker-library/golang#363)', async () => {
    const { collector, request } = setup(windowsOnlyRebuild(), { platforms: ['linux/amd64'] });
    const facts = await collector.collect(request);
    expect(facts.platforms?.usedChanged).toBe(false);
    expect(facts.platforms?.unchanged).toEqual(['linux/amd64']);
    expect(facts.platforms?.changed).toEqual([
      'windows/amd64 10.0.17763.5576',
      'windows/amd64 10.0.20348.2340',
    ]);
  });

  test('with skip-unchanged-platforms, an update it holds back costs the two indexes and nothing more', async () => {
    const scenario = windowsOnlyRebuild();
    const { collector, request, calls } = setup(scenario, {
      platforms: ['linux/amd64'],
      skipUnchangedPlatforms: true,
    });
    const facts = await collector.collect(request);
    expect(facts.platforms?.usedChanged).toBe(false);
    expect(facts.details).toBeUndefined();
    expect(calls).toEqual([`GET manifest ${scenario.from}`, `GET manifest ${scenario.to}`]);
  });

  test('a platform byte-identical on both sides is read once, and no SBOM is looked for (its packages cannot differ)', async () => {
    const { collector, request, calls } = setup(alpineRebuild(), {
      image: 'alpine:3.23',
      platforms: ['linux/arm64/v8'],
    });
    const facts = await collector.collect(request);
    expect(facts.platforms?.unchanged).toEqual(['linux/arm64/v8']);
    const [arm64] = facts.details ?? [];
    expect(arm64?.created?.from).toBe(arm64?.created?.to);
    expect(arm64?.packages).toBeUndefined();
    // Two indexes, the one platform manifest (cached for the other side), its config; no attestation, no tags.
    expect(calls.filter((c) => c.startsWith('GET manifest'))).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith('GET blob'))).toHaveLength(1);
    expect(calls.filter((c) => /referrers|tags|HEAD/.test(c))).toEqual([]);
  });

  test('an image with no metadata still has its build dates, and nothing invented', async () => {
    const { collector, request } = setup(bareRebuild());
    const facts = await collector.collect(request);
    expect(facts.details?.[0]?.created).toEqual({ from: '2026-10-01T08:00:00Z', to: '2026-11-20T08:00:00Z' });
    expect(facts.version).toBeUndefined();
    expect(facts.source).toBeUndefined();
    expect(facts.details?.[0]?.packages).toBeUndefined();
  });

  test('a reproducible build dated 1970 has no build date', async () => {
    const { collector, request } = setup(epochRebuild());
    const facts = await collector.collect(request);
    expect(facts.details?.[0]?.created).toBeUndefined();
  });

  test('a cosign DSSE attestation on a single-platform image gives the package diff', async () => {
    const scenario = dsseRebuild();
    const { collector, request, calls } = setup(scenario);
    const facts = await collector.collect({
      ...request,
      toMediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
    expect(facts.details?.[0]?.packages?.upgraded).toHaveLength(3);
    expect(facts.source?.repository).toBe('https://github.com/chainguard-images/images');
    // The tag list (one page, complete) says which artifact tags exist: the missing `.sbom` tag is not asked
    // for, and the `.att` tag is read without a HEAD first.
    const artifact = scenario.to.replace(':', '-');
    expect(calls.filter((call) => call.includes(`${artifact}.sbom`))).toEqual([]);
    expect(calls).toContain(`GET manifest ${artifact}.att`);
    expect(calls.filter((call) => call.startsWith('HEAD'))).toEqual([]);
    expect(calls.filter((call) => call === 'GET tags')).toHaveLength(1);
  });

  test('a cosign `.sbom` tag holding a plain SPDX document gives the package diff too', async () => {
    const scenario = dsseRebuild();
    for (const [subject, statement] of [
      [scenario.from, olderAlpineStatement()],
      [scenario.to, alpineSpdxStatement()],
    ] as const) {
      const tag = subject.replace(':', '-');
      scenario.repo.tags.delete(`${tag}.att`);
      const spdx = jsonBytes(statement.predicate);
      const config = jsonBytes({});
      const manifest = {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: store(scenario.repo, 'application/vnd.oci.image.config.v1+json', config),
          size: config.length,
        },
        layers: [
          {
            mediaType: 'text/spdx+json',
            digest: store(scenario.repo, 'text/spdx+json', spdx),
            size: spdx.length,
          },
        ],
      };
      scenario.repo.tags.set(
        `${tag}.sbom`,
        store(scenario.repo, 'application/vnd.oci.image.manifest.v1+json', jsonBytes(manifest)),
      );
    }
    const { collector, request } = setup(scenario);
    const facts = await collector.collect({
      ...request,
      toMediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
    expect(facts.details?.[0]?.packages?.removed).toEqual([{ name: 'libc-utils', version: '0.7.2-r5' }]);
  });

  test('without a version, the tags pointing at the new digest are named (one page, HEADs only)', async () => {
    const scenario = bareRebuild();
    scenario.repo.tags.set('1', scenario.to);
    scenario.repo.tags.set('1.4.2', scenario.to);
    scenario.repo.tags.set('1.4.1', scenario.from);
    scenario.repo.tags.set('2.0.0', scenario.to);
    const { collector, request, calls } = setup(scenario);
    const facts = await collector.collect(request);
    expect(facts.tags).toEqual(['1.4.2']);
    expect(calls.filter((c) => c === 'GET tags')).toHaveLength(1);
  });
});

describe('degrading to fewer facts', () => {
  test('a low Docker Hub pull budget skips platform details and says so; the digests stay', async () => {
    const context = setup(alpineRebuild(), { image: 'alpine:3.23' });
    // Each manifest GET is a pull: two for the indexes leave 30, the reserve.
    let left = 32;
    context.setPullsLeft(left);
    const fetchManifest = context.client.fetchManifest.bind(context.client);
    context.client.fetchManifest = async (ref, digest) => {
      context.setPullsLeft(--left);
      return fetchManifest(ref, digest);
    };
    const facts = await context.collector.collect(context.request);
    expect(facts.skipped).toEqual(['platform details skipped: Docker Hub pull budget']);
    expect(facts.details).toBeUndefined();
    expect(facts.platforms?.changed).toHaveLength(7);
    expect(context.manifestGets()).toBe(2);
  });

  test('a budget that allows platforms but not attestations skips only the package diff', async () => {
    const context = setup(alpineRebuild(), { image: 'alpine:3.23' });
    const { client } = context;
    let left = 50;
    const fetchManifest = client.fetchManifest.bind(client);
    client.fetchManifest = async (ref, digest) => {
      left -= 4;
      context.setPullsLeft(left);
      return fetchManifest(ref, digest);
    };
    const facts = await context.collector.collect(context.request);
    expect(facts.skipped).toContain('package diff skipped: Docker Hub pull budget');
    expect(facts.details?.[0]?.size?.to).toBe(3_860_104);
  });

  test('below the reserve, no manifest GET is spent on facts', async () => {
    const context = setup(alpineRebuild(), { image: 'alpine:3.23' });
    context.setPullsLeft(30);
    const facts = await context.collector.collect(context.request);
    expect(facts.skipped).toEqual(['changelog skipped: Docker Hub pull budget']);
    expect(context.manifestGets()).toBe(0);
    expect(facts).toMatchObject({ from: context.request.from, to: context.request.to });
  });

  test('the budget is Docker Hub’s only', async () => {
    const context = setup(alpineRebuild(), { image: 'ghcr.io/o/alpine:3.23' });
    context.setPullsLeft(1);
    const facts = await context.collector.collect(context.request);
    expect(facts.skipped).toBeUndefined();
    expect(facts.details?.[0]?.packages).toBeDefined();
  });

  test('a missing attestation, a malformed manifest and a gone old digest each cost facts, not the update', async () => {
    const scenario = alpineRebuild();
    const { collector, request, debug } = setup(scenario, { image: 'alpine:3.23' });
    for (const [digest, content] of scenario.repo.manifests) {
      if (new TextDecoder().decode(content.bytes).includes('in-toto.io/predicate-type'))
        scenario.repo.manifests.delete(digest);
    }
    scenario.repo.manifests.delete(scenario.from);
    const facts = await collector.collect(request);
    expect(facts.to).toBe(scenario.to);
    expect(facts.platforms).toBeUndefined();
    expect(facts.details?.[0]?.packages).toBeUndefined();
    expect(facts.details?.[0]?.created?.to).toBe('2025-12-18T00:12:05Z');
    expect(debug.filter((line) => line.includes('not read')).length).toBeGreaterThanOrEqual(2);

    const broken = bareRebuild();
    broken.repo.manifests.set(broken.to, {
      digest: broken.to,
      mediaType: OCI_INDEX,
      bytes: new TextEncoder().encode('{"schemaVersion": 2, "manifests": "no"}'),
    });
    const second = setup(broken);
    const minimal = await second.collector.collect(second.request);
    expect(minimal).toMatchObject({ from: broken.from, to: broken.to });
    expect(minimal.details).toBeUndefined();
    expect(second.debug.join('\n')).toMatch(/not a valid image index/);
  });

  test('an SBOM over the size cap is not read', async () => {
    const fake = fixtureClient(alpineRebuild().repo);
    const debug: string[] = [];
    const scenario = alpineRebuild();
    const collector = createChangelogCollector({
      client: fixtureClient(scenario.repo).client,
      maxSbomBytes: 1000,
      debug: (l) => debug.push(l),
    });
    const facts = await collector.collect({
      ref: parseImageReference('alpine:3.23'),
      image: 'alpine:3.23',
      from: scenario.from,
      to: scenario.to,
      toMediaType: OCI_INDEX,
    });
    expect(facts.details?.[0]?.packages).toBeUndefined();
    expect(debug.join('\n')).toMatch(/over the 1000-byte cap/);
    expect(fake.calls).toEqual([]);
  });
});
