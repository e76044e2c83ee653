import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { familiarRepository, updateRepository, type Update } from '../update/index.ts';
import { branchName, branchSlug } from './branch-name.ts';

/** How updates are split into pull requests. */
export type { GroupBy } from '../config/schema.ts';
import type { GroupBy } from '../config/schema.ts';

/** The updates one pull request (one branch) proposes. */
export interface UpdateGroup {
  /** What the group is keyed on: `all`, a repository (`docker.io/library/alpine`) or a folder (`services/api`, `.`). */
  readonly key: string;
  readonly branch: string;
  /** Sorted by file, then line. */
  readonly updates: readonly Update[];
}

function groupKey(update: Update, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'all':
      return 'all';
    case 'image':
      return updateRepository(update);
    case 'directory':
      // The repository path the workspace listed: `services/api/Dockerfile` → `services/api`, `Dockerfile` → `.`.
      return posix.dirname(update.site.file);
  }
}

function keySlug(key: string, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'all':
      return 'all';
    case 'image':
      return branchSlug(familiarRepository(key));
    case 'directory':
      return key === '.' ? 'root' : branchSlug(key);
  }
}

function byFileThenLine(a: Update, b: Update): number {
  const fa = a.site.file;
  const fb = b.site.file;
  return fa < fb ? -1 : fa > fb ? 1 : a.site.line - b.site.line;
}

/**
 * Splits updates into pull requests. Branch names depend only on the group's key, so a group keeps its
 * branch from run to run; when two keys slug alike (`services/api`, `services-api`), both get a hash suffix.
 */
export function groupUpdates(
  updates: readonly Update[],
  groupBy: GroupBy,
  branchPrefix: string,
): UpdateGroup[] {
  const byKey = new Map<string, Update[]>();
  for (const update of updates) {
    const key = groupKey(update, groupBy);
    byKey.set(key, [...(byKey.get(key) ?? []), update]);
  }
  const slugs = new Map<string, string>();
  const slugCount = new Map<string, number>();
  for (const key of byKey.keys()) {
    const slug = keySlug(key, groupBy);
    slugs.set(key, slug);
    slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  }
  return [...byKey.entries()]
    .map(([key, members]) => {
      const slug = slugs.get(key) ?? 'all';
      const unique =
        (slugCount.get(slug) ?? 0) > 1
          ? `${slug}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}`
          : slug;
      return { key, branch: branchName(branchPrefix, unique), updates: [...members].sort(byFileThenLine) };
    })
    .sort((a, b) => (a.branch < b.branch ? -1 : a.branch > b.branch ? 1 : 0));
}
