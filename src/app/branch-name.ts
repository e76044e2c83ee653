import { createHash } from 'node:crypto';

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

/** Why `name` breaks git's ref rules, or undefined when it is a valid branch name. */
export function branchNameProblem(name: string): string | undefined {
  if (name === '' || name === '@') return 'it is empty or "@"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'it contains a space, control character or one of ~^:?*[\\';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name.includes('//') || name.startsWith('/') || name.endsWith('/'))
    return 'it has an empty path component';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `component ${JSON.stringify(component)} starts with "."`;
    if (component.endsWith('.lock')) return `component ${JSON.stringify(component)} ends with ".lock"`;
  }
  return undefined;
}

/** `prefix + slug`, checked against git's rules (a bad prefix from the settings throws here). */
export function branchName(prefix: string, slug: string): string {
  const name = prefix + slug;
  const problem = branchNameProblem(name);
  if (problem !== undefined) throw new BranchNameError(name, problem);
  return name;
}
