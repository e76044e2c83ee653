/** The repository a run works on. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/** What the GitHub adapters say about their work; an entry maps it to `@actions/core`. */
export interface GitHubLog {
  info(message: string): void;
  warning(message: string): void;
  debug?(message: string): void;
}

/** The fields of a pull request basepin reads; parsed from the REST payload in `schemas.ts`. */
export interface PullRequest {
  readonly number: number;
  /** Browser address (`html_url`). */
  readonly url: string;
  readonly state: 'open' | 'closed';
  readonly title: string;
  readonly body: string;
  /** Head branch name, without `refs/heads/`. */
  readonly headRef: string;
  /** `owner/repo` holding the head branch; differs from the base repository for forks. */
  readonly headRepository: string | undefined;
  readonly headSha: string;
  readonly baseRef: string;
  readonly merged: boolean;
  readonly closedAt: string | undefined;
  readonly draft: boolean;
}

/** A file to write in a commit: repository-relative path and its exact bytes (encoded as the file was read). */
export interface FileWrite {
  readonly path: string;
  readonly bytes: Uint8Array;
}
