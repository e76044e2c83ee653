import type { StubViewer } from './github-stub-viewer.ts';

/** The stub's public types; `github-stub.ts` re-exports them. */

export interface GitHubStubOptions {
  readonly owner: string;
  readonly repo: string;
  /** The default branch's first commit (`readFilesFromDir` reads a fixture folder into this). */
  readonly files: Readonly<Record<string, string>>;
  /** Git modes of some of `files` (`100755`, or `120000` with the link's target as its text); others `100644`. */
  readonly modes?: Readonly<Record<string, string>>;
  /**
   * Check every request against GitHub's OpenAPI description (`openapi-requests.ts`): one it does not allow
   * is answered 400 and makes `stop()` throw, so the test fails. Default true.
   */
  readonly validateRequests?: boolean;
  /** Default `main`. */
  readonly defaultBranch?: string;
  /** For `html_url`s; default `https://github.com`. */
  readonly serverUrl?: string;
  /**
   * The token's identity: author (`type: Bot` when it ends in `[bot]`) of the pull requests, issues, comments
   * and signed commits it creates. Default `github-actions[bot]`, an installation token: `GET /user` is 403.
   */
  readonly actor?: string;
  /** How GraphQL answers `viewer` (`github-stub-viewer.ts`); default `login`. */
  readonly viewer?: StubViewer;
  /** When given, reviewers outside it get GitHub's 422 and such assignees are silently dropped. */
  readonly collaborators?: readonly string[];
  /** Repository role (`admin` … `none`) by login, for the collaborator permission endpoint; others are 404. */
  readonly permissions?: Readonly<Record<string, string>>;
}

export interface StubRequest {
  readonly method: string;
  /** Percent-decoded path without the query: `/repos/o/r/git/ref/heads/basepin/all`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  /** The status answered. */
  status: number;
  /** False when no route matched (the 404s a test asserts never happen). */
  routed: boolean;
  /** True when the answer came from `failNext`. */
  fault: boolean;
  /** Why GitHub's OpenAPI description does not allow this request (answered 400); empty when it does. */
  invalid: string[];
}

export interface StubPullRequest {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  readonly draft: boolean;
  readonly title: string;
  readonly body: string | null;
  readonly html_url: string;
  readonly head: { readonly ref: string; readonly sha: string };
  readonly base: { readonly ref: string };
  readonly labels: readonly string[];
  readonly requestedReviewers: readonly string[];
  readonly requestedTeams: readonly string[];
  readonly assignees: readonly string[];
  /** Bodies of the comments on it, oldest first. */
  readonly comments: readonly string[];
}

export interface StubFault {
  readonly method?: string;
  /** Exact decoded path (`/repos/o/r/pulls`) or a pattern tested against it. */
  readonly path: string | RegExp;
  readonly status: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many matching requests fail (default 1). */
  readonly times?: number;
}

export interface GitHubStub {
  /** REST root to pass as `GITHUB_API_URL` / `baseUrl`: `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  /** Every request, in order (live; emptied by `resetRequests`). */
  readonly requests: readonly StubRequest[];
  /** The requests that may write: not GET/HEAD, and not a GraphQL query. */
  writes(): StubRequest[];
  /** The requests no route matched. */
  unhandled(): StubRequest[];
  /** The requests GitHub's OpenAPI description does not allow. */
  invalid(): StubRequest[];
  resetRequests(): void;
  pullRequests(): StubPullRequest[];
  pullRequest(number: number): StubPullRequest | undefined;
  /** A file's text on a branch (`main`, `refs/heads/main`) or commit sha; undefined when absent. */
  fileAt(ref: string, path: string): string | undefined;
  /** A file's git mode on a branch or commit (`100644`, `100755`, `120000`); undefined when absent. */
  modeAt(ref: string, path: string): string | undefined;
  /** Every file on a branch or commit; undefined when the ref does not exist. */
  filesAt(ref: string): Record<string, string> | undefined;
  /** The commit a branch points at. */
  branchSha(branch: string): string | undefined;
  branches(): string[];
  commit(
    sha: string,
  ): { message: string; parents: readonly string[]; tree: string; verified: boolean } | undefined;
  /** A person closes (or merges: merge commit on base, file-level three-way) pull request `number`. */
  closePullRequest(number: number, options?: { readonly merged?: boolean }): void;
  /** A person opens a pull request from an existing branch (GitHub's validations apply). */
  openPullRequest(input: {
    head: string;
    title: string;
    body?: string;
    base?: string;
    draft?: boolean;
  }): number;
  /** A new commit on the default branch (null deletes a file); returns its sha. */
  advanceBase(files: Readonly<Record<string, string | null>>, message?: string): string;
  /**
   * A new commit on any branch, created when missing, authored by `login` (default `a-person`); returns its
   * sha. `verified`: signed by GitHub, as a commit made in the web editor is.
   */
  pushCommit(
    branch: string,
    files: Readonly<Record<string, string | null>>,
    message?: string,
    login?: string,
    options?: { readonly verified?: boolean },
  ): string;
  /** A person's comment on an issue or pull request; returns its id. */
  addComment(number: number, user: string, body: string): number;
  /** Reactions on a comment, in order (`eyes`, `+1`, `-1`). */
  reactions(commentId: number): string[];
  /** Comments on an issue or pull request, oldest first. */
  comments(number: number): { user: string; body: string }[];
  /** Plain issues (not pull requests). */
  issues(): {
    number: number;
    title: string;
    body: string;
    user: string;
    labels: string[];
    state: 'open' | 'closed';
  }[];
  /** A person edits an issue's body (ticks a box). */
  editIssue(number: number, body: string): void;
  /** Someone opens a plain issue; returns its number. */
  openIssue(input: { title: string; body?: string; user: string; labels?: readonly string[] }): number;
  /** The next matching request(s) get this error instead of being served. */
  failNext(fault: StubFault): void;
  /** Stops the server; throws when a request was not one GitHub's OpenAPI description allows. */
  stop(): Promise<void>;
}
