import type { GitHubClient } from './client.ts';
import { GitHubError, parseReply, withGitHubError } from './errors.ts';
import { toPullRequest } from './schemas.ts';
import { PullRequestFileSchema } from './schemas-conversation.ts';
import type { PullRequest, RepoRef } from './types.ts';

/** https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request */
export async function getPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<PullRequest> {
  const response = await withGitHubError(
    'read pull request',
    `#${number} in ${repo.owner}/${repo.repo}`,
    () => octokit.rest.pulls.get({ ...repo, pull_number: number }),
  );
  return toPullRequest(response.data);
}

/** True when the head branch lives in another repository (a fork), or its repository is gone. */
export function isForkHead(pr: PullRequest, repo: RepoRef): boolean {
  return (
    pr.headRepository === undefined ||
    pr.headRepository.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()
  );
}

/** GitHub lists at most 3,000 files of a pull request. https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files */
export async function listChangedFiles(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<string[]> {
  const resource = `of #${number} in ${repo.owner}/${repo.repo}`;
  const files = await withGitHubError('list files', resource, () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 }),
  );
  return files
    .map((file) => parseReply(PullRequestFileSchema, file, 'list files', resource))
    .filter((file) => file.status !== 'removed')
    .map((file) => file.filename);
}

/** GitHub's raw media type: the file's own bytes, up to 100 MB (the JSON form stops at 1 MB). */
export const rawMediaType = 'application/vnd.github.raw+json';

/**
 * A file's bytes at a commit, byte for byte (the body is read unparsed, so no charset decoding touches
 * it); undefined when the path is not a file there (missing, or a directory, which GitHub lists as JSON).
 * https://docs.github.com/en/rest/repos/contents#get-repository-content
 */
export async function readFileAt(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  sha: string,
): Promise<Buffer | undefined> {
  const resource = `${path} at ${sha.slice(0, 7)} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError('read file', resource, () =>
      octokit.rest.repos.getContent({
        ...repo,
        path,
        ref: sha,
        headers: { accept: rawMediaType },
        request: { parseSuccessResponseBody: false },
      }),
    );
    const body = new Response(response.data as unknown as ReadableStream<Uint8Array> | null);
    const bytes = Buffer.from(await body.arrayBuffer());
    const type = String(response.headers['content-type'] ?? '');
    return type.startsWith('application/json') ? undefined : bytes;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return undefined;
    throw error;
  }
}
