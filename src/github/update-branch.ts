import type { GitHubClient } from './client.ts';
import { GitHubError, parseReply, withGitHubError } from './errors.ts';
import { GitRefSchema } from './schemas-conversation.ts';
import { refPath } from './ref-path.ts';
import type { RepoRef } from './types.ts';

/** The branch no longer points where it was read: someone pushed meanwhile. */
export class BranchMovedError extends Error {
  override readonly name = 'BranchMovedError';
  readonly branch: string;
  readonly expected: string;
  readonly actual: string | undefined;

  constructor(branch: string, expected: string, actual: string | undefined) {
    super(
      `${branch} moved from ${expected.slice(0, 7)} to ${actual === undefined ? 'nothing (deleted)' : actual.slice(0, 7)} while basepin worked on it`,
    );
    this.branch = branch;
    this.expected = expected;
    this.actual = actual;
  }
}

/** https://docs.github.com/en/rest/git/refs#get-a-reference; undefined when the branch is gone. */
export async function readBranch(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<string | undefined> {
  const resource = `refs/heads/${branch} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError('read branch', resource, () =>
      octokit.request('GET /repos/{owner}/{repo}/git/ref/{+ref}', {
        ...repo,
        ref: refPath(`heads/${branch}`),
      }),
    );
    return parseReply(GitRefSchema, response.data, 'read branch', resource).object.sha;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Moves `branch` from `expected` to `sha`, or throws `BranchMovedError`.
 * A fast-forward (`sha` sits on `expected`) is left to GitHub to check atomically (no force: 422 when the
 * branch moved on). A replacement (a rebase) must force; the REST API has no compare-and-swap for that, so
 * the ref is read right before the move and the window left is one request wide.
 * https://docs.github.com/en/rest/git/refs#update-a-reference
 */
export async function moveBranchFrom(
  octokit: GitHubClient,
  repo: RepoRef,
  input: {
    readonly branch: string;
    readonly expected: string;
    readonly sha: string;
    readonly fastForward: boolean;
  },
): Promise<void> {
  const { branch, expected, sha } = input;
  if (!input.fastForward) {
    const current = await readBranch(octokit, repo, branch);
    if (current !== expected) throw new BranchMovedError(branch, expected, current);
  }
  try {
    await withGitHubError('update branch', `refs/heads/${branch} in ${repo.owner}/${repo.repo}`, () =>
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{+ref}', {
        ...repo,
        ref: refPath(`heads/${branch}`),
        sha,
        force: !input.fastForward,
      }),
    );
  } catch (error) {
    // 422 "Update is not a fast forward" or "Reference does not exist".
    if (error instanceof GitHubError && error.status === 422) {
      throw new BranchMovedError(branch, expected, await readBranch(octokit, repo, branch));
    }
    throw error;
  }
}
