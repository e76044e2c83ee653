import type { ImageReference } from '../reference/index.ts';
import type { RegistryClient } from '../registry/index.ts';

/** HEADs spent on candidate tags (free on Docker Hub's pull limit, but still requests). */
export const maxTagProbes = 8;

/**
 * Other tags that point at `digest` and refine the tracked one (`3.20` → `3.20.3`): from one page of the tag list, candidates that start with the tag and a `.`/`-`, the most
 * specific first, each checked by HEAD. Empty when the registry has no tag list or none match.
 */
export async function siblingTags(
  client: RegistryClient,
  ref: ImageReference,
  digest: string,
  debug: (line: string) => void,
): Promise<string[]> {
  if (!client.listTags) return [];
  const tag = ref.trackedTag;
  try {
    const page = await client.listTags(ref);
    const candidates = refinements(page.tags, tag).slice(0, maxTagProbes);
    const found: string[] = [];
    for (const candidate of candidates) {
      const head = await client.describeManifest(ref, candidate).catch(() => undefined);
      if (head?.digest === digest) found.push(candidate);
    }
    if (page.more && found.length === 0)
      debug(`changelog: ${ref.familiarName} has more tags than one page; not read`);
    return found;
  } catch (error) {
    debug(`changelog: tags of ${ref.familiarName} not read (${(error as Error).message})`);
    return [];
  }
}

/** Tags that extend `tag` with a version part, highest version first (a moving tag follows the newest). */
export function refinements(tags: readonly string[], tag: string): string[] {
  const prefix = tag === 'latest' ? '' : tag;
  return tags
    .filter((candidate) => candidate !== tag && candidate.startsWith(prefix))
    .filter((candidate) =>
      prefix === '' ? /^v?\d/.test(candidate) : /^[.-]\d/.test(candidate.slice(prefix.length)),
    )
    .sort((a, b) => compareVersions(b, a));
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
