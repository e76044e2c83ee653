import type { CommentsApi, GitDataApi, IssuesApi, PullRequestsApi } from '../github/index.ts';
import type { IgnoreRule } from '../dashboard/issue-body/index.ts';
import type { LoadedDashboard } from '../dashboard/index.ts';
import type { GitHubLog, PermissionLevel, PullRequest, RepoRef, RunEvent } from '../github/index.ts';
import type { PullRequestOutcome, Steering } from '../pull-requests/index.ts';
import type { PinReport } from '../update/index.ts';
import type { Command } from './commands/index.ts';
import type { FileKind } from '../manifests/index.ts';

/** The `issue_comment` event as the entry read it; `author_association` is never used for authorisation. */
export type CommentEvent = Omit<Extract<RunEvent, { kind: 'issue_comment' }>, 'kind' | 'authorAssociation'>;

export interface CommentSettings {
  /** Least permission that may run commands (`command-permission`, default `write`). */
  readonly commandPermission: PermissionLevel;
  readonly branchPrefix: string;
  readonly baseBranch: string;
  readonly excludeImages: readonly string[];
  readonly commitMessagePrefix: string;
  readonly repo: RepoRef;
  readonly serverUrl: string;
  /** The kinds of files read (`file-kinds`); unset: every kind. */
  readonly fileKinds?: readonly FileKind[] | undefined;
}

export interface CommentDeps {
  readonly github: CommentsApi & PullRequestsApi & GitDataApi & IssuesApi;
  readonly log: GitHubLog;
  /** The scheduled run's pull-request path on the checked-out base, steered, with these ignore rules. */
  readonly proposePullRequests: (
    steer: Steering,
    rules: readonly IgnoreRule[],
  ) => Promise<readonly PullRequestOutcome[]>;
  /** Pins planned for texts (Dockerfiles and the other kinds) read through the API (repository path → bytes). */
  readonly planFiles: (files: ReadonlyMap<string, Buffer>) => Promise<PinReport>;
}

/** `ignored`: no reaction, no reply. Otherwise the comment got 👀, then 👍 (`done`) or 👎 and `reply`. */
export type CommentOutcome =
  | { readonly kind: 'ignored'; readonly why: string }
  | {
      readonly kind: 'done' | 'refused' | 'failed';
      readonly command: Command['name'] | undefined;
      readonly reply: string;
    };

/** What a command handler answers: `done` (👍) or `refused` (👎), and the reply's text (markdown, ours). */
export interface CommandResult {
  readonly kind: 'done' | 'refused';
  readonly reply: string;
}

/** Where the comment was written. */
export interface CommandPlace {
  readonly event: CommentEvent;
  readonly pullRequest: PullRequest | undefined;
  /** A pull request basepin opened: its branch, not a fork, with a state block. */
  readonly basepinPullRequest: boolean;
  readonly dashboard: LoadedDashboard;
  readonly onDashboard: boolean;
}
