import type { GitHubRepository } from './repository.ts';

/**
 * The parts of GitHub a use case receives, by API area, so each use case names what it uses (and a
 * test stubs only that) instead of the whole `GitHubRepository`.
 */

/** Pull requests: list, read, open, update, close, and their labels, reviewers and assignees. */
export type PullRequestsApi = Pick<
  GitHubRepository,
  | 'findOpenPullRequest'
  | 'listOpenPullRequests'
  | 'listClosedPullRequests'
  | 'getPullRequest'
  | 'listChangedFiles'
  | 'createPullRequest'
  | 'updatePullRequest'
  | 'closePullRequest'
  | 'addLabels'
  | 'requestReviewers'
  | 'addAssignees'
>;

/** Issues: the dashboard's, found, read, created and edited. */
export type IssuesApi = Pick<
  GitHubRepository,
  'listLabelledIssues' | 'getIssue' | 'createIssue' | 'updateIssueBody' | 'closeIssue'
>;

/** Comments: who may run a command, the reaction and the reply. Whose a comment is, is read from its marker. */
export type CommentsApi = Pick<GitHubRepository, 'permissionOf' | 'react' | 'comment'>;

/** Git data: commits, branches and file contents. */
export type GitDataApi = Pick<
  GitHubRepository,
  | 'commitFiles'
  | 'writeCommit'
  | 'readBranch'
  | 'moveBranchFrom'
  | 'listBranchCommits'
  | 'deleteBranch'
  | 'readFileAt'
>;
