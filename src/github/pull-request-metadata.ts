import type { GitHubClient } from './client.ts';
import { GitHubError, GitHubMessage, withGitHubError } from './errors.ts';
import type { RepoRef } from './types.ts';

/**
 * Just after a pull request is created, GitHub's issue side may not know it yet and answer 404 or 422;
 * these calls are retried a bounded number of times.
 */
export interface ConsistencyRetry {
  readonly attempts: number;
  readonly delayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const defaultConsistencyRetry: ConsistencyRetry = { attempts: 4, delayMs: 1000 };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withConsistencyRetry<T>(retry: ConsistencyRetry, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const transient =
        error instanceof GitHubError &&
        (error.status === 404 || error.status === 422) &&
        !error.mentions(GitHubMessage.ReviewersNotCollaborators);
      if (!transient || attempt >= retry.attempts) throw error;
      await (retry.sleep ?? sleepFor)(retry.delayMs * attempt);
    }
  }
}

/** https://docs.github.com/en/rest/issues/labels#add-labels-to-an-issue */
export async function addLabels(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  labels: readonly string[],
  retry: ConsistencyRetry = defaultConsistencyRetry,
): Promise<void> {
  if (labels.length === 0) return;
  await withConsistencyRetry(retry, () =>
    withGitHubError('add labels', `${labels.join(', ')} to #${number} in ${repo.owner}/${repo.repo}`, () =>
      octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: [...labels] }),
    ),
  );
}

/** Said once with GitHub's own words when it refuses reviewers: the usual cause under GITHUB_TOKEN. */
export const teamReviewersHint =
  'reviewers must be collaborators; team reviewers need a GitHub App or personal access token as `token:` (GITHUB_TOKEN cannot see organisation teams)';

/**
 * `org/team` names a team (its slug after the slash), anything else a user. GitHub's 422 for reviewers who
 * are not collaborators (or teams the token cannot see) is final: it fails once, with the hint, unretried.
 * https://docs.github.com/en/rest/pulls/review-requests#request-reviewers-for-a-pull-request
 */
export async function requestReviewers(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  reviewers: readonly string[],
  retry: ConsistencyRetry = defaultConsistencyRetry,
): Promise<void> {
  if (reviewers.length === 0) return;
  const users = reviewers.filter((name) => !name.includes('/'));
  const teams = reviewers
    .filter((name) => name.includes('/'))
    .map((name) => name.slice(name.indexOf('/') + 1));
  const resource = `${reviewers.join(', ')} on #${number} in ${repo.owner}/${repo.repo}`;
  try {
    await withConsistencyRetry(retry, () =>
      withGitHubError('request reviewers', resource, () =>
        octokit.rest.pulls.requestReviewers({
          ...repo,
          pull_number: number,
          reviewers: users,
          team_reviewers: teams,
        }),
      ),
    );
  } catch (error) {
    if (!(error instanceof GitHubError) || !error.mentions(GitHubMessage.ReviewersNotCollaborators))
      throw error;
    throw new GitHubError(
      error.operation,
      error.resource,
      error.status,
      [...error.details, teamReviewersHint],
      error,
    );
  }
}

/** https://docs.github.com/en/rest/issues/assignees#add-assignees-to-an-issue */
export async function addAssignees(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  assignees: readonly string[],
  retry: ConsistencyRetry = defaultConsistencyRetry,
): Promise<void> {
  if (assignees.length === 0) return;
  await withConsistencyRetry(retry, () =>
    withGitHubError(
      'add assignees',
      `${assignees.join(', ')} to #${number} in ${repo.owner}/${repo.repo}`,
      () => octokit.rest.issues.addAssignees({ ...repo, issue_number: number, assignees: [...assignees] }),
    ),
  );
}
