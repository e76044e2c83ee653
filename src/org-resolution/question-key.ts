import type { ImageReference } from '../reference/index.ts';

/**
 * The key of one registry question in the resolution file, as the memoizing client tells questions apart:
 * a tag by repository and tracked tag, a manifest or blob by repository and tag or digest.
 */
export const questionKey = {
  tag: (ref: ImageReference) => `tag ${ref.name}:${ref.trackedTag}`,
  describe: (ref: ImageReference, tagOrDigest: string) => `describe ${ref.name}@${tagOrDigest}`,
  manifest: (ref: ImageReference, tagOrDigest: string) => `manifest ${ref.name}@${tagOrDigest}`,
  blob: (ref: ImageReference, digest: string) => `blob ${ref.name}@${digest}`,
  tags: (ref: ImageReference) => `tags ${ref.name}`,
  referrers: (ref: ImageReference, digest: string) => `referrers ${ref.name}@${digest}`,
} as const;
