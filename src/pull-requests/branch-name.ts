import { createHash } from 'node:crypto';
import { branchNameProblem } from '../config/git-branch.ts';

/** A branch prefix that git would refuse (`git check-ref-format`). */
export class BranchNameError extends Error {
  override readonly name = 'BranchNameError';
  readonly branch: string;

  constructor(branch: string, why: string) {
    super(`branch name ${JSON.stringify(branch)} is not a valid git branch: ${why}`);
    this.branch = branch;
  }
}

const maxSlugLength = 60;

/**
 * A branch-name component from free text (`ghcr.io/org/app` → `ghcr-io-org-app`, `services/api` →
 * `services-api`): lowercase `[a-z0-9_-]` with one `-` between words (so never `..`, `.lock` or a
 * leading `.`, which git refuses). Long names keep a prefix plus a hash of the whole, so they stay unique and stable.
 * https://git-scm.com/docs/git-check-ref-format
 */
export function branchSlug(text: string, fallback = 'root'): string {
  let slug = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') slug = fallback;
  if (slug.length > maxSlugLength) {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    slug = `${slug.slice(0, maxSlugLength - 9).replace(/-+$/, '')}-${hash}`;
  }
  return slug;
}

/** `prefix + slug`, checked against git's rules (a bad prefix from the settings throws here). */
export function branchName(prefix: string, slug: string): string {
  const name = prefix + slug;
  const problem = branchNameProblem(name);
  if (problem !== undefined) throw new BranchNameError(name, problem);
  return name;
}
