/**
 * The changelog figure of `npm run bench`: 50 pins moved and their facts collected (a third BuildKit-attested
 * and annotated, a third annotated only, a third bare) from a real local registry, as a run with changelogs
 * does, and the registry requests that cost compared with the minimum (issues 8 and 9): per image, the tag's
 * HEAD; the old and new index (whose verified bytes also confirm the pin: no HEAD by digest), the old and new
 * manifest of the platform used, and the old and new attestation manifest where there is one; one tag list
 * per repository whose SBOM or sibling tags are looked for outside the index; one referrers request per
 * registry (its 404 says it has no referrers API).
 */
import { pinningForChangelogs } from '../src/changelog/changelogs.ts';
import { createChangelogCollector } from '../src/changelog/collect.ts';
import { parseImageReference } from '../src/reference/index.ts';
import { createRegistryClient } from '../src/registry/index.ts';
import { resolveTargetDigest } from '../src/resolve/target-digest.ts';
import {
  alpineSpdxStatement,
  olderSecurityStatement,
  storeBuildKitIndex,
} from '../test/support/changelog-scenarios.ts';
import type { CountingProxy } from '../test/support/counting-proxy.ts';
import type { ChangelogFacts } from '../src/changelog/facts/index.ts';
import { emptyRepo } from '../test/support/fixture-repo.ts';
import { buildImage } from '../test/support/image-content.ts';
import { pushFixtureRepo } from '../test/support/push-fixture.ts';
import { addVulnerabilities } from '../src/changelog/vulnerabilities.ts';
import { createOsvClient, reportManyVulnerabilities } from '../src/osv/index.ts';
import { startOsvStandIn } from '../test/support/osv-server.ts';

type Kind = 'attested' | 'annotated' | 'bare';

function annotations(kind: Kind, revision: string, created: string): Record<string, string> | undefined {
  if (kind === 'bare') return undefined;
  return {
    'org.opencontainers.image.created': created,
    'org.opencontainers.image.revision': revision,
    'org.opencontainers.image.source': `https://github.com/example/app.git#${revision}:linux`,
    'org.opencontainers.image.version': '1.2.3',
    'org.opencontainers.image.base.name': 'alpine:3.23',
  };
}

