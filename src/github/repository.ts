import { BaseTree } from './base-tree.ts';
import { listBranchCommits, type BranchCommits } from './branch-commits.ts';
import type { GitHubClient } from './client.ts';
import { createComment, reactToComment, type CommandReaction, type PostedComment } from './comments.ts';
import { commitFiles, writeCommit, type CommitFilesInput } from './commit-files.ts';
import { getTokenIdentity, loginOf } from './identity.ts';
import {
  closeIssue,
  createIssue,
  getIssue,
  listLabelledIssues,
  updateIssueBody,
  type Issue,
} from './issues.ts';
import { getPermission, type PermissionLevel } from './permission.ts';
import { getPullRequest, listChangedFiles, readFileAt } from './pull-request-files.ts';
import { moveBranchFrom, readBranch } from './update-branch.ts';
import { deleteBranch } from './delete-branch.ts';
import { findOpenPullRequest, listClosedPullRequests, listOpenPullRequests } from './find-pull-requests.ts';
import {
  addAssignees,
  addLabels,
  defaultConsistencyRetry,
  requestReviewers,
  type ConsistencyRetry,
} from './pull-request-metadata.ts';
import type { GitCommit } from './schemas.ts';
import type { PullRequest, RepoRef } from './types.ts';
import {
  closePullRequest,
  createPullRequest,
  updatePullRequest,
  type CreatedPullRequest,
  type CreatePullRequestInput,
  type PullRequestContent,
} from './write-pull-request.ts';

/** What the use cases need from GitHub, for one repository. Stub it in a few lines in tests. */
export interface GitHubRepository {
  readonly repo: RepoRef;
  /** Commit on `baseSha` and point the branch at it; returns the commit sha. */
  commitFiles(input: CommitFilesInput): Promise<string>;
  findOpenPullRequest(branch: string): Promise<PullRequest | undefined>;
  listOpenPullRequests(filter: {
    readonly base: string;
    readonly headPrefix: string;
  }): Promise<PullRequest[]>;
  /** Most recently closed first. */
  listClosedPullRequests(branch: string): Promise<PullRequest[]>;
  createPullRequest(input: CreatePullRequestInput): Promise<CreatedPullRequest>;
  updatePullRequest(number: number, content: PullRequestContent): Promise<PullRequest>;
  closePullRequest(number: number, close: { readonly comment: string; readonly body: string }): Promise<void>;
  deleteBranch(branch: string): Promise<void>;
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  requestReviewers(number: number, reviewers: readonly string[]): Promise<void>;
  addAssignees(number: number, assignees: readonly string[]): Promise<void>;

  // Comment commands and the dashboard.
  /**
   * The token's login as GitHub gave it (asked once), or `unknownLogin` when GitHub would not say: for
   * messages only, never to decide what basepin made (`marks.ts` does that).
   */
  identity(): Promise<string>;
  permissionOf(user: string): Promise<PermissionLevel>;
  react(commentId: number, content: CommandReaction): Promise<void>;
  comment(issue: number, body: string): Promise<PostedComment>;
  getIssue(number: number): Promise<Issue>;
  createIssue(input: {
    readonly title: string;
    readonly body: string;
    readonly labels: readonly string[];
  }): Promise<Issue>;
  updateIssueBody(number: number, body: string): Promise<void>;
  getPullRequest(number: number): Promise<PullRequest>;
  /**
   * Commits on `head` not on `base`, oldest first, at most `maxComparedCommits` of `total`. Whose they are
   * is decided by their marks (`src/pull-requests/ownership.ts`), never by who the token is.
   */
  listBranchCommits(base: string, head: string): Promise<BranchCommits>;
  listChangedFiles(number: number): Promise<string[]>;
  readFileAt(path: string, sha: string): Promise<Buffer | undefined>;
  /** A commit on `baseSha`; no branch moves. */
  writeCommit(input: Omit<CommitFilesInput, 'branch'>): Promise<string>;
  readBranch(branch: string): Promise<string | undefined>;
  /** Throws `BranchMovedError` when the branch is no longer at `expected`. */
  moveBranchFrom(input: {
    readonly branch: string;
    readonly expected: string;
    readonly sha: string;
    readonly fastForward: boolean;
  }): Promise<void>;
  /** Open issues (not pull requests) with `label`, oldest first, whoever opened them. */
  listLabelledIssues(label: string): Promise<Issue[]>;
  /** Closes an issue as not planned (a duplicate dashboard; comment on it first). */
  closeIssue(number: number): Promise<void>;
}

export function createGitHubRepository(
  octokit: GitHubClient,
  repo: RepoRef,
  options: { readonly consistencyRetry?: ConsistencyRetry } = {},
): GitHubRepository {
  const retry = options.consistencyRetry ?? defaultConsistencyRetry;
  const baseCommits = new Map<string, Promise<GitCommit>>();
  const baseTree = new BaseTree(octokit, repo);
  let identity: Promise<string> | undefined;
  const whoAmI = () => (identity ??= getTokenIdentity(octokit).then(loginOf));
  return {
    repo,
    commitFiles: (input) => commitFiles(octokit, repo, input, baseCommits, baseTree),
    findOpenPullRequest: (branch) => findOpenPullRequest(octokit, repo, branch),
    listOpenPullRequests: (filter) => listOpenPullRequests(octokit, repo, filter),
    listClosedPullRequests: (branch) => listClosedPullRequests(octokit, repo, branch),
    createPullRequest: (input) => createPullRequest(octokit, repo, input),
    updatePullRequest: (number, content) => updatePullRequest(octokit, repo, number, content),
    closePullRequest: (number, close) => closePullRequest(octokit, repo, number, close),
    deleteBranch: (branch) => deleteBranch(octokit, repo, branch),
    addLabels: (number, labels) => addLabels(octokit, repo, number, labels, retry),
    requestReviewers: (number, reviewers) => requestReviewers(octokit, repo, number, reviewers, retry),
    addAssignees: (number, assignees) => addAssignees(octokit, repo, number, assignees, retry),
    identity: whoAmI,
    permissionOf: (user) => getPermission(octokit, repo, user),
    react: (commentId, content) => reactToComment(octokit, repo, commentId, content),
    comment: (issue, body) => createComment(octokit, repo, issue, body),
    getIssue: (number) => getIssue(octokit, repo, number),
    createIssue: (input) => createIssue(octokit, repo, input),
    updateIssueBody: (number, body) => updateIssueBody(octokit, repo, number, body),
    getPullRequest: (number) => getPullRequest(octokit, repo, number),
    listBranchCommits: (base, head) => listBranchCommits(octokit, repo, base, head),
    listChangedFiles: (number) => listChangedFiles(octokit, repo, number),
    readFileAt: (path, sha) => readFileAt(octokit, repo, path, sha),
    writeCommit: (input) => writeCommit(octokit, repo, input, baseCommits, baseTree),
    readBranch: (branch) => readBranch(octokit, repo, branch),
    moveBranchFrom: (input) => moveBranchFrom(octokit, repo, input),
    listLabelledIssues: (label) => listLabelledIssues(octokit, repo, label),
    closeIssue: (number) => closeIssue(octokit, repo, number),
  };
}
