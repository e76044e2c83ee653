import type { GitHubClient } from './client.ts';
import { GitHubError, withGitHubError } from './errors.ts';
import { refPath } from './ref-path.ts';
import type { RepoRef } from './types.ts';

/** https://docs.github.com/en/rest/git/refs#delete-a-reference; a branch already gone is fine. */
export async function deleteBranch(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<void> {
  try {
    await withGitHubError('delete branch', `refs/heads/${branch} in ${repo.owner}/${repo.repo}`, () =>
      octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{+ref}', {
        ...repo,
        ref: refPath(`heads/${branch}`),
      }),
    );
  } catch (error) {
    // 422 "Reference does not exist"
    if (error instanceof GitHubError && (error.status === 404 || error.status === 422)) return;
    throw error;
  }
}
