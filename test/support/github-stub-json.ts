import {
  repositoryJson,
  repoUrl,
  userJson,
  type StoredComment,
  type StoredPullRequest,
  type StubState,
} from './github-stub-state.ts';

/** GitHub's JSON for the stub's pull requests, issues, labels and comments. https://docs.github.com/en/rest/pulls/pulls */

export function htmlUrl(state: StubState, number: number): string {
  return `${state.serverUrl}/${state.owner}/${state.repo}/pull/${number}`;
}

export function labelJson(state: StubState, name: string): Record<string, unknown> {
  const label = state.labels.get(name.toLowerCase());
  return {
    id: label?.id ?? 0,
    node_id: `LA_${label?.id ?? 0}`,
    url: `${repoUrl(state)}/labels/${encodeURIComponent(name)}`,
    name: label?.name ?? name,
    color: label?.color ?? 'ededed',
    default: false,
    description: null,
  };
}

function branchJson(state: StubState, branch: string, sha: string): Record<string, unknown> {
  return {
    label: `${state.owner}:${branch}`,
    ref: branch,
    sha,
    user: userJson(state, state.owner),
    repo: repositoryJson(state),
  };
}

/** "pull-request-simple" (lists) or, with `full`, "pull-request" (single). */
export function pullRequestJson(
  state: StubState,
  pr: StoredPullRequest,
  full = false,
): Record<string, unknown> {
  const url = `${repoUrl(state)}/pulls/${pr.number}`;
  return {
    url,
    id: 100_000 + pr.number,
    node_id: `PR_${pr.number}`,
    html_url: htmlUrl(state, pr.number),
    diff_url: `${htmlUrl(state, pr.number)}.diff`,
    issue_url: `${repoUrl(state)}/issues/${pr.number}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: userJson(state, pr.user),
    body: pr.body,
    labels: pr.labels.map((name) => labelJson(state, name)),
    milestone: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: pr.assignees[0] === undefined ? null : userJson(state, pr.assignees[0]),
    assignees: pr.assignees.map((login) => userJson(state, login)),
    requested_reviewers: pr.requestedReviewers.map((login) => userJson(state, login)),
    requested_teams: pr.requestedTeams.map((slug) => ({ id: 1, slug, name: slug })),
    draft: pr.draft,
    head: branchJson(state, pr.head, pr.headSha),
    base: branchJson(state, pr.base, state.refs.get(pr.base) ?? ''),
    author_association: 'NONE',
    ...(full
      ? {
          merged: pr.merged,
          mergeable: pr.state === 'open' ? true : null,
          mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
          merged_by: pr.merged ? userJson(state, 'a-person') : null,
          comments: state.comments.get(pr.number)?.length ?? 0,
        }
      : {}),
  };
}

export function issueJson(state: StubState, pr: StoredPullRequest): Record<string, unknown> {
  return {
    id: 200_000 + pr.number,
    url: `${repoUrl(state)}/issues/${pr.number}`,
    html_url: htmlUrl(state, pr.number),
    number: pr.number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    user: userJson(state, pr.user),
    labels: pr.labels.map((name) => labelJson(state, name)),
    assignees: pr.assignees.map((login) => userJson(state, login)),
    pull_request: { url: `${repoUrl(state)}/pulls/${pr.number}`, html_url: htmlUrl(state, pr.number) },
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
  };
}

export function commentJson(
  state: StubState,
  number: number,
  comment: StoredComment,
): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${repoUrl(state)}/issues/comments/${comment.id}`,
    html_url: `${htmlUrl(state, number)}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl(state)}/issues/${number}`,
    body: comment.body,
    user: userJson(state, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
    author_association: 'NONE',
  };
}
