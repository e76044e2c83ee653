import type { ImageReference } from '../reference/index.ts';
import { isIndexMediaType, type RegistryClient } from '../registry/index.ts';
import { memoizeRegistryClient } from '../resolve/memoized-client.ts';
import { defaultMaxSbomBytes, findSbom } from './attestations.ts';
import { compareSnapshots } from './compare.ts';
import type { ChangelogFacts, ImageSnapshot, PlatformSnapshot } from './facts.ts';
import { readMetadata, type StringMap } from './metadata.ts';
import { imagePlatforms, platformKey, relevantEntries } from './platforms.ts';
import {
  ImageConfigSchema,
  ImageIndexSchema,
  ImageManifestSchema,
  parseJson,
  type ImageIndex,
} from './schemas.ts';
import { siblingTags } from './tags.ts';

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
}

export interface ChangelogCollector {
  collect(request: ChangelogRequest): Promise<ChangelogFacts>;
}

/** Docker Hub pulls the changelog leaves for pinning, unless a caller says otherwise. */
export const defaultDockerHubReserve = 30;

/**
 * Docker Hub counts manifest GETs as pulls: facts may spend `pulls` of them only while the pins keep their
 * reserve. Other registries have no such budget. Pinning asks the same question before it lets a GET it
 * would share with the changelog stand in for a HEAD.
 */
export function factsMaySpend(
  client: RegistryClient,
  ref: ImageReference,
  pulls: number,
  reserve = defaultDockerHubReserve,
): boolean {
  if (ref.domain !== 'docker.io') return true;
  const left = client.dockerHubPullsLeft?.();
  return left === undefined || left - pulls >= reserve;
}

const budgetNote = {
  image: 'changelog skipped: Docker Hub pull budget',
  platforms: 'platform details skipped: Docker Hub pull budget',
  packages: 'package diff skipped: Docker Hub pull budget',
};

/**
 * Collects changelog facts through the registry client. Every body is read by digest and verified by the
 * client; each digest is read once per run (an image named in 40 files costs one read). Every failure
 * degrades to fewer facts with a debug line; nothing here fails an update.
 */
export function createChangelogCollector(options: CollectorOptions): ChangelogCollector {
  const client = memoizeRegistryClient(options.client);
  const debug = options.debug ?? (() => undefined);
  const reserve = options.dockerHubReserve ?? defaultDockerHubReserve;
  const maxBytes = options.maxSbomBytes ?? defaultMaxSbomBytes;
  const snapshots = new Map<string, Promise<ImageSnapshot>>();
  const results = new Map<string, Promise<ChangelogFacts>>();

  const canSpend = (ref: ImageReference, pulls: number): boolean => factsMaySpend(client, ref, pulls, reserve);

  const snapshot = (
    request: ChangelogRequest,
    digest: string,
    skipped: Set<string>,
  ): Promise<ImageSnapshot> => {
    const key = `${request.ref.name}@${digest}\n${request.platforms?.join(',') ?? ''}`;
    let pending = snapshots.get(key);
    if (!pending) {
      pending = readSnapshot(request, digest, skipped);
      snapshots.set(key, pending);
    }
    return pending;
  };

  const readSnapshot = async (
    request: ChangelogRequest,
    digest: string,
    skipped: Set<string>,
  ): Promise<ImageSnapshot> => {
    const { ref } = request;
    const bare: ImageSnapshot = { digest, mediaType: '', metadata: {}, details: [] };
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
    if (options.platformDetails === false) {
      const index = isIndexMediaType(manifest.mediaType)
        ? parseJson(ImageIndexSchema, manifest.bytes)
        : undefined;
      const platforms = index ? imagePlatforms(index) : undefined;
      return { digest, mediaType: manifest.mediaType, metadata: {}, platforms, details: [] };
    }
    if (!isIndexMediaType(manifest.mediaType)) {
      const detail = await readPlatform(request, digest, undefined, undefined, [], skipped);
      return { digest, mediaType: manifest.mediaType, metadata: {}, details: detail ? [detail] : [] };
    }
    const index = parseJson(ImageIndexSchema, manifest.bytes);
    if (!index) {
      debug(`changelog: ${ref.familiarName}@${digest} is not a valid image index`);
      return { ...bare, mediaType: manifest.mediaType };
    }
    const details: PlatformSnapshot[] = [];
    for (const entry of relevantEntries(index, request.platforms)) {
      const detail = await readPlatform(
        request,
        entry.digest,
        index,
        platformKey(entry.platform),
        [entry.annotations, index.annotations],
        skipped,
      );
      if (detail) details.push(detail);
    }
    return {
      digest,
      mediaType: manifest.mediaType,
      metadata: readMetadata([index.annotations]),
      platforms: imagePlatforms(index),
      details,
    };
  };

  const readPlatform = async (
    request: ChangelogRequest,
    digest: string,
    index: ImageIndex | undefined,
    platform: string | undefined,
    outer: readonly (StringMap | undefined)[],
    skipped: Set<string>,
  ): Promise<PlatformSnapshot | undefined> => {
    const { ref } = request;
    const where = `${ref.familiarName}@${digest}`;
    try {
      // An index child costs one more pull; a single manifest was read already (the client caches it).
      if (index && !canSpend(ref, 1)) {
        skipped.add(budgetNote.platforms);
        return undefined;
      }
      const manifest = parseJson(ImageManifestSchema, (await client.fetchManifest(ref, digest)).bytes);
      if (!manifest) {
        debug(`changelog: ${where} is not a valid image manifest`);
        return undefined;
      }
      const config = parseJson(ImageConfigSchema, await client.fetchBlob(ref, manifest.config.digest));
      if (!config) debug(`changelog: ${where} has no readable image config`);
      const key =
        platform ??
        (config?.os && config.architecture
          ? platformKey({
              os: config.os,
              architecture: config.architecture,
              variant: config.variant,
              'os.version': config['os.version'],
            })
          : 'unknown');
      let packages;
      if (options.packages === false) {
        packages = undefined;
      } else if (canSpend(ref, 1)) {
        packages = await findSbom({ client, ref, index, maxBytes, debug }, digest);
      } else {
        skipped.add(budgetNote.packages);
      }
      return {
        platform: key,
        digest,
        metadata: readMetadata(
          [manifest.annotations, ...outer, config?.config?.Labels ?? undefined],
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
      request.from === undefined ? undefined : snapshot(request, request.from, skipped),
      snapshot(request, request.to, skipped),
    ]);
    const to: ImageSnapshot = { ...after, mediaType: after.mediaType || request.toMediaType };
    const facts = compareSnapshots({
      image: request.image,
      from: before,
      to,
      used: request.platforms,
      skipped: [...skipped],
    });
    if (options.lookupTags === false || facts.version?.to !== undefined) return facts;
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
  };
}
