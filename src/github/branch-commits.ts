import type { GitHubClient } from './client.ts';
import { parseReply, withGitHubError } from './errors.ts';
import { CompareSchema } from './schemas-conversation.ts';
import type { RepoRef } from './types.ts';

/** A commit on a branch that is not on its base. */
export interface BranchCommit {
  readonly sha: string;
  /** GitHub login of the author, when the author's email belongs to an account. */
  readonly login: string | undefined;
  /** The author name written in the commit, for commits with no account. */
  readonly name: string | undefined;
  /** GitHub verified the signature (basepin's own commits are signed by GitHub). */
  readonly verified: boolean;
  /** The commit message, where basepin's trailer is read (`src/text/marks.ts`). */
  readonly message: string;
  /** Parent commit shas. */
  readonly parents: readonly string[];
}

/** The commits of a branch past its base, and how many there are (more than were read, on a long branch). */
export interface BranchCommits {
  readonly commits: readonly BranchCommit[];
  readonly total: number;
}

/** Commits read at most: three pages of 100. A branch with more is not basepin's anyway. */
export const maxComparedCommits = 300;
const perPage = 100;

/**
 * The commits on `head` that are not on `base` (compare `base...head`, oldest first), read a page of 100
 * at a time: with a paging parameter GitHub pages the commits from the earliest, and `total_commits` says
 * how many there are. Commits past `maxComparedCommits` are not read; `total` counts them.
 * https://docs.github.com/en/rest/commits/commits#compare-two-commits
 */
export async function listBranchCommits(
  octokit: GitHubClient,
  repo: RepoRef,
  base: string,
  head: string,
): Promise<BranchCommits> {
  const resource = `${base}...${head} in ${repo.owner}/${repo.repo}`;
  const commits: BranchCommit[] = [];
  let total = 0;
  for (let page = 1; page <= maxComparedCommits / perPage; page++) {
    const response = await withGitHubError('compare', resource, () =>
      octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${base}...${head}`,
        per_page: perPage,
        page,
      }),
    );
    const compare = parseReply(CompareSchema, response.data, 'compare', resource);
    total = compare.total_commits;
    commits.push(
      ...compare.commits.map((c) => ({
        sha: c.sha,
        login: c.author?.login,
        name: c.commit.author?.name,
        verified: c.commit.verification?.verified ?? false,
        message: c.commit.message,
        parents: (c.parents ?? []).map((parent) => parent.sha),
      })),
    );
    if (compare.commits.length < perPage || commits.length >= total) break;
  }
  return { total, commits };
}
