import type { Platform } from '../reference/index.ts';

/** What the matching reads of an index entry (an OCI descriptor). */
interface PlatformEntry {
  readonly platform?: Platform | undefined;
}

/**
 * Variants that are the default for their architecture, so `linux/arm64`
 * and `linux/arm64/v8` name the same thing (containerd's platforms.Normalize).
 */
const defaultVariant: Readonly<Record<string, string>> = { arm64: 'v8', amd64: 'v1', arm: 'v7' };

function normalVariant(platform: Platform): string | undefined {
  const variant = platform.variant === '' ? undefined : platform.variant;
  return variant ?? defaultVariant[platform.architecture];
}

export function samePlatform(a: Platform, b: Platform): boolean {
  return a.os === b.os && a.architecture === b.architecture && normalVariant(a) === normalVariant(b);
}

/** The index entries that are images (attestations are stored as `unknown/unknown`). */
export function imageEntries<T extends PlatformEntry>(
  manifests: readonly T[],
): (T & { platform: Platform })[] {
  return manifests.filter(
    (entry): entry is T & { platform: Platform } =>
      entry.platform !== undefined &&
      entry.platform.os !== 'unknown' &&
      entry.platform.architecture !== 'unknown',
  );
}

export function findPlatform<T extends PlatformEntry>(
  manifests: readonly T[],
  wanted: Platform,
): (T & { platform: Platform }) | undefined {
  return imageEntries(manifests).find((entry) => samePlatform(entry.platform, wanted));
}
