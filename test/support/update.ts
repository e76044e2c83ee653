// Updates as a pin run makes them: the site extraction finds in a text, and the digest it resolved to.
import type { Update } from '../../src/update/update.ts';
import { extractImageSites, isPinnableSite } from '../../src/dockerfile/index.ts';
import type { TargetDigest } from '../../src/resolve/target-digest.ts';

interface UpdateOptions {
  readonly file: string;
  readonly text: string;
  /** The reference text as written in `text`: the update is of the site extraction finds there. */
  readonly written: string;
  readonly to: string;
}

/** The update of the site written `written` in `text`, resolved to `to`; site and pin target are extraction's. */
export function updateOf(options: UpdateOptions, target: Partial<TargetDigest> = {}): Update {
  const site = extractImageSites(options.file, options.text).find((s) => s.written === options.written);
  if (!site || !isPinnableSite(site))
    throw new Error(`${options.written} is no pinnable site of ${options.file}`);
  return {
    site,
    target: { digest: options.to, mediaType: 'application/vnd.oci.image.index.v1+json', ...target },
  };
}

/** `update` as if its site were at `file` (and `line`): for tests of grouping and sorting. */
export function movedTo(update: Update, file: string, line = update.site.line): Update {
  return { ...update, site: { ...update.site, file, line } };
}
