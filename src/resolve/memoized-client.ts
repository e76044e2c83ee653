import type { ImageReference } from '../reference/index.ts';
import type { Manifest, ManifestHead, Referrer, RegistryClient, TagPage } from '../registry/types.ts';

/**
 * Asks the registry once per (repository, tag) and once per digest in a run,
 * however many sites and files name them (docs/architecture.md, "The path of one run"). Failures are cached
 * too: a tag that failed once fails the same way for every site naming it.
 */
export function memoizeRegistryClient(client: RegistryClient): RegistryClient {
  const tags = new Map<string, Promise<ManifestHead>>();
  const manifests = new Map<string, Promise<Manifest>>();
  const heads = new Map<string, Promise<ManifestHead>>();
  const blobs = new Map<string, Promise<Uint8Array>>();
  const tagPages = new Map<string, Promise<TagPage>>();
  const referrers = new Map<string, Promise<Referrer[]>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    let pending = cache.get(key);
    if (!pending) {
      pending = load();
      cache.set(key, pending);
    }
    return pending;
  };
  const memoized: RegistryClient = {
    resolveTag: (ref: ImageReference) =>
      once(tags, `${ref.name}:${ref.trackedTag}`, () => client.resolveTag(ref)),
    describeManifest: (ref, tagOrDigest) =>
      once(heads, `${ref.name}@${tagOrDigest}`, () => client.describeManifest(ref, tagOrDigest)),
    fetchManifest: (ref, tagOrDigest) =>
      once(manifests, `${ref.name}@${tagOrDigest}`, () => client.fetchManifest(ref, tagOrDigest)),
    fetchBlob: (ref, digest) => once(blobs, `${ref.name}@${digest}`, () => client.fetchBlob(ref, digest)),
    stats: () => client.stats(),
  };
  if (client.prepare) memoized.prepare = client.prepare.bind(client);
  const { listTags, fetchReferrers, dockerHubPullsLeft } = client;
  if (listTags) memoized.listTags = (ref) => once(tagPages, ref.name, () => listTags.call(client, ref));
  if (fetchReferrers) {
    memoized.fetchReferrers = (ref, digest) =>
      once(referrers, `${ref.name}@${digest}`, () => fetchReferrers.call(client, ref, digest));
  }
  if (dockerHubPullsLeft) memoized.dockerHubPullsLeft = dockerHubPullsLeft.bind(client);
  return memoized;
}
