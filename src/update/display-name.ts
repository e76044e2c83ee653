import { parseImageReference } from '../reference/index.ts';
import { updateTag, type Update } from './update.ts';

/**
 * How an update's image reads in titles, bodies, the dashboard and changelogs: `alpine:3.20`,
 * `ghcr.io/org/app:1`. Taken from the site's parsed reference, never parsed again from a string.
 */
export function updateImageName(update: Update): string {
  return `${update.site.reference.familiarName}:${updateTag(update)}`;
}

/**
 * Docker's short name for a fully qualified repository held as a string (a group's key, an ignore
 * rule), where no parsed reference is at hand: `docker.io/library/alpine` → `alpine`.
 */
export function familiarRepository(repository: string): string {
  try {
    return parseImageReference(repository).familiarName;
  } catch {
    return repository;
  }
}
