import type { ImageReference } from '../reference/index.ts';
import {
  findPlatform,
  imageEntries,
  ImageIndexSchema,
  ImageManifestSchema,
  isIndexMediaType,
  PlatformConfigSchema,
  samePlatform,
  type ImageIndex,
} from '../oci/index.ts';
import {
  RegistryError,
  type Manifest,
  type ManifestHead,
  type Platform,
  type RegistryClient,
} from '../registry/index.ts';
import { formatPlatform } from '../reference/index.ts';
import { readJson, type JsonSchema } from '../text/read-json.ts';

/** The digest to write into the pin, and the platform when a single-platform child was chosen. */
export interface TargetDigest {
  readonly digest: string;
  readonly mediaType: string;
  readonly platform?: Platform;
  /** The registry could not be reached; this mirror named the digest, unconfirmed by the registry. */
  readonly fromMirror?: string;
}

export interface TargetDigestOptions {
  /** Pin this platform's child manifest instead of the index (`--platform`). */
  readonly platform?: Platform;
  /**
   * The run reads this repository's digests by GET anyway (the changelog reads the old and new index): the
   * digest pinned now and the tag's new digest are then asked by GET instead of HEAD, and the verified
   * bytes, cached by digest for the run, stand in for the confirming HEAD. Needs a memoizing client
   * (`memoizeRegistryClient`) to save a request; false or absent keeps the HEADs.
   */
  readonly fetchesDigests?: (ref: ImageReference) => boolean;
}

export const TargetDigestErrorCode = {
  /** `alpine@sha256:…` names no tag to follow. */
  DigestOnly: 'DIGEST_ONLY',
  PlatformNotFound: 'PLATFORM_NOT_FOUND',
  /** A manifest or config that does not parse as the spec object it claims to be. */
  BadManifest: 'BAD_MANIFEST',
  /** The registry named a digest for the tag that it does not serve by digest. */
  UnconfirmedDigest: 'UNCONFIRMED_DIGEST',
} as const;
export type TargetDigestErrorCode = (typeof TargetDigestErrorCode)[keyof typeof TargetDigestErrorCode];

export class TargetDigestError extends Error {
  override readonly name = 'TargetDigestError';
  readonly code: TargetDigestErrorCode;

