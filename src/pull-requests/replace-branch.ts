import type { GitDataApi } from '../github/index.ts';
import type { BranchCommit } from '../github/index.ts';
import type { FileWrite } from '../github/index.ts';
import { BranchMovedError } from '../github/index.ts';
import { foreignCommits, type KnownChanges } from './ownership.ts';

/** `1a2b3c4 by monalisa, 5d6e7f8 by "A Person"`: at most five, then a count. Logins and names come from commits. */
export function describeCommits(commits: readonly BranchCommit[]): string {
  const shown = commits
    .slice(0, 5)
    .map((c) => `${c.sha.slice(0, 7)} by ${c.login ?? JSON.stringify(c.name ?? 'unknown')}`);
  const more = commits.length - shown.length;
  return `commit${commits.length === 1 ? '' : 's'} ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Why the branch at `head` must not be replaced (commits basepin did not make), or undefined. */
export async function foreignRefusal(
  github: GitDataApi,
  baseBranch: string,
  head: string,
  known: KnownChanges,
): Promise<string | undefined> {
  const foreign = foreignCommits(await github.listBranchCommits(baseBranch, head), head, known);
  if (foreign.length === 0) return undefined;
  return `kept as it is: ${describeCommits(foreign)} ${foreign.length === 1 ? 'is' : 'are'} not basepin's; comment \`/basepin recreate\` to replace the branch anyway`;
}

export type Replacement =
  { readonly kind: 'moved'; readonly sha: string } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Commits `files` on `baseSha` and moves the branch to it from `head`, the sha the caller read (and checked).
 * When someone pushed meanwhile, the new head is checked again and the move retried once; a second move, or
 * a deleted branch, is the `BranchMovedError`.
 */
export async function replaceBranch(
  github: GitDataApi,
  input: {
    readonly branch: string;
    readonly head: string;
    readonly baseBranch: string;
    readonly baseSha: string;
    readonly message: string;
    readonly files: readonly FileWrite[];
    /** `/basepin recreate`: others' commits may go. */
    readonly overwrite: boolean;
    /** The changes basepin's own commits on this branch may carry. */
    readonly known: KnownChanges;
  },
): Promise<Replacement> {
  const sha = await github.writeCommit({
    baseSha: input.baseSha,
    message: input.message,
    files: input.files,
  });
  try {
    await github.moveBranchFrom({ branch: input.branch, expected: input.head, sha, fastForward: false });
    return { kind: 'moved', sha };
  } catch (error) {
    if (!(error instanceof BranchMovedError) || error.actual === undefined) throw error;
    if (!input.overwrite) {
      const reason = await foreignRefusal(github, input.baseBranch, error.actual, input.known);
      if (reason !== undefined) return { kind: 'refused', reason };
    }
    await github.moveBranchFrom({ branch: input.branch, expected: error.actual, sha, fastForward: false });
    return { kind: 'moved', sha };
  }
}
