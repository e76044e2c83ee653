import type { ContentDescriptor, ImageIndex } from './schemas.ts';

/**
 * BuildKit stores attestations in the index as `unknown/unknown` entries annotated with the image they
 * describe; they also carry `com.docker.official-images.bashbrew.arch`, so "the first manifest" is no guide.
 * https://github.com/moby/buildkit/blob/master/docs/attestations/attestation-storage.md
 */
export const referenceType = 'vnd.docker.reference.type';
export const referenceDigest = 'vnd.docker.reference.digest';
export const attestationManifest = 'attestation-manifest';

type PlatformLike = NonNullable<ContentDescriptor['platform']>;
type ImageEntry = ContentDescriptor & { platform: PlatformLike };

/** What GitHub-hosted runners build when a repository names no platform. */
export const defaultPlatform = 'linux/amd64';

/** `linux/arm64/v8`; Windows entries add their OS version (`windows/amd64 10.0.20348.2340`), which tells them apart. */
export function platformKey(platform: PlatformLike): string {
  const base = [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
  return platform['os.version'] ? `${base} ${platform['os.version']}` : base;
}

const defaultVariant: Readonly<Record<string, string>> = { arm64: 'v8', amd64: 'v1', arm: 'v7' };

/** `linux/arm64` and `linux/arm64/v8` name the same platform (containerd's platforms.Normalize). */
export function samePlatform(key: string, wanted: string): boolean {
  const normal = (text: string) => {
    const [os = '', architecture = '', variant] = (text.split(' ')[0] ?? '').split('/');
    return `${os}/${architecture}/${variant || (defaultVariant[architecture] ?? '')}`;
  };
  return normal(key) === normal(wanted);
}

export function isImageEntry(entry: ContentDescriptor): entry is ImageEntry {
  return (
    entry.platform !== undefined &&
    entry.platform.os !== 'unknown' &&
    entry.platform.architecture !== 'unknown' &&
    entry.annotations?.[referenceType] === undefined
  );
}

/** The index's images as platform → digest (a repeated platform keeps its first entry, as a runtime picks it). */
export function imagePlatforms(index: ImageIndex): Record<string, string> {
  const platforms: Record<string, string> = {};
  for (const entry of index.manifests.filter(isImageEntry)) {
    platforms[platformKey(entry.platform)] ??= entry.digest;
  }
  return platforms;
}

/** The entries for the platforms the repository uses; when it names none, linux/amd64 (else the first image). */
export function relevantEntries(index: ImageIndex, used: readonly string[] | undefined): ImageEntry[] {
  const images = index.manifests.filter(isImageEntry);
  const wanted = used?.length ? used : [defaultPlatform];
  const picked = wanted
    .map((platform) => images.find((entry) => samePlatform(platformKey(entry.platform), platform)))
    .filter((entry): entry is ImageEntry => entry !== undefined);
  if (picked.length === 0 && !used?.length && images[0]) return [images[0]];
  return [...new Set(picked)];
}

/** BuildKit's attestation manifest for the image `digest`, when the index holds one. */
export function attestationFor(index: ImageIndex, digest: string): ContentDescriptor | undefined {
  return index.manifests.find(
    (entry) =>
      entry.annotations?.[referenceType] === attestationManifest &&
      entry.annotations[referenceDigest] === digest,
  );
}