export async function benchChangelog(proxy: CountingProxy, count = 50): Promise<[string, string][]> {
  const kinds: Kind[] = ['attested', 'annotated', 'bare'];
  const images = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const repo = emptyRepo();
    const side = (age: 'old' | 'new') => {
      const created = age === 'old' ? '2026-10-01T00:00:00Z' : '2026-11-20T00:00:00Z';
      const revision = (age === 'old' ? 'a' : 'b').repeat(40);
      return storeBuildKitIndex(repo, {
        platforms: ['linux/amd64', 'linux/arm64/v8'].map((platform) => ({
          image: buildImage({ seed: `changelog-${i}-${age}`, platform, created }),
          annotations: annotations(kind, revision, created),
          ...(kind === 'attested'
            ? { sbom: age === 'old' ? olderSecurityStatement() : alpineSpdxStatement(), provenance: true }
            : {}),
        })),
      });
    };
    const from = side('old');
    const to = side('new');
    repo.tags.set('1', to);
    const repository = `changelog/${kind}-${i}`;
    await pushFixtureRepo(proxy, repository, repo);
    images.push({ kind, repository, from, to });
  }

  proxy.reset();
  const pinning = pinningForChangelogs(createRegistryClient({ insecureRegistries: [proxy.host] }));
  const collector = createChangelogCollector({ client: pinning.registry });
  const started = performance.now();
  const facts = await Promise.all(
    images.map(async (image) => {
      const ref = parseImageReference(`${proxy.host}/${image.repository}:1@${image.from}`);
      const target = await resolveTargetDigest(pinning.registry, ref, {
        fetchesDigests: pinning.fetchesDigests,
      });
      return collector.collect({
        ref,
        image: `${proxy.host}/${image.repository}:1`,
        from: image.from,
        to: target.digest,
        toMediaType: target.mediaType,
      });
    }),
  );
  const ms = performance.now() - started;
  const osvFigures = await benchVulnerabilities(collector, facts);

  const manifestGets = proxy.count({ method: 'GET', path: /\/manifests\// });
  const blobGets = proxy.count({ method: 'GET', path: /\/blobs\// });
  const heads = proxy.count({ method: 'HEAD' });
  const other = proxy.count({ method: 'GET', path: /\/(referrers|tags)\// });
  const attested = images.filter((image) => image.kind === 'attested').length;
  const minimumManifests = images.length * 4 + attested * 2;
  const minimumBlobs = images.length * 2 + attested * 2;
  // Pinning: the tag's HEAD only; the index GETs above confirm the new digest and tell the old pin's kind.
  const minimumHeads = images.length;
  // Outside the index (annotated and bare images): one tag list per repository, one referrers probe.
  const minimumOther = images.length - attested + 1;
  const withPackages = facts.filter((f) => f.details?.some((d) => d.packages)).length;
  const withSource = facts.filter((f) => f.source).length;
  return [
    [
      'changelog: images (attested / annotated / bare)',
      `${images.length} (${attested} / ${images.filter((i) => i.kind === 'annotated').length} / ${images.filter((i) => i.kind === 'bare').length})`,
    ],
    ['changelog: collection time', `${ms.toFixed(0)} ms`],
    ['changelog: manifest GETs made / minimum (Docker Hub pulls)', `${manifestGets} / ${minimumManifests}`],
    ['changelog: blob GETs made / minimum (free on Docker Hub)', `${blobGets} / ${minimumBlobs}`],
    ['changelog: HEADs made / minimum (pinning; free)', `${heads} / ${minimumHeads}`],
    ['changelog: referrers and tag-list GETs made / minimum (free)', `${other} / ${minimumOther}`],
    [
      'pin with changelog: requests made / minimum',
      `${manifestGets + blobGets + heads + other} / ${minimumManifests + minimumBlobs + minimumHeads + minimumOther}`,
    ],
    ['changelog: images with source / package diff', `${withSource} / ${withPackages}`],
    ...osvFigures,
  ];
}

/** 2,500 distinct Alpine package versions changed across 25 images: querybatch requests for them. */
async function manyPackageVersions(api: `http${string}`): Promise<[string, string]> {
  const client = createOsvClient({ api });
  const apk = (name: string, version: string) => ({
    name,
    version,
    purl: `pkg:apk/alpine/${name}@${version}?arch=x86_64&distro=3.23.2`,
  });
  const changes = Array.from({ length: 25 }, (_, image) => {
    const names = Array.from({ length: 50 }, (_, i) => `bench-${image}-${i}`);
    return {
      before: names.map((name) => apk(name, '1.0-r0')),
      after: names.map((name) => apk(name, '1.0-r1')),
    };
  });
  await reportManyVulnerabilities(client, changes);
  return [
    'vulnerabilities: OSV querybatch requests for 2,500 package versions',
    String(client.counters().querybatch),
  ];
}

/**
 * Known vulnerabilities of the collected changes, asked of an OSV stand-in on 127.0.0.1 as a run asks them
 * (one `reportManyVulnerabilities` for every change): querybatch requests per 1,000 package versions asked,
 * and record GETs per id shown.
 */
async function benchVulnerabilities(
  collector: Parameters<typeof addVulnerabilities>[1],
  facts: readonly ChangelogFacts[],
): Promise<[string, string][]> {
  const osv = await startOsvStandIn();
  try {
    const client = createOsvClient({ api: osv.url });
    const withReports = await addVulnerabilities(
      client,
      collector,
      facts.map((fact, i) => [i, fact] as const),
    );
    const { querybatch, vulns } = client.counters();
    const versions = osv.queries.length;
    const shown = new Set(
      withReports.flatMap(([, { vulnerabilities: report }]) =>
        report?.status === 'known' ? [...report.fixed, ...report.introduced].map((entry) => entry.id) : [],
      ),
    ).size;
    return [
      [
        'vulnerabilities: OSV querybatch requests / package versions asked (at most 1 per 1,000)',
        `${querybatch} / ${versions}`,
      ],
      ['vulnerabilities: OSV record GETs / ids shown (at most 1 per id)', `${vulns} / ${shown}`],
      await manyPackageVersions(osv.url),
    ];
  } finally {
    await osv.close();
  }
}