  constructor(code: TargetDigestErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * What a reference should be pinned to (docs/architecture.md, "What digest"):
 * the digest the registry serves for the tag with index types accepted.
 * Unpinned or pinned-to-index references cost the tag's HEAD and the HEAD by
 * digest that confirms it, or instead of the latter a GET the run makes anyway
 * (`fetchesDigests`: a changelog follows). A reference pinned
 * to a single-platform manifest stays single-platform: the same platform's
 * child of the new index. `options.platform` asks for one platform's child.
 */
export async function resolveTargetDigest(
  client: RegistryClient,
  ref: ImageReference,
  options: TargetDigestOptions = {},
): Promise<TargetDigest> {
  if (ref.tag === undefined && ref.digest !== undefined) {
    throw new TargetDigestError(
      TargetDigestErrorCode.DigestOnly,
      `${ref.original} names a digest but no tag, so there is nothing to follow`,
    );
  }
  const current = await client.resolveTag(ref);
  const fromMirror = current.fromMirror === undefined ? {} : { fromMirror: current.fromMirror };
  const target = await targetFor(client, ref, current, options);
  return { ...target, ...fromMirror };
}

async function targetFor(
  client: RegistryClient,
  ref: ImageReference,
  current: ManifestHead,
  options: TargetDigestOptions,
): Promise<TargetDigest> {
  if (options.platform !== undefined) return platformChild(client, ref, current, options.platform);
  // Already pinned to it: nothing is written, so nothing needs confirming.
  if (ref.digest === current.digest) return headOnly(current);
  const fetches = options.fetchesDigests?.(ref) ?? false;
  if (ref.digest === undefined) return confirmed(client, ref, current, fetches);

  // A HEAD tells index from single manifest; only a single-platform pin needs its bytes (free on Docker Hub's limit).
  const previousKind = await describePrevious(client, ref, ref.digest, fetches);
  if (previousKind === undefined || isIndexMediaType(previousKind.mediaType)) {
    return confirmed(client, ref, current, fetches);
  }
  const previous = await client.fetchManifest(ref, ref.digest);
  if (!isIndexMediaType(current.mediaType)) {
    // The tag is one image now: it replaces the pin only if it is the pinned platform.
    const platform = await platformOf(client, ref, previous);
    const served = await platformOf(client, ref, await client.fetchManifest(ref, current.digest));
    if (!samePlatform(served, platform)) throw notFound(ref, platform, [served]);
    return { ...headOnly(current), platform: served };
  }
  const index = parse(ImageIndexSchema, await client.fetchManifest(ref, current.digest), ref, 'image index');
  // Still a child of the tag's index: nothing changed for this platform, and no config read is needed.
  const same = imageEntries(index.manifests).find((entry) => entry.digest === ref.digest);
  if (same) return { digest: same.digest, mediaType: same.mediaType, platform: same.platform };
  const platform = await platformOf(client, ref, previous);
  return childFor(index, ref, platform);
}

/**
 * The tag's digest, once the registry has shown it serves it: the digest came
 * from hashed bytes, or a HEAD by that digest on the same repository answers
 * with it (a HEAD is free on Docker Hub's pull limit), or, when the run reads
 * that digest anyway, the registry's verified bytes of a GET by digest (the
 * memoizing client answers the HEAD from them). A lying
 * `Docker-Content-Digest` on the tag's HEAD is never written.
 */
async function confirmed(
  client: RegistryClient,
  ref: ImageReference,
  current: ManifestHead,
  fetches: boolean,
): Promise<TargetDigest> {
  if (current.verified === true) return headOnly(current);
  // Its failure is the changelog's to report; the HEAD below then asks on its own.
  if (fetches) await client.fetchManifest(ref, current.digest).catch(() => undefined);
  let shown: ManifestHead;
  try {
    shown = await client.describeManifest(ref, current.digest);
  } catch (error) {
    if (!(error instanceof RegistryError) || error.status !== 404) throw error;
    throw unconfirmed(ref, current, 'the registry does not serve that digest');
  }
  if (shown.digest !== current.digest || shown.mediaType !== current.mediaType) {
    throw unconfirmed(ref, current, `by digest it serves ${shown.mediaType} ${shown.digest}`);
  }
  return headOnly(current);
}

function unconfirmed(ref: ImageReference, current: ManifestHead, detail: string): TargetDigestError {
  return new TargetDigestError(
    TargetDigestErrorCode.UnconfirmedDigest,
    `${ref.familiarName}:${ref.trackedTag}: the registry named ${current.digest} (${current.mediaType}) for the tag, but ${detail}; nothing pinned`,
  );
}

/**
 * The media type of the digest pinned now, or undefined when the registry no
 * longer has it (garbage-collected, or the tag was deleted and re-pushed):
 * its platform cannot be known, so the tag's digest (the index) replaces it,
 * as for an unpinned reference.
 */
async function describePrevious(
  client: RegistryClient,
  ref: ImageReference,
  digest: string,
  fetches: boolean,
): Promise<ManifestHead | undefined> {
  try {
    if (fetches) await client.fetchManifest(ref, digest).catch(() => undefined);
    return await client.describeManifest(ref, digest);
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return undefined;
    throw error;
  }
}

/** `--platform`: the child of the tag's index for `platform`; a single manifest must itself be that platform. */
async function platformChild(
  client: RegistryClient,
  ref: ImageReference,
  current: ManifestHead,
  platform: Platform,
): Promise<TargetDigest> {
  const manifest = await client.fetchManifest(ref, current.digest);
  if (isIndexMediaType(manifest.mediaType)) {
    return childFor(parse(ImageIndexSchema, manifest, ref, 'image index'), ref, platform);
  }
  const served = await platformOf(client, ref, manifest);
  if (!samePlatform(served, platform)) throw notFound(ref, platform, [served]);
  return { ...headOnly(current), platform: served };
}

function childFor(index: ImageIndex, ref: ImageReference, platform: Platform): TargetDigest {
  const child = findPlatform(index.manifests, platform);
  if (!child)
    throw notFound(
      ref,
      platform,
      imageEntries(index.manifests).map((entry) => entry.platform),
    );
  return { digest: child.digest, mediaType: child.mediaType, platform: child.platform };
}

/** The platform of a single-platform image, from its config blob. */
async function platformOf(
  client: RegistryClient,
  ref: ImageReference,
  manifest: Manifest,
): Promise<Platform> {
  const image = parse(ImageManifestSchema, manifest, ref, 'image manifest');
  const bytes = await client.fetchBlob(ref, image.config.digest);
  const config = readManifestJson(PlatformConfigSchema, bytes, ref, `image config ${image.config.digest}`);
  return { os: config.os, architecture: config.architecture, variant: config.variant };
}

function headOnly(head: ManifestHead): TargetDigest {
  return { digest: head.digest, mediaType: head.mediaType };
}

function notFound(ref: ImageReference, wanted: Platform, available: readonly Platform[]): TargetDigestError {
  const list = available.length > 0 ? available.map(formatPlatform).join(', ') : 'none';
  return new TargetDigestError(
    TargetDigestErrorCode.PlatformNotFound,
    `${ref.familiarName}:${ref.trackedTag} has no ${formatPlatform(wanted)} image (available: ${list})`,
  );
}

function parse<T>(schema: JsonSchema<T>, manifest: Manifest, ref: ImageReference, what: string): T {
  return readManifestJson(schema, manifest.bytes, ref, `${what} ${manifest.digest}`);
}

function readManifestJson<T>(schema: JsonSchema<T>, bytes: Uint8Array, ref: ImageReference, what: string): T {
  const read = readJson(bytes, schema);
  if (!read.ok) {
    throw new TargetDigestError(
      TargetDigestErrorCode.BadManifest,
      `${ref.name}: ${what} is not valid (${read.problem.message})`,
    );
  }
  return read.value;
}
