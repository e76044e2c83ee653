import type { BranchCommit, BranchCommits } from '../github/index.ts';
import { readChangeTrailer } from '../text/marks.ts';
import type { PullRequestState } from './pr-state.ts';

/**
 * What a branch's pull request says basepin put there: the change ids it may carry (the one its state
 * block records and the one this run proposes, in case a run pushed it and then failed to update the body)
 * and the base commit its recorded change sits on.
 */
export interface KnownChanges {
  readonly changeIds: ReadonlySet<string>;
  /** The recorded state's base, for commits written before basepin marked its commits. */
  readonly recordedBase: string | undefined;
}

export function knownChanges(
  recorded: PullRequestState | undefined,
  proposed: PullRequestState | undefined,
): KnownChanges {
  const ids = [recorded?.changeId, proposed?.changeId].filter((id): id is string => id !== undefined);
  return { changeIds: new Set(ids), recordedBase: recorded?.base };
}

/**
 * Whether basepin made `commit`, from the marks it writes, never from who the token is (a personal token's
 * owner makes verified commits under the same login). A commit is basepin's when GitHub verified it and its
 * `Basepin-Change` trailer names a change the pull request knows. Commits from before the trailer carry
 * none: such a commit counts as basepin's when it is the branch's only commit, verified, and sits on the
 * base the pull request's state records, which is exactly what older versions pushed.
 */
function isBasepins(commit: BranchCommit, branch: BranchCommits, known: KnownChanges): boolean {
  if (!commit.verified) return false;
  const changeId = readChangeTrailer(commit.message);
  if (changeId !== undefined) return known.changeIds.has(changeId);
  return (
    branch.total === 1 &&
    branch.commits.length === 1 &&
    known.recordedBase !== undefined &&
    commit.parents.length === 1 &&
    commit.parents[0] === known.recordedBase
  );
}

/** The commits on the branch basepin did not make; commits past those listed are unknown, so counted too. */
export function foreignCommits(branch: BranchCommits, head: string, known: KnownChanges): BranchCommit[] {
  const foreign = branch.commits.filter((commit) => !isBasepins(commit, branch, known));
  const unread = branch.total - branch.commits.length;
  if (unread <= 0) return foreign;
  const more = `${unread} more commits`;
  return [...foreign, { sha: head, login: undefined, name: more, verified: false, message: '', parents: [] }];
}
