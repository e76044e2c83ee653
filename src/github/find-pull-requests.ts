import type { GitHubClient } from './client.ts';
import { withGitHubError } from './errors.ts';
import { toPullRequest } from './schemas.ts';
import type { PullRequest, RepoRef } from './types.ts';

// https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
// `head=owner:branch` only matches branches of the base repository's owner, never a fork's same-named branch.

/** The open pull request from `branch` of this repository, if any. */
export async function findOpenPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<PullRequest | undefined> {
  const response = await withGitHubError(
    'find open pull request',
    `from ${branch} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${branch}`, per_page: 10 }),
  );
  return response.data.map((pr) => toPullRequest(pr)).find((pr) => isOwnBranch(pr, repo, branch));
}

/** Open pull requests into `base` whose head is a branch of this repository starting with `headPrefix`. */
export async function listOpenPullRequests(
  octokit: GitHubClient,
  repo: RepoRef,
  filter: { readonly base: string; readonly headPrefix: string },
): Promise<PullRequest[]> {
  const all = await withGitHubError(
    'list open pull requests',
    `into ${filter.base} in ${repo.owner}/${repo.repo}`,
    () =>
      octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', base: filter.base, per_page: 100 }),
  );
  return all
    .map((pr) => toPullRequest(pr))
    .filter((pr) => pr.headRef.startsWith(filter.headPrefix) && isOwnBranch(pr, repo, pr.headRef));
}

/** Closed pull requests from `branch`, most recently closed first (at most `limit`). */
export async function listClosedPullRequests(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
  limit = 10,
): Promise<PullRequest[]> {
  const response = await withGitHubError(
    'list closed pull requests',
    `from ${branch} in ${repo.owner}/${repo.repo}`,
    () =>
      octokit.rest.pulls.list({
        ...repo,
        state: 'closed',
        head: `${repo.owner}:${branch}`,
        sort: 'updated',
        direction: 'desc',
        per_page: limit,
      }),
  );
  return response.data
    .map((pr) => toPullRequest(pr))
    .filter((pr) => isOwnBranch(pr, repo, branch))
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
}

function isOwnBranch(pr: PullRequest, repo: RepoRef, branch: string): boolean {
  return (
    pr.headRef === branch &&
    (pr.headRepository === undefined ||
      pr.headRepository.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase())
  );
}
