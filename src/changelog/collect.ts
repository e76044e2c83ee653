import type { ImageReference } from '../reference/index.ts';
import { isIndexMediaType, type RegistryClient } from '../registry/index.ts';
import { defaultDockerHubReserve, factsMaySpend, memoizeRegistryClient } from '../resolve/index.ts';
import { defaultMaxSbomBytes, findSbom } from './attestations.ts';
import { compareSnapshots } from './facts/index.ts';
import type { ChangelogFacts, ImageSnapshot, PlatformSnapshot } from './facts/index.ts';
import { packageChangeOf, type SbomPackageChange } from './package-change.ts';
import { readMetadata, type StringMap } from './facts/index.ts';
import { imagePlatforms, relevantEntries } from './facts/index.ts';
import {
  ImageConfigSchema,
  ImageIndexSchema,
  ImageManifestSchema,
  platformKey,
  readOrUndefined,
  type ImageIndex,
} from '../oci/index.ts';
import { siblingTags } from './tags.ts';
import { createSignatureReader, type SignatureCollection } from './signatures.ts';

export interface ChangelogRequest {
  readonly ref: ImageReference;
  /** As people write it: `alpine:3.20`. */
  readonly image: string;
  readonly from?: string | undefined;
  readonly to: string;
  readonly toMediaType: string;
  /** Platforms this repository builds (`linux/amd64`), when known. */
  readonly platforms?: readonly string[] | undefined;
}

export interface CollectorOptions {
  readonly client: RegistryClient;
  readonly debug?: (line: string) => void;
  /** Docker Hub pulls to leave for pinning: below this many, the changelog reads less. Default 30. */
  readonly dockerHubReserve?: number;
  readonly maxSbomBytes?: number;
  /** Read one page of tags to name the tags that point at the new digest. Default true. */
  readonly lookupTags?: boolean;
  /** Look for SBOMs and diff their packages. Default true; off when only dates and platforms are needed. */
  readonly packages?: boolean;
  /** Read the manifests of the platforms used (dates, size, base). Default true; off when the index's platform list is enough. */
  readonly platformDetails?: boolean;
  /**
   * `skip-unchanged-platforms` is on: when the platforms used did not change, the update is held back, so
   * the facts stop at the two platform lists (nothing else would be shown).
   */
  readonly skipUnchangedPlatforms?: boolean;
  /** Check the signatures (and, when asked, the provenance) of both digests; undefined: not looked for. */
  readonly signatures?: SignatureCollection | undefined;
}

export interface ChangelogCollector {
  collect(request: ChangelogRequest): Promise<ChangelogFacts>;
  /**
   * The old and the new packages behind facts this collector returned (the platforms used, concatenated),
   * when both sides had an SBOM: what the vulnerability check asks about (`changelog/vulnerabilities.ts`).
   */
  packagesOf(facts: ChangelogFacts): SbomPackageChange | undefined;
}

const budgetNote = {
  image: 'changelog skipped: Docker Hub pull budget',
  platforms: 'platform details skipped: Docker Hub pull budget',
  packages: 'package diff skipped: Docker Hub pull budget',
};

/** One digest as its manifest tells: the snapshot without platform details, and the index when it is one. */
interface IndexRead {
  readonly snapshot: ImageSnapshot;
  readonly index?: ImageIndex | undefined;
  /** The manifest could be read (a bare snapshot otherwise). */
  readonly read: boolean;
}

/**
 * Collects changelog facts through the registry client. Every body is read by digest and verified by the
 * client; each digest is read once per run (an image named in 40 files costs one read), and a client
 * shared with pinning (`memoizeRegistryClient`) lends it what pinning read. Both indexes are read first:
 * platforms byte-identical on both sides get no package search, and an update `skip-unchanged-platforms`
 * holds back gets no more requests. Every failure degrades to fewer facts with a debug line; nothing here
 * fails an update.
 */
