/**
 * Links into the repository on GitHub, built one way for pull-request bodies, the dashboard and comment
 * replies. `serverUrl` is `GITHUB_SERVER_URL` (github.com or a GitHub Enterprise host), with or without a
 * trailing slash; path parts are URL-encoded, so a branch or file name cannot change the link's shape.
 */
export interface RepositoryName {
  readonly owner: string;
  readonly repo: string;
}

export function repositoryUrl(serverUrl: string, repo: RepositoryName): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.repo}`;
}

function pathUrl(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A line of a file on a branch. */
export function fileLineUrl(
  serverUrl: string,
  repo: RepositoryName,
  branch: string,
  file: string,
  line: number,
): string {
  return `${repositoryUrl(serverUrl, repo)}/blob/${pathUrl(branch)}/${pathUrl(file)}#L${line}`;
}

export function commitUrl(serverUrl: string, repo: RepositoryName, sha: string): string {
  return `${repositoryUrl(serverUrl, repo)}/commit/${sha}`;
}

/** A comment on an issue or pull request. */
export function commentUrl(serverUrl: string, repo: RepositoryName, issue: number, comment: number): string {
  return `${repositoryUrl(serverUrl, repo)}/issues/${issue}#issuecomment-${comment}`;
}
