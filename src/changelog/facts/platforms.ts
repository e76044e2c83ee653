import {
  isImageEntry,
  platformKey,
  samePlatformKey,
  type Descriptor,
  type ImageIndex,
} from '../../oci/index.ts';

type ImageEntry = Descriptor & { platform: NonNullable<Descriptor['platform']> };

/** What GitHub-hosted runners build when a repository names no platform. */
export const defaultPlatform = 'linux/amd64';

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
    .map((platform) => images.find((entry) => samePlatformKey(platformKey(entry.platform), platform)))
    .filter((entry): entry is ImageEntry => entry !== undefined);
  if (picked.length === 0 && !used?.length && images[0]) return [images[0]];
  return [...new Set(picked)];
}
