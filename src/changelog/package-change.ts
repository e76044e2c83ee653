import type { ImageSnapshot, SbomPackage } from './facts/index.ts';

/** Both sides' SBOM packages for the platforms used. */
export interface SbomPackageChange {
  readonly before: readonly SbomPackage[];
  readonly after: readonly SbomPackage[];
}

/**
 * The packages of the platforms whose SBOM was read on both sides, concatenated (the vulnerability check
 * dedupes keys); undefined when there is none. A platform identical on both sides has no SBOM read: it
 * cannot change what is known about it.
 */
export function packageChangeOf(
  before: ImageSnapshot | undefined,
  after: ImageSnapshot,
): SbomPackageChange | undefined {
  const old = new Map(before?.details.map((detail) => [detail.platform, detail.packages]));
  const pairs = after.details.flatMap((detail) => {
    const was = old.get(detail.platform);
    return was?.length && detail.packages?.length ? [[was, detail.packages] as const] : [];
  });
  if (!pairs.length) return undefined;
  return { before: pairs.flatMap(([was]) => was), after: pairs.flatMap(([, now]) => now) };
}
