import type { ImageReference } from '../reference/index.ts';
import { RegistryError, tagListed, type RegistryClient, type TagPage } from '../registry/index.ts';
import { sbomPackages, spdxPredicateType, type SbomPackage } from './facts/index.ts';
import {
  attestationFor,
  ImageManifestSchema,
  readOrUndefined,
  type Descriptor as ContentDescriptor,
  type ImageIndex,
} from '../oci/index.ts';

/** SBOMs larger than this are not read (a full distribution's SPDX is a few MiB). */
export const defaultMaxSbomBytes = 16 * 1024 * 1024;

export interface SbomLookup {
  readonly client: RegistryClient;
  readonly ref: ImageReference;
  /** The index the image came from, where BuildKit keeps its attestations. */
  readonly index?: ImageIndex | undefined;
  readonly maxBytes: number;
  readonly debug: (line: string) => void;
  /** A page of the repository's tags (read once per repository), which says which artifact tags exist. */
  readonly tags?: () => Promise<TagPage | undefined>;
}

const predicateAnnotations = ['in-toto.io/predicate-type', 'predicateType'];
const spdxMediaTypes = new Set(['application/spdx+json', 'text/spdx+json']);

/**
 * The packages of the SBOM attached to the image `digest`, looked for where publishers put it, cheapest first:
 * 1. BuildKit's attestation manifest in the index (one manifest GET);
 * 2. OCI referrers (the API, else the `sha256-<hex>` tag) with an SPDX artifact;
 * 3. cosign's `sha256-<hex>.sbom` and `.att` tags.
 * Which artifact tags exist is read from the repository's tag list when one page holds it all; otherwise a
 * tag is asked by HEAD on Docker Hub (a miss costs no pull) and by GET elsewhere (a GET costs no more).
 * Undefined when there is none or it cannot be read; the reason goes to the debug log.
 */
export async function findSbom(lookup: SbomLookup, digest: string): Promise<SbomPackage[] | undefined> {
  const { client, ref, index, debug } = lookup;
  const where = `${ref.familiarName}@${digest}`;
  try {
    const buildkit = index ? attestationFor(index, digest) : undefined;
    if (buildkit) return await fromArtifact(lookup, buildkit.digest);
    const tags = await lookup.tags?.();
    if (client.fetchReferrers) {
      const referrer = (await client.fetchReferrers(ref, digest, { tags })).find(isSbomReferrer);
      if (referrer) return await fromArtifact(lookup, referrer.digest);
    }
    for (const suffix of ['sbom', 'att']) {
      const tag = `${digest.replace(':', '-')}.${suffix}`;
      const listed = tagListed(tags, tag);
      if (listed === false) continue;
      if (listed === undefined && ref.domain === 'docker.io' && !(await exists(client, ref, tag))) continue;
      try {
        return await fromArtifact(lookup, tag);
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
    }
    debug(`changelog: ${where} has no SBOM attestation`);
  } catch (error) {
    debug(`changelog: SBOM of ${where} not read (${(error as Error).message})`);
  }
  return undefined;
}

function isSbomReferrer(referrer: {
  artifactType?: string | undefined;
  annotations?: Record<string, string> | undefined;
}): boolean {
  const type = referrer.artifactType ?? '';
  if (spdxMediaTypes.has(type)) return true;
  return predicateAnnotations.some((key) => referrer.annotations?.[key] === spdxPredicateType);
}

/** An attestation or SBOM artifact manifest → the packages of its SPDX layer. */
async function fromArtifact(lookup: SbomLookup, tagOrDigest: string): Promise<SbomPackage[] | undefined> {
  const { client, ref, maxBytes, debug } = lookup;
  const manifest = readOrUndefined(ImageManifestSchema, (await client.fetchManifest(ref, tagOrDigest)).bytes);
  if (!manifest) throw new Error(`${tagOrDigest} is not an image manifest`);
  const layer = manifest.layers.find(isSpdxLayer);
  if (!layer) {
    debug(`changelog: ${ref.familiarName}@${tagOrDigest} holds no SPDX document (provenance only?)`);
    return undefined;
  }
  if (layer.size !== undefined && layer.size > maxBytes) {
    throw new Error(`the SBOM is ${layer.size} bytes, over the ${maxBytes}-byte cap`);
  }
  const bytes = await client.fetchBlob(ref, layer.digest);
  if (bytes.length > maxBytes)
    throw new Error(`the SBOM is ${bytes.length} bytes, over the ${maxBytes}-byte cap`);
  return sbomPackages(bytes);
}

function isSpdxLayer(layer: ContentDescriptor): boolean {
  const predicate = predicateAnnotations.map((key) => layer.annotations?.[key]).find((v) => v !== undefined);
  if (predicate !== undefined) return predicate === spdxPredicateType;
  return (
    spdxMediaTypes.has(layer.mediaType) ||
    layer.mediaType.startsWith('application/vnd.in-toto') ||
    layer.mediaType === 'application/vnd.dsse.envelope.v1+json'
  );
}

function isMissing(error: unknown): boolean {
  return error instanceof RegistryError && error.status === 404;
}

async function exists(client: RegistryClient, ref: ImageReference, tag: string): Promise<boolean> {
  try {
    await client.describeManifest(ref, tag);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
