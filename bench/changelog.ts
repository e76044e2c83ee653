/**
 * The changelog figure of `npm run bench`: facts for 50 updated images (a third BuildKit-attested and
 * annotated, a third annotated only, a third bare) collected from a real local registry, and the registry
 * requests that cost compared with the minimum (issue 9): per image, the old and new index, the old and new
 * manifest of the platform used, and the old and new attestation manifest where there is one.
 */
import { createChangelogCollector } from '../src/changelog/collect.ts';
import { parseImageReference } from '../src/reference/index.ts';
import { createRegistryClient } from '../src/registry/index.ts';
import {
  alpineSpdxStatement,
  olderAlpineStatement,
  storeBuildKitIndex,
} from '../test/support/changelog-scenarios.ts';
import type { CountingProxy } from '../test/support/counting-proxy.ts';
import { emptyRepo } from '../test/support/fixture-repo.ts';
import { buildImage } from '../test/support/image-content.ts';
import { pushFixtureRepo } from '../test/support/push-fixture.ts';

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
            ? { sbom: age === 'old' ? olderAlpineStatement() : alpineSpdxStatement(), provenance: true }
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
  const client = createRegistryClient({ insecureRegistries: [proxy.host] });
  const collector = createChangelogCollector({ client });
  const started = performance.now();
  const facts = await Promise.all(
    images.map((image) => {
      const name = `${proxy.host}/${image.repository}:1`;
      return collector.collect({
        ref: parseImageReference(name),
        image: name,
        from: image.from,
        to: image.to,
        toMediaType: 'application/vnd.oci.image.index.v1+json',
      });
    }),
  );
  const ms = performance.now() - started;

  const manifestGets = proxy.count({ method: 'GET', path: /\/manifests\// });
  const blobGets = proxy.count({ method: 'GET', path: /\/blobs\// });
  const heads = proxy.count({ method: 'HEAD' });
  const other = proxy.count({ method: 'GET', path: /\/(referrers|tags)\// });
  const attested = images.filter((image) => image.kind === 'attested').length;
  const minimumManifests = images.length * 4 + attested * 2;
  const minimumBlobs = images.length * 2 + attested * 2;
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
    ['changelog: HEADs, referrers and tag-list GETs (free)', `${heads} HEAD, ${other} GET`],
    ['changelog: images with source / package diff', `${withSource} / ${withPackages}`],
  ];
}
