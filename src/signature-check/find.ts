import { factsMaySpend } from '../resolve/index.ts';
import type { ImageReference } from '../reference/index.ts';
import { RegistryError, tagListed, type RegistryClient, type TagPage } from '../registry/index.ts';
import {
  ArtifactManifestSchema,
  cosignSignatureLayers,
  cosignSignatureTag,
  isSigstoreBundleType,
  notationSignature,
  parseBytes,
  payloadSigns,
  readSimpleSigning,
  type ArtifactManifest,
  type DigestSignatures,
  type SignatureCheck,
} from '../signatures/index.ts';
import type { SignatureTrust } from './trust.ts';
import { verifyBundle, verifyCosignLayer } from './verify.ts';

export interface SignatureLookup {
  readonly client: RegistryClient;
  readonly trust: SignatureTrust;
  /**
   * May `pulls` more manifest GETs be spent on `ref`? Default the changelog's Docker Hub budget
   * (`factsMaySpend` with its reserve): signatures are read only while pinning keeps its reserve.
   */
  readonly canSpend?: (ref: ImageReference, pulls: number) => boolean;
  /** A page of the repository's tags (read once per repository), which says which artifact tags exist. */
  readonly tags?: () => Promise<TagPage | undefined>;
  readonly debug?: (line: string) => void;
}

/** Payloads and bundles larger than this are not read: a real one is a few KiB. */
const maxSignatureBytes = 1024 * 1024;
/** Signatures read per digest at most: a repository that piles up hundreds costs no more than this. */
const maxSignatures = 16;

class BudgetSpent extends Error {}

/**
 * What the registry holds for the image `digest` and what checking it gives: cosign's `sha256-<hex>.sig`
 * tag, Sigstore bundles among its referrers (the referrers API, else the `sha256-<hex>` tag, as the client
 * reads them for SBOMs), Notation signatures among them. Each manifest is a GET by digest or tag (a pull on
 * Docker Hub) asked only while `canSpend` allows; a read that fails or is not allowed makes the result
 * `read: false` (never "not signed"). A signature that is found but does not verify is an `invalid` check.
 */
export async function findSignatures(
  lookup: SignatureLookup,
  ref: ImageReference,
  digest: string,
): Promise<DigestSignatures> {
  const debug = lookup.debug ?? (() => undefined);
  const where = `${ref.familiarName}@${digest}`;
  try {
    const tags = await lookup.tags?.();
    const checks = [
      ...(await cosignChecks(lookup, ref, digest, tags)),
      ...(await referrerChecks(lookup, ref, digest, tags)),
    ];
    return { read: true, checks };
  } catch (error) {
    const reason = error instanceof BudgetSpent ? 'Docker Hub pull budget' : (error as Error).message;
    debug(`signatures: ${where} not read (${reason})`);
    return { read: false, reason };
  }
}

/** The names an image's `signature-keys` patterns are matched against. */
export function imageNames(ref: ImageReference): string[] {
  return [
    ref.familiarName,
    ref.name,
    `${ref.familiarName}:${ref.trackedTag}`,
    `${ref.name}:${ref.trackedTag}`,
  ];
}

async function cosignChecks(
  lookup: SignatureLookup,
  ref: ImageReference,
  digest: string,
  tags: TagPage | undefined,
): Promise<SignatureCheck[]> {
  const { client } = lookup;
  const tag = cosignSignatureTag(digest);
  const listed = tagListed(tags, tag);
  if (listed === false) return [];
  // On Docker Hub a HEAD is free and a GET is a pull: ask whether the tag exists first.
  if (listed === undefined && ref.domain === 'docker.io' && !(await exists(client, ref, tag))) return [];
  spend(lookup, ref, 1);
  let manifest: ArtifactManifest | undefined;
  try {
    manifest = parseBytes(ArtifactManifestSchema, (await client.fetchManifest(ref, tag)).bytes);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  if (!manifest)
    return [{ state: 'invalid', format: 'cosign', reason: `${tag} is not a signature manifest` }];
  const checks: SignatureCheck[] = [];
  for (const layer of cosignSignatureLayers(manifest).slice(0, maxSignatures)) {
    if (layer.payloadSize !== undefined && layer.payloadSize > maxSignatureBytes) {
      checks.push({ state: 'invalid', format: 'cosign', reason: 'its payload is too large to read' });
      continue;
    }
    const bytes = await client.fetchBlob(ref, layer.payloadDigest);
    const payload = bytes.length > maxSignatureBytes ? undefined : readSimpleSigning(bytes);
    if (!payload) {
      checks.push({
        state: 'invalid',
        format: 'cosign',
        reason: 'its payload is not a simple-signing document',
      });
    } else if (!payloadSigns(payload, digest)) {
      // A signature of another image under this digest's tag: it says nothing about this one.
      checks.push({ state: 'invalid', format: 'cosign', reason: 'it signs another digest' });
    } else {
      checks.push(verifyCosignLayer(lookup.trust, layer, bytes, imageNames(ref)));
    }
  }
  return checks;
}

async function referrerChecks(
  lookup: SignatureLookup,
  ref: ImageReference,
  digest: string,
  tags: TagPage | undefined,
): Promise<SignatureCheck[]> {
  const { client } = lookup;
  if (!client.fetchReferrers) return [];
  spend(lookup, ref, 1);
  const referrers = await client.fetchReferrers(ref, digest, { tags });
  const checks: SignatureCheck[] = [];
  if (referrers.some((referrer) => referrer.artifactType === notationSignature)) {
    checks.push({ state: 'unverified', format: 'notation' });
  }
  const bundles = referrers.filter((referrer) => isSigstoreBundleType(referrer.artifactType));
  if (bundles.length === 0) return checks;
  // A message-signature bundle signs the image manifest's bytes: read once (the client keeps it).
  let manifestBytes: Uint8Array | undefined;
  for (const referrer of bundles.slice(0, maxSignatures)) {
    spend(lookup, ref, 1);
    const artifact = parseBytes(
      ArtifactManifestSchema,
      (await client.fetchManifest(ref, referrer.digest)).bytes,
    );
    const layer = artifact?.layers.find((candidate) => isSigstoreBundleType(candidate.mediaType));
    if (!artifact || !layer) {
      checks.push({ state: 'invalid', format: 'sigstore-bundle', reason: 'the referrer holds no bundle' });
      continue;
    }
    if (artifact.subject !== undefined && artifact.subject.digest !== digest) {
      checks.push({
        state: 'invalid',
        format: 'sigstore-bundle',
        reason: 'it is attached to another digest',
      });
      continue;
    }
    if (layer.size !== undefined && layer.size > maxSignatureBytes) {
      checks.push({ state: 'invalid', format: 'sigstore-bundle', reason: 'the bundle is too large to read' });
      continue;
    }
    const bytes = await client.fetchBlob(ref, layer.digest);
    let json: unknown;
    try {
      json = bytes.length > maxSignatureBytes ? undefined : JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      json = undefined;
    }
    if (json === undefined) {
      checks.push({ state: 'invalid', format: 'sigstore-bundle', reason: 'the bundle is not JSON' });
      continue;
    }
    manifestBytes ??= (await client.fetchManifest(ref, digest)).bytes;
    checks.push(verifyBundle(lookup.trust, json, digest, manifestBytes, imageNames(ref)));
  }
  return checks;
}

function spend(lookup: SignatureLookup, ref: ImageReference, pulls: number): void {
  const allowed = lookup.canSpend ?? ((at, count) => factsMaySpend(lookup.client, at, count));
  if (!allowed(ref, pulls)) throw new BudgetSpent();
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
