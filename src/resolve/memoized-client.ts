import type { ImageReference } from '../reference/index.ts';
import type { Manifest, ManifestHead, Referrer, RegistryClient, TagPage } from '../registry/index.ts';

/** A registry client that asks each thing once per run, and can say what it asked already. */
export interface MemoizedRegistryClient extends RegistryClient {
  /** This manifest was asked for already (answered, failed or in flight): asking again costs no request. */
  asked(ref: ImageReference, tagOrDigest: string): boolean;
}

const memoized = new WeakSet<RegistryClient>();

/**
 * Asks the registry once per (repository, tag) and once per digest in a run,
 * however many sites and files name them (docs/architecture.md, "The path of one run"). Failures are cached
 * too: a tag that failed once fails the same way for every site naming it. A client memoized already is
 * returned as it is, so pinning and the changelog share one cache by digest when given the same client.
 */
export function memoizeRegistryClient(client: RegistryClient): MemoizedRegistryClient {
  if (memoized.has(client)) return client as MemoizedRegistryClient;
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
  const result: MemoizedRegistryClient = {
    resolveTag: (ref: ImageReference) =>
      once(tags, `${ref.name}:${ref.trackedTag}`, () => client.resolveTag(ref)),
    describeManifest: (ref, tagOrDigest) => {
      const key = `${ref.name}@${tagOrDigest}`;
      const head = () => once(heads, key, () => client.describeManifest(ref, tagOrDigest));
      // The registry's own GET tells what its HEAD would (digest and media type, the bytes verified); a
      // mirror's answer or a failed GET does not stand in for the registry's word.
      const read = manifests.get(key);
      return read ? read.then((got) => (got.fromMirror === undefined ? got : head()), head) : head();
    },
    fetchManifest: (ref, tagOrDigest) =>
      once(manifests, `${ref.name}@${tagOrDigest}`, () => client.fetchManifest(ref, tagOrDigest)),
    fetchBlob: (ref, digest) => once(blobs, `${ref.name}@${digest}`, () => client.fetchBlob(ref, digest)),
    stats: () => client.stats(),
    asked: (ref, tagOrDigest) => manifests.has(`${ref.name}@${tagOrDigest}`),
  };
  if (client.prepare) result.prepare = client.prepare.bind(client);
  const { listTags, fetchReferrers, dockerHubPullsLeft } = client;
  if (listTags) result.listTags = (ref) => once(tagPages, ref.name, () => listTags.call(client, ref));
  if (fetchReferrers) {
    result.fetchReferrers = (ref, digest, lookup) =>
      once(referrers, `${ref.name}@${digest}`, () => fetchReferrers.call(client, ref, digest, lookup));
  }
  if (dockerHubPullsLeft) result.dockerHubPullsLeft = dockerHubPullsLeft.bind(client);
  memoized.add(result);
  return result;
}
