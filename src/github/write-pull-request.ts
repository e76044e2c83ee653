import type { GitHubClient } from './client.ts';
import { GitHubError, GitHubMessage, withGitHubError } from './errors.ts';
import { findOpenPullRequest } from './find-pull-requests.ts';
import { toPullRequest } from './schemas.ts';
import type { PullRequest, RepoRef } from './types.ts';

export interface PullRequestContent {
  readonly title: string;
  readonly body: string;
}

export interface CreatePullRequestInput extends PullRequestContent {
  readonly head: string;
  readonly base: string;
  readonly draft: boolean;
}

export interface CreatedPullRequest {
  readonly pullRequest: PullRequest;
  /** False when another run opened it first and this one updated it instead. */
  readonly created: boolean;
}

/**
 * Opens a pull request. When GitHub answers 422 "A pull request already exists" (another run won the race),
 * the existing one is found and given this title and body. A repository that cannot hold drafts (a private
 * one on GitHub Free) gets a pull request ready for review rather than none.
 * https://docs.github.com/en/rest/pulls/pulls#create-a-pull-request
 */
export async function createPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  input: CreatePullRequestInput,
): Promise<CreatedPullRequest> {
  try {
    return { pullRequest: await openPullRequest(octokit, repo, input), created: true };
  } catch (error) {
    if (!(error instanceof GitHubError && error.status === 422)) throw error;
    if (input.draft && error.mentions(GitHubMessage.DraftsUnsupported)) {
      return createPullRequest(octokit, repo, { ...input, draft: false });
    }
    if (!error.mentions(GitHubMessage.PullRequestExists)) throw error;
    const existing = await findOpenPullRequest(octokit, repo, input.head);
    if (existing === undefined) throw error;
    return { pullRequest: await updatePullRequest(octokit, repo, existing.number, input), created: false };
  }
}

async function openPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  input: CreatePullRequestInput,
): Promise<PullRequest> {
  const resource = `${input.head} → ${input.base} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('create pull request', resource, () =>
    octokit.rest.pulls.create({
      ...repo,
      head: input.head,
      base: input.base,
      title: input.title,
      body: input.body,
      draft: input.draft,
    }),
  );
  return toPullRequest(response.data);
}

/** https://docs.github.com/en/rest/pulls/pulls#update-a-pull-request */
export async function updatePullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  content: PullRequestContent,
): Promise<PullRequest> {
  const response = await withGitHubError(
    'update pull request',
    `#${number} in ${repo.owner}/${repo.repo}`,
    () =>
      octokit.rest.pulls.update({ ...repo, pull_number: number, title: content.title, body: content.body }),
  );
  return toPullRequest(response.data);
}

/**
 * Comments, then closes with a new body (basepin marks its own closes in the state block, so a later run
 * can tell them from a person's).
 */
export async function closePullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  close: { readonly comment: string; readonly body: string },
): Promise<void> {
  const resource = `#${number} in ${repo.owner}/${repo.repo}`;
  await withGitHubError('comment on pull request', resource, () =>
    octokit.rest.issues.createComment({ ...repo, issue_number: number, body: close.comment }),
  );
  await withGitHubError('close pull request', resource, () =>
    octokit.rest.pulls.update({ ...repo, pull_number: number, state: 'closed', body: close.body }),
  );
}
