import type { Platform } from '../reference/index.ts';
import type { Descriptor, ImageIndex } from './schemas.ts';

/**
 * BuildKit stores attestations in the index as `unknown/unknown` entries annotated with the image they
 * describe; they also carry `com.docker.official-images.bashbrew.arch`, so "the first manifest" is no guide.
 * https://github.com/moby/buildkit/blob/master/docs/attestations/attestation-storage.md
 */
export const referenceType = 'vnd.docker.reference.type';
export const referenceDigest = 'vnd.docker.reference.digest';
export const attestationManifest = 'attestation-manifest';

/** What the platform matching reads of an index entry (an OCI descriptor). */
interface PlatformEntry {
  readonly platform?: Platform | undefined;
  readonly annotations?: Readonly<Record<string, string>> | undefined;
}

/**
 * Variants that are the default for their architecture, so `linux/arm64` and `linux/arm64/v8` name
 * the same thing (containerd's platforms.Normalize).
 */
const defaultVariant: Readonly<Record<string, string>> = { arm64: 'v8', amd64: 'v1', arm: 'v7' };

function normalVariant(platform: Platform): string | undefined {
  const variant = platform.variant === '' ? undefined : platform.variant;
  return variant ?? defaultVariant[platform.architecture];
}

export function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && normalVariant(a) === normalVariant(b);
}

/** The platform a key names (`linux/arm64/v8`, `windows/amd64 10.0.20348.2340`: the OS version is not matched). */
function platformOfKey(key: string): Platform {
  const [os = '', architecture = '', variant] = (key.split(' ')[0] ?? '').split('/');
  return { os, architecture, variant: variant || undefined };
}

/** `samePlatform` for platforms written as keys (`platformKey`, the `platform` setting's text). */
export function samePlatformKey(key: string, wanted: string): boolean {
  return samePlatform(platformOfKey(key), platformOfKey(wanted));
}

/** `linux/arm64/v8`; Windows entries add their OS version (`windows/amd64 10.0.20348.2340`), which tells them apart. */
export function platformKey(platform: Platform & { readonly 'os.version'?: string | undefined }): string {
  const base = [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
  return platform['os.version'] ? `${base} ${platform['os.version']}` : base;
}

/**
 * The attestation filter: an index entry is an image when it names a platform that is not
 * `unknown/unknown` and is not annotated as a reference to another entry (an attestation manifest).
 */
export function isImageEntry<T extends PlatformEntry>(entry: T): entry is T & { platform: Platform } {
  return (
    entry.platform !== undefined &&
    entry.platform.os !== 'unknown' &&
    entry.platform.architecture !== 'unknown' &&
    entry.annotations?.[referenceType] === undefined
  );
}

/** The index entries that are images (see `isImageEntry`). */
export function imageEntries<T extends PlatformEntry>(
  manifests: readonly T[],
): (T & { platform: Platform })[] {
  return manifests.filter(isImageEntry);
}

/** The image entry for a platform, the first when the index repeats it (as a runtime picks it). */
export function findPlatform<T extends PlatformEntry>(
  manifests: readonly T[],
  wanted: Platform,
): (T & { platform: Platform }) | undefined {
  return imageEntries(manifests).find((entry) => samePlatform(entry.platform, wanted));
}

/** BuildKit's attestation manifest for the image `digest`, when the index holds one. */
export function attestationFor(index: ImageIndex, digest: string): Descriptor | undefined {
  return index.manifests.find(
    (entry) =>
      entry.annotations?.[referenceType] === attestationManifest &&
      entry.annotations[referenceDigest] === digest,
  );
}
