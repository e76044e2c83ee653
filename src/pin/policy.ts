import picomatch from 'picomatch';
import { isPinnableSite, type ImageSite, type PinnableSite } from '../dockerfile/index.ts';
import { excludedImage } from '../update/index.ts';

/** What a run does with one site. */
export type SiteDecision =
  /** The site, with its reference and pin target known to be there. */
  | { readonly action: 'resolve'; readonly site: PinnableSite }
  | { readonly action: 'skip'; readonly reason: string }
  | { readonly action: 'invalid'; readonly reason: string };

export interface PolicyOptions {
  /** Globs matched against the familiar name (`node`), the full name (`docker.io/library/node`) and both with `:tag`. */
  readonly excludeImages: readonly string[];
}

export type SitePolicy = (site: ImageSite) => SiteDecision;

export function createSitePolicy(options: PolicyOptions): SitePolicy {
  const isExcluded = options.excludeImages.length
    ? picomatch([...options.excludeImages], { dot: true })
    : () => false;
  return (site) => {
    if (site.status === 'invalid') return { action: 'invalid', reason: site.reason ?? 'invalid reference' };
    if (site.status === 'skipped' || !isPinnableSite(site)) {
      return { action: 'skip', reason: site.reason ?? 'nothing to follow' };
    }
    const ref = site.reference;
    const names = [
      ref.familiarName,
      ref.name,
      `${ref.familiarName}:${ref.trackedTag}`,
      `${ref.name}:${ref.trackedTag}`,
    ];
    const pattern = names.find((name) => isExcluded(name));
    // Held back before resolution, so no registry is asked about an excluded image.
    if (pattern !== undefined) return { action: 'skip', reason: excludedImage(pattern).message };
    return { action: 'resolve', site };
  };
}
