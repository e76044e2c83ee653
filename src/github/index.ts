export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.ts';
export { commitFiles, type CommitFilesInput } from './commit-files.ts';
export { deleteBranch } from './delete-branch.ts';
export {
  GitHubError,
  GitHubMessage,
  GitHubPayloadError,
  parseReply,
  toGitHubError,
  withGitHubError,
} from './errors.ts';
export { findOpenPullRequest, listClosedPullRequests, listOpenPullRequests } from './find-pull-requests.ts';
export { addAssignees, addLabels, requestReviewers, type ConsistencyRetry } from './pull-request-metadata.ts';
export { createGitHubRepository, type GitHubRepository } from './repository.ts';
export type { FileWrite, GitHubLog, PullRequest, RepoRef } from './types.ts';
export {
  closePullRequest,
  createPullRequest,
  updatePullRequest,
  type CreatedPullRequest,
  type CreatePullRequestInput,
  type PullRequestContent,
} from './write-pull-request.ts';
export { readRunEvent, type RunEvent } from './event.ts';
export { getDefaultBranch } from './default-branch.ts';
export * from './branch-commits.ts';
export * from './issues.ts';
export * from './permission.ts';
export * from './pull-request-files.ts';
export * from './update-branch.ts';
export type { CommentsApi, GitDataApi, IssuesApi, PullRequestsApi } from './ports.ts';
