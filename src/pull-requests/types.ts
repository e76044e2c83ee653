import type { GitDataApi, PullRequestsApi } from '../github/index.ts';
import type { Changelogs } from '../changelog/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { GitHubLog, RepoRef } from '../github/index.ts';
import type { PinReport } from '../update/index.ts';
import type { PullRequestOutcome } from './pr-outcome.ts';

/** The pull-request settings of a run (inputs and `.github/basepin.yml`), as read once by the entry. */
export type PullRequestSettings = Pick<
  RunSettings,
  | 'groupBy'
  | 'maxPullRequests'
  | 'branchPrefix'
  | 'labels'
  | 'reviewers'
  | 'assignees'
  | 'draft'
  | 'commitMessagePrefix'
  | 'dryRun'
>;

export interface OpenPullRequestsInput extends PullRequestSettings {
  readonly report: PinReport;
  readonly baseBranch: string;
  /** The commit the report was computed on (the checked-out base); new commits sit on it. */
  readonly baseSha: string;
  readonly repo: RepoRef;
  /** `GITHUB_SERVER_URL`, for links in bodies. */
  readonly serverUrl: string;
  /** Changelog facts per update, for the bodies. */
  readonly changelogs?: Changelogs | undefined;
  readonly now?: Date | undefined;
  /** What a comment command or a ticked dashboard box asks for; a scheduled run leaves it empty. */
  readonly steer?: Steering;
}

/** Per-branch overrides of a run. */
export interface Steering {
  /** Only these branches are touched (a command acts on its pull request only). */
  readonly onlyBranches?: ReadonlySet<string>;
  /** Recommit these even when they already propose this change, and propose them even when a person declined. */
  readonly refresh?: ReadonlySet<string>;
  /** Recommit every open pull request (the dashboard's "rebase all" box). */
  readonly refreshAll?: boolean;
  /** Replace commits others pushed on these branches (`/basepin recreate`); by default such a branch is left alone. */
  readonly overwrite?: ReadonlySet<string>;
}

export interface OpenPullRequestsDeps {
  readonly github: PullRequestsApi & GitDataApi;
  readonly log: GitHubLog;
}

export interface OpenPullRequestsResult {
  readonly pullRequests: readonly PullRequestOutcome[];
}
