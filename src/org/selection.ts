import picomatch from 'picomatch';
import type { OrgRepository, SkippedRepository, SkipReason } from './repository.ts';

/**
 * Which repositories an organisation run covers: `all`, or names and glob patterns (`acme/svc-*`). A
 * pattern without `/` is matched against the repository's name alone, in any owner. GitHub compares
 * names without case, and so does the selection.
 */
export type RepositorySelection =
  { readonly kind: 'all' } | { readonly kind: 'patterns'; readonly patterns: readonly string[] };

export class RepositorySelectionError extends Error {
  override readonly name = 'RepositorySelectionError';
}

/**
 * `owner/name` or `name` as GitHub spells them, or globs over them: an owner has letters, digits and `-`, a
 * name also `.` and `_`; glob characters in either.
 */
const patternShape = /^(?:[A-Za-z0-9*?![\]{},-]+\/)?[A-Za-z0-9._*?![\]{},-]+$/;

/** The `repositories` input: `all`, or entries separated by commas, spaces or new lines. */
export function parseRepositorySelection(text: string): RepositorySelection {
  const entries = splitEntries(text);
  if (entries.length === 0) {
    throw new RepositorySelectionError(
      'repositories: expected `all` or a list of owner/name or glob patterns',
    );
  }
  if (entries.length === 1 && entries[0]!.toLowerCase() === 'all') return { kind: 'all' };
  for (const entry of entries) {
    if (entry.toLowerCase() === 'all') {
      throw new RepositorySelectionError('repositories: `all` stands alone, not in a list');
    }
    if (!patternShape.test(entry) || /(^|\/)\.{1,2}$/.test(entry)) {
      throw new RepositorySelectionError(
        `repositories: ${JSON.stringify(entry)} is not owner/name, a name or a glob pattern over them`,
      );
    }
  }
  return { kind: 'patterns', patterns: entries };
}

/** Entries split at white space and at commas outside braces, so `acme/{api,web}` stays one glob. */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth += 1;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (/\s/.test(char) || (char === ',' && depth === 0)) {
      if (current !== '') entries.push(current);
      current = '';
      depth = 0;
    } else current += char;
  }
  if (current !== '') entries.push(current);
  return entries;
}

export interface SelectedRepositories {
  /** The repositories to run over, in the installation's order. */
  readonly selected: readonly OrgRepository[];
  /** Matched but left out, each with the reason. */
  readonly skipped: readonly SkippedRepository[];
  /** Entries that matched no repository the installation sees (a typo, or no access). */
  readonly unmatched: readonly string[];
}

function skipReason(repository: OrgRepository): SkipReason | undefined {
  if (repository.archived) return 'archived';
  if (repository.disabled) return 'disabled';
  if (repository.fork) return 'fork';
  if (repository.empty) return 'empty';
  return undefined;
}

/** The repositories of `listed` the selection names, less the ones that cannot or should not be pinned. */
export function selectRepositories(
  listed: readonly OrgRepository[],
  selection: RepositorySelection,
): SelectedRepositories {
  const matchers =
    selection.kind === 'all'
      ? []
      : selection.patterns.map((pattern) => ({
          pattern,
          test: picomatch(pattern.toLowerCase(), { dot: true }),
          onName: !pattern.includes('/'),
        }));
  const used = new Set<string>();
  const selected: OrgRepository[] = [];
  const skipped: SkippedRepository[] = [];
  for (const repository of listed) {
    if (selection.kind === 'patterns') {
      const full = repository.fullName.toLowerCase();
      const name = repository.name.toLowerCase();
      const hits = matchers.filter((m) => m.test(m.onName ? name : full));
      if (hits.length === 0) continue;
      for (const hit of hits) used.add(hit.pattern);
    }
    const reason = skipReason(repository);
    if (reason === undefined) selected.push(repository);
    else skipped.push({ repository: repository.fullName, reason });
  }
  const unmatched = matchers.filter((m) => !used.has(m.pattern)).map((m) => m.pattern);
  return { selected, skipped, unmatched };
}
