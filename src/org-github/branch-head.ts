import { z } from 'zod';
import type { GitHubClient } from '../github/index.ts';
import { GitHubError, parseReply, withGitHubError } from '../github/index.ts';
import type { RepoRef } from '../github/index.ts';
import { EmptyRepositoryError } from './repository-tree.ts';

const RefSchema = z.object({ object: z.object({ sha: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/) }) });

/**
 * The commit a branch points at: the commit a repository is scanned at and its pull requests' commits sit
 * on. GitHub answers 409 for a repository with no commit yet: that is `EmptyRepositoryError`, a skip, not
 * a failure. https://docs.github.com/en/rest/git/refs#get-a-reference
 */
export async function readBranchHead(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<string> {
  const resource = `${branch} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError('read branch', resource, () =>
      octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` }),
    );
    return parseReply(RefSchema, response.data, 'read branch', resource).object.sha;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 409) {
      throw new EmptyRepositoryError(`${repo.owner}/${repo.repo} is empty`, { cause: error });
    }
    throw error;
  }
}