export function createChangelogCollector(options: CollectorOptions): ChangelogCollector {
  const client = memoizeRegistryClient(options.client);
  const debug = options.debug ?? (() => undefined);
  const reserve = options.dockerHubReserve ?? defaultDockerHubReserve;
  const maxBytes = options.maxSbomBytes ?? defaultMaxSbomBytes;
  const results = new Map<string, Promise<ChangelogFacts>>();
  const packageChanges = new WeakMap<ChangelogFacts, SbomPackageChange>();
  const canSpend = (ref: ImageReference, pulls: number): boolean =>
    factsMaySpend(client, ref, pulls, reserve);
  /** One page of the repository's tags (memoized per repository), undefined when it cannot be read. */
  const tagPage = (ref: ImageReference) => async () =>
    client.listTags ? client.listTags(ref).catch(() => undefined) : undefined;
  const signatures =
    options.signatures && createSignatureReader(options.signatures, client, canSpend, tagPage, debug);

  const readIndex = async (
    request: ChangelogRequest,
    digest: string,
    skipped: Set<string>,
  ): Promise<IndexRead> => {
    const { ref } = request;
    const bare: IndexRead = { snapshot: { digest, mediaType: '', metadata: {}, details: [] }, read: false };
    // A manifest pinning read already (it confirmed the pin) costs nothing more.
    if (!client.asked(ref, digest) && !canSpend(ref, 1)) {
      skipped.add(budgetNote.image);
      return bare;
    }
    let manifest;
    try {
      manifest = await client.fetchManifest(ref, digest);
    } catch (error) {
      debug(`changelog: ${ref.familiarName}@${digest} not read (${(error as Error).message})`);
      return bare;
    }
    const { mediaType } = manifest;
    if (!isIndexMediaType(mediaType)) {
      return { snapshot: { digest, mediaType, metadata: {}, details: [] }, read: true };
    }
    const index = readOrUndefined(ImageIndexSchema, manifest.bytes);
    if (!index) {
      debug(`changelog: ${ref.familiarName}@${digest} is not a valid image index`);
      return { snapshot: { ...bare.snapshot, mediaType }, read: false };
    }
    const metadata = options.platformDetails === false ? {} : readMetadata([index.annotations]);
    return {
      snapshot: { digest, mediaType, metadata, platforms: imagePlatforms(index), details: [] },
      index,
      read: true,
    };
  };

  /** The details of the platforms used; `identical` digests are on both sides, so their packages cannot differ. */
  const readDetails = async (
    request: ChangelogRequest,
    side: IndexRead,
    identical: ReadonlySet<string>,
    skipped: Set<string>,
  ): Promise<ImageSnapshot> => {
    const { snapshot, index } = side;
    if (!side.read || options.platformDetails === false) return snapshot;
    const read = (digest: string, platform?: string, outer: readonly (StringMap | undefined)[] = []) =>
      readPlatform(request, { digest, index, platform, outer, packages: !identical.has(digest) }, skipped);
    if (!index) {
      const detail = await read(snapshot.digest);
      return { ...snapshot, details: detail ? [detail] : [] };
    }
    const details: PlatformSnapshot[] = [];
    for (const entry of relevantEntries(index, request.platforms)) {
      const detail = await read(entry.digest, platformKey(entry.platform), [
        entry.annotations,
        index.annotations,
      ]);
      if (detail) details.push(detail);
    }
    return { ...snapshot, details };
  };

  const readPlatform = async (
    request: ChangelogRequest,
    at: {
      readonly digest: string;
      readonly index: ImageIndex | undefined;
      readonly platform: string | undefined;
      readonly outer: readonly (StringMap | undefined)[];
      readonly packages: boolean;
    },
    skipped: Set<string>,
  ): Promise<PlatformSnapshot | undefined> => {
    const { ref } = request;
    const { digest, index } = at;
    const where = `${ref.familiarName}@${digest}`;
    try {
      // An index child costs one more pull; a single manifest was read already (the client caches it).
      if (index && !client.asked(ref, digest) && !canSpend(ref, 1)) {
        skipped.add(budgetNote.platforms);
        return undefined;
      }
      const manifest = readOrUndefined(ImageManifestSchema, (await client.fetchManifest(ref, digest)).bytes);
      if (!manifest) {
        debug(`changelog: ${where} is not a valid image manifest`);
        return undefined;
      }
      const config = readOrUndefined(ImageConfigSchema, await client.fetchBlob(ref, manifest.config.digest));
      if (!config) debug(`changelog: ${where} has no readable image config`);
      const key =
        at.platform ??
        (config?.os && config.architecture
          ? platformKey({
              os: config.os,
              architecture: config.architecture,
              variant: config.variant,
              'os.version': config['os.version'],
            })
          : 'unknown');
      let packages;
      if (options.packages === false || !at.packages) {
        packages = undefined;
      } else if (canSpend(ref, 1)) {
        packages = await findSbom({ client, ref, index, maxBytes, debug, tags: tagPage(ref) }, digest);
      } else {
        skipped.add(budgetNote.packages);
      }
      return {
        platform: key,
        digest,
        metadata: readMetadata(
          [manifest.annotations, ...at.outer, config?.config?.Labels ?? undefined],
          config?.created,
        ),
        size: manifest.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0),
        packages,
      };
    } catch (error) {
      debug(`changelog: ${where} not read (${(error as Error).message})`);
      return undefined;
    }
  };

  const collectOnce = async (request: ChangelogRequest): Promise<ChangelogFacts> => {
    const skipped = new Set<string>();
    const [before, after] = await Promise.all([
      request.from === undefined ? undefined : readIndex(request, request.from, skipped),
      readIndex(request, request.to, skipped),
    ]);
    const compare = (from: ImageSnapshot | undefined, to: ImageSnapshot) =>
      compareSnapshots({
        image: request.image,
        from,
        to: { ...to, mediaType: to.mediaType || request.toMediaType },
        used: request.platforms,
        skipped: [...skipped],
      });
    const lists = compare(before?.snapshot, after.snapshot);
    // Held back by skip-unchanged-platforms: the two platform lists say why, and nothing else is shown.
    if (
      options.skipUnchangedPlatforms &&
      lists.from !== undefined &&
      lists.platforms?.usedChanged === false
    ) {
      return lists;
    }
    const identical = before ? sameContent(before, after) : new Set<string>();
    const [beforeDetails, afterDetails] = await Promise.all([
      before === undefined ? undefined : readDetails(request, before, identical, skipped),
      readDetails(request, after, identical, skipped),
    ]);
    const [signature, provenance] = signatures
      ? await Promise.all([
          signatures.verdict(request.ref, request.from, request.to),
          signatures.provenance(request.ref, after.index, afterDetails.details),
        ])
      : [];
    const compared = {
      ...compare(beforeDetails, afterDetails),
      ...(signature && { signature }),
      ...(provenance && { provenance }),
    };
    const facts =
      options.lookupTags === false || compared.version?.to !== undefined
        ? compared
        : await withTags(request, compared);
    // Only both sides: an empty old side would report every known vulnerability as introduced.
    const packages = packageChangeOf(beforeDetails, afterDetails);
    if (packages) packageChanges.set(facts, packages);
    return facts;
  };
  const withTags = async (request: ChangelogRequest, facts: ChangelogFacts): Promise<ChangelogFacts> => {
    const tags = await siblingTags(client, request.ref, request.to, debug);
    return tags.length ? { ...facts, tags } : facts;
  };

  return {
    collect(request) {
      const key = `${request.ref.name}:${request.ref.trackedTag}\n${request.from ?? ''}\n${request.to}\n${request.platforms?.join(',') ?? ''}`;
      let pending = results.get(key);
      if (!pending) {
        pending = collectOnce(request);
        results.set(key, pending);
      }
      return pending;
    },
    packagesOf: (facts) => packageChanges.get(facts),
  };
}

/** Image digests on both sides (an index's platforms, or a single manifest itself): the same bytes. */
function sameContent(before: IndexRead, after: IndexRead): Set<string> {
  const digests = (side: IndexRead) =>
    new Set(side.index ? Object.values(side.snapshot.platforms ?? {}) : [side.snapshot.digest]);
  const old = digests(before);
  return new Set([...digests(after)].filter((digest) => old.has(digest)));
}
