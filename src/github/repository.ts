import type { GitHubClient } from './client.ts';
import { commitFiles, type CommitFilesInput } from './commit-files.ts';
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
}

export function createGitHubRepository(
  octokit: GitHubClient,
  repo: RepoRef,
  options: { readonly consistencyRetry?: ConsistencyRetry } = {},
): GitHubRepository {
  const retry = options.consistencyRetry ?? defaultConsistencyRetry;
  const baseCommits = new Map<string, Promise<GitCommit>>();
  return {
    repo,
    commitFiles: (input) => commitFiles(octokit, repo, input, baseCommits),
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
  };
}
