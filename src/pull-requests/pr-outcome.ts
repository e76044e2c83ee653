import type { PullRequest } from '../github/index.ts';

// What a run did with each pull request: the result open-prs returns and the summary and outputs report.

/**
 * - `created`/`updated`: a branch was pushed and its PR opened or refreshed.
 * - `unchanged`: the open PR already proposes exactly this on this base (or is kept; see `reason`).
 * - `closed`: the group has nothing left to propose; PR closed, branch deleted.
 * - `skipped`: a person closed a PR proposing these same digests.
 * - `failed`: GitHub refused; `reason` says what and where. Other groups still ran.
 * - `waiting`: a new pull request not opened because `maxPullRequests` are open; a later run opens it.
 */
export type PullRequestOperation =
  'created' | 'updated' | 'unchanged' | 'closed' | 'skipped' | 'failed' | 'waiting';

export interface PullRequestOutcome {
  readonly number?: number;
  readonly url?: string;
  readonly branch: string;
  readonly operation: PullRequestOperation;
  readonly reason?: string;
  /** True when nothing was written (`dryRun`): the operation is what would have been done. */
  readonly dryRun?: boolean;
}

export function done(
  pr: PullRequest | undefined,
  branch: string,
  operation: PullRequestOperation,
  extra: Partial<PullRequestOutcome> = {},
): PullRequestOutcome {
  return { ...(pr ? { number: pr.number, url: pr.url } : {}), branch, operation, ...extra };
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
