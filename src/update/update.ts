import type { PinnableSite } from '../dockerfile/index.ts';
import type { TargetDigest } from '../resolve/index.ts';

/**
 * One site whose pin changes, and the digest it resolved to: the unit a pull request proposes
 * and a report lists. It points at the site and the target rather than copying their fields,
 * so it costs two references; what reports show is read through them (below) where it is shown.
 */
export interface Update {
  readonly site: PinnableSite;
  readonly target: TargetDigest;
}

/** Fully qualified repository, `docker.io/library/alpine`. */
export function updateRepository(update: Update): string {
  return update.site.reference.name;
}

/** The tag the site follows (`latest` when it names none). */
export function updateTag(update: Update): string {
  return update.site.reference.trackedTag;
}

/** The digest pinned before; undefined when the site was not pinned. */
export function updateFrom(update: Update): string | undefined {
  return update.site.reference.digest;
}

/** `file:line` of the site, as reports print it. */
export function updatePlace(update: Update): string {
  return `${update.site.file}:${update.site.line}`;
}
