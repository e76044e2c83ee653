import { z } from 'zod';
import type { GitHubClient } from './client.ts';
import { parseReply, withGitHubError } from './errors.ts';
import type { RepoRef } from './types.ts';

/** https://docs.github.com/en/rest/repos/repos#get-a-repository */
const RepositorySchema = z.object({ default_branch: z.string().min(1) });

/** The branch pull requests target when no base branch is configured. */
export async function getDefaultBranch(octokit: GitHubClient, repo: RepoRef): Promise<string> {
  const resource = `${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('read repository', resource, () =>
    octokit.rest.repos.get({ ...repo }),
  );
  return parseReply(RepositorySchema, response.data, 'read repository', resource).default_branch;
}
