import type { GitHubRepository } from '../github/index.ts';
import type { GitHubLog, Issue } from '../github/index.ts';
import {
  mergeOrgState,
  orgDashboardTitle,
  readOrgDashboardState,
  renderOrgDashboard,
  type OrgDashboardState,
  type RepositoryRow,
} from '../org/index.ts';

/** The label the org dashboard carries (the per-repository dashboard's own). */
export const orgDashboardLabel = 'basepin';

export type OrgDashboardGitHub = Pick<
  GitHubRepository,
  'listLabelledIssues' | 'createIssue' | 'updateIssueBody'
>;

/**
 * The org dashboard issue in the running repository: the oldest open issue with basepin's label, its title and
 * a readable `basepin:org` block (anyone can open an issue with that title; only a block makes it ours to read).
 */
export class OrgDashboardIssue {
  #issue: Issue | undefined;
  #body: string | undefined;
  #state: OrgDashboardState;
  readonly #github: OrgDashboardGitHub;
  readonly #serverUrl: string;

  private constructor(
    github: OrgDashboardGitHub,
    serverUrl: string,
    issue: Issue | undefined,
    state: OrgDashboardState,
  ) {
    this.#github = github;
    this.#serverUrl = serverUrl;
    this.#issue = issue;
    this.#body = issue?.body;
    this.#state = state;
  }

  static async load(
    github: OrgDashboardGitHub,
    serverUrl: string,
    log: GitHubLog,
  ): Promise<OrgDashboardIssue> {
    const candidates = (await github.listLabelledIssues(orgDashboardLabel)).filter(
      (issue) => issue.title === orgDashboardTitle,
    );
    for (const issue of candidates) {
      const reading = readOrgDashboardState(issue.body);
      if (reading.kind === 'valid') return new OrgDashboardIssue(github, serverUrl, issue, reading.state);
      log.warning(`org dashboard #${issue.number}: not read as basepin's (${reading.kind})`);
    }
    return new OrgDashboardIssue(github, serverUrl, undefined, new Map());
  }

  /** What the previous runs left: when each repository was last reached. */
  get state(): OrgDashboardState {
    return this.#state;
  }

  /** Merges this run's rows so far and writes the body (created once, then updated when it changed). */
  async save(rows: readonly RepositoryRow[], now: Date): Promise<void> {
    const state = mergeOrgState(this.#state, rows, now);
    const body = renderOrgDashboard({ rows, state, serverUrl: this.#serverUrl, now });
    if (this.#issue === undefined) {
      this.#issue = await this.#github.createIssue({
        title: orgDashboardTitle,
        body,
        labels: [orgDashboardLabel],
      });
    } else if (body !== this.#body) await this.#github.updateIssueBody(this.#issue.number, body);
    this.#body = body;
  }
}
