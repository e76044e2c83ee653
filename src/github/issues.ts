import type { GitHubClient } from './client.ts';
import { parseReply, withGitHubError } from './errors.ts';
import { IssueSchema } from './schemas-conversation.ts';
import type { RepoRef } from './types.ts';

/** The fields of an issue (or of a pull request read as an issue) basepin reads. */
export interface Issue {
  readonly number: number;
  readonly url: string;
  readonly state: 'open' | 'closed';
  readonly title: string;
  readonly body: string;
  readonly author: string | undefined;
  readonly isPullRequest: boolean;
  /** Label names, as GitHub spells them. */
  readonly labels: readonly string[];
}

export function toIssue(payload: unknown, operation = 'read issue', resource = 'reply'): Issue {
  const issue = parseReply(IssueSchema, payload, operation, resource);
  return {
    number: issue.number,
    url: issue.html_url,
    state: issue.state,
    title: issue.title,
    body: issue.body ?? '',
    author: issue.user?.login,
    isPullRequest: issue.pull_request !== undefined,
    labels: (issue.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)),
  };
}

/** https://docs.github.com/en/rest/issues/issues#get-an-issue */
export async function getIssue(octokit: GitHubClient, repo: RepoRef, number: number): Promise<Issue> {
  const resource = `#${number} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('read issue', resource, () =>
    octokit.rest.issues.get({ ...repo, issue_number: number }),
  );
  return toIssue(response.data, 'read issue', resource);
}

/**
 * Open issues (not pull requests) with `label`, oldest first, whoever opened them: the candidates for
 * basepin's dashboard, told apart by its mark (`src/text/marks.ts`), never by author.
 * https://docs.github.com/en/rest/issues/issues#list-repository-issues
 */
export async function listLabelledIssues(
  octokit: GitHubClient,
  repo: RepoRef,
  label: string,
): Promise<Issue[]> {
  const resource = `labelled ${label} in ${repo.owner}/${repo.repo}`;
  const all = await withGitHubError('list issues', resource, () =>
    octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'open',
      labels: label,
      sort: 'created',
      direction: 'asc',
      per_page: 100,
    }),
  );
  return all.map((item) => toIssue(item, 'list issues', resource)).filter((issue) => !issue.isPullRequest);
}

/** https://docs.github.com/en/rest/issues/issues#update-an-issue (`state_reason: not_planned`) */
export async function closeIssue(octokit: GitHubClient, repo: RepoRef, number: number): Promise<void> {
  await withGitHubError('close issue', `#${number} in ${repo.owner}/${repo.repo}`, () =>
    octokit.rest.issues.update({
      ...repo,
      issue_number: number,
      state: 'closed',
      state_reason: 'not_planned',
    }),
  );
}

/** https://docs.github.com/en/rest/issues/issues#create-an-issue */
export async function createIssue(
  octokit: GitHubClient,
  repo: RepoRef,
  input: { readonly title: string; readonly body: string; readonly labels: readonly string[] },
): Promise<Issue> {
  const resource = `${input.title} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('create issue', resource, () =>
    octokit.rest.issues.create({ ...repo, title: input.title, body: input.body, labels: [...input.labels] }),
  );
  return toIssue(response.data, 'create issue', resource);
}

/** https://docs.github.com/en/rest/issues/issues#update-an-issue */
export async function updateIssueBody(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
  body: string,
): Promise<void> {
  await withGitHubError('update issue', `#${number} in ${repo.owner}/${repo.repo}`, () =>
    octokit.rest.issues.update({ ...repo, issue_number: number, body }),
  );
}
