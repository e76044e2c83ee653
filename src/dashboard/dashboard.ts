import type { CommentsApi, IssuesApi, PullRequestsApi } from '../github/index.ts';
import {
  dashboardTitle,
  renderDashboard,
  type DashboardPending,
  type DashboardSite,
} from './issue-body/index.ts';
import { basepinLabel, chooseDashboard, markComment } from '../text/marks.ts';
import {
  emptyDashboardState,
  readDashboardState,
  renderDashboardBlock,
  replaceDashboardBlock,
  type DashboardState,
  type IgnoreRule,
} from './issue-body/index.ts';
import { GitHubError } from '../github/index.ts';
import type { Issue } from '../github/index.ts';
import type { GitHubLog, PullRequest, RepoRef } from '../github/index.ts';
import { updateImageName, type Update } from '../update/index.ts';
import { changelogKey, type Changelogs } from '../changelog/index.ts';
import { vulnerabilityHeadlinePart } from '../changelog/facts/index.ts';
import type { PullRequestOutcome } from '../pull-requests/index.ts';
import { failureMessage } from '../update/index.ts';
import type { PinPlan } from '../pin/index.ts';
import { siteNote } from '../update/index.ts';
import { updateFrom } from '../update/index.ts';
import { describeVerdict } from '../signatures/index.ts';
import { commentUrl, fileLineUrl } from '../text/github-links.ts';

/** The dashboard issue as found (or not) and its state. */
export interface LoadedDashboard {
  readonly issue: Issue | undefined;
  readonly state: DashboardState;
  /** Other open issues with the dashboard's marks (older versions, racing runs): closed when it is redrawn. */
  readonly duplicates?: readonly Issue[];
}

/** What the dashboard uses of GitHub: its issue, the open pull requests it lists. */
export type DashboardGitHub = IssuesApi &
  Pick<PullRequestsApi, 'listOpenPullRequests'> &
  Pick<CommentsApi, 'comment'>;

/**
 * The dashboard issue: the oldest open issue with basepin's marks (its label, which only people with
 * triage access can set, and its state block), whoever opened it: ownership is read from what basepin
 * wrote, never from who the token is. A malformed state block is a warning and reads as empty. A listing
 * GitHub refused throws (`GitHubError`): an unread dashboard is not an absent one.
 */
export async function loadDashboard(github: DashboardGitHub, log: GitHubLog): Promise<LoadedDashboard> {
  const { dashboard: issue, duplicates } = chooseDashboard(await github.listLabelledIssues(basepinLabel));
  if (issue === undefined) return { issue: undefined, state: emptyDashboardState };
  const reading = readDashboardState(issue.body);
  if (reading.kind === 'invalid')
    log.warning(`dashboard #${issue.number}: ignoring its state: ${reading.reason}`);
  return { issue, state: reading.kind === 'valid' ? reading.state : emptyDashboardState, duplicates };
}

/** Closes the duplicate dashboards, each with a marked comment naming the one kept; a refusal is a warning. */
async function closeDuplicates(
  deps: { readonly github: DashboardGitHub; readonly log: GitHubLog },
  loaded: LoadedDashboard,
): Promise<void> {
  const kept = loaded.issue;
  if (kept === undefined) return;
  for (const duplicate of loaded.duplicates ?? []) {
    try {
      await deps.github.comment(
        duplicate.number,
        markComment(
          `basepin: this duplicates the dashboard #${kept.number}, which basepin keeps; closing this one.`,
        ),
      );
      await deps.github.closeIssue(duplicate.number);
      deps.log.info(`dashboard #${duplicate.number}: closed as a duplicate of #${kept.number}`);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      deps.log.warning(
        `dashboard #${duplicate.number} (a duplicate of #${kept.number}) not closed: ${error.message}`,
      );
    }
  }
}

/** Writes the body: creates the issue, or updates it when the text differs. No write when nothing changed. */
export async function saveDashboard(
  github: DashboardGitHub,
  loaded: LoadedDashboard,
  body: string,
): Promise<{ readonly issue: number; readonly operation: 'created' | 'updated' | 'unchanged' }> {
  if (loaded.issue === undefined) {
    const issue = await github.createIssue({ title: dashboardTitle, body, labels: [basepinLabel] });
    return { issue: issue.number, operation: 'created' };
  }
  if (loaded.issue.body === body) return { issue: loaded.issue.number, operation: 'unchanged' };
  await github.updateIssueBody(loaded.issue.number, body);
  return { issue: loaded.issue.number, operation: 'updated' };
}

/** The body with its state block replaced (a command changes the rules; the next run redraws the rest). */
export function withDashboardState(body: string, state: DashboardState): string {
  const replaced = replaceDashboardBlock(body, state);
  if (replaced !== undefined) return replaced;
  const intro =
    body.trim() === '' ? 'basepin lists what it tracks here after its next scheduled run.' : body.trimEnd();
  return `${intro}\n\n${renderDashboardBlock(state)}\n`;
}

export interface DashboardInput {
  readonly plan: PinPlan;
  readonly outcomes: readonly PullRequestOutcome[];
  /** Open basepin pull requests after the run. */
  readonly pullRequests: readonly PullRequest[];
  readonly state: DashboardState;
  readonly excludeImages: readonly string[];
  readonly repo: RepoRef;
  readonly serverUrl: string;
  /** Links to lines point at this commit. */
  readonly baseSha: string;
  /** The run's facts: a pending update's line says what its signature check found and its known vulnerabilities. */
  readonly changelogs?: Changelogs | undefined;
}

/** `; signed by …, same as before` for a pending update whose signature was checked, else nothing. */
function signatureNote(changelogs: Changelogs | undefined, update: Update): string {
  const verdict = changelogs?.get(changelogKey(update))?.signature;
  return verdict === undefined ? '' : `; ${describeVerdict(verdict)}`;
}

/** ` · fixes 3 known vulnerabilities (1 high)`: what the update does to known vulnerabilities, if anything. */
function vulnerabilityNote(update: Update, changelogs: Changelogs | undefined): string {
  const facts = changelogs?.get(changelogKey(update));
  const part = facts && vulnerabilityHeadlinePart(facts);
  return part === undefined ? '' : ` · ${part}`;
}

/** The dashboard body for a run's plan and outcomes. */
export function dashboardBody(input: DashboardInput): string {
  const imageAt = new Map(
    input.plan.sites.map((s) => [`${s.file}:${s.line}`, s.reference?.familiarName ?? s.written] as const),
  );
  const site = (
    note: { file: string; line: number; reference: string },
    state: DashboardSite['state'],
    detail?: string,
  ): DashboardSite => {
    const { file } = note;
    return {
      image: imageAt.get(`${file}:${note.line}`) ?? note.reference,
      file,
      line: note.line,
      url: fileLineUrl(input.serverUrl, input.repo, input.baseSha, file, note.line),
      reference: note.reference,
      state,
      ...(detail === undefined ? {} : { detail }),
    };
  };
  const sites = [
    ...input.plan.updates.map((u) =>
      site(
        siteNote(u.site),
        updateFrom(u) === undefined ? 'unpinned' : 'stale',
        `${updateImageName(u)} → ${u.target.digest}${vulnerabilityNote(u, input.changelogs)}${signatureNote(input.changelogs, u)}`,
      ),
    ),
    ...input.plan.unchanged.map((n) => site(n, 'current')),
    ...input.plan.skipped.map((n) => site(n, 'skipped', n.reason)),
    ...input.plan.errors.map((e) => site(e, 'failed', failureMessage(e.error))),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const pending: DashboardPending[] = input.outcomes
    .filter((o) => (o.operation === 'skipped' || o.operation === 'failed') && o.number === undefined)
    .map((o) => ({ branch: o.branch, why: o.reason ?? o.operation }));
  return renderDashboard({
    sites,
    pullRequests: input.pullRequests.map((pr) => ({
      number: pr.number,
      url: pr.url,
      branch: pr.headRef,
      title: pr.title,
    })),
    pending,
    ruleUrl: (rule: IgnoreRule) =>
      commentUrl(input.serverUrl, input.repo, rule.source.issue, rule.source.comment),
    configExcludes: input.excludeImages,
    state: input.state,
  });
}

/**
 * Redraws the dashboard after a run. A dashboard GitHub refuses is a warning: the pull requests stand.
 * Ticked boxes were acted on by this run, so the new body has them unticked.
 */
export async function publishDashboard(
  deps: { readonly github: DashboardGitHub; readonly log: GitHubLog },
  loaded: LoadedDashboard,
  run: {
    readonly plan: PinPlan;
    readonly outcomes: readonly PullRequestOutcome[];
    readonly baseBranch: string;
    readonly settings: { readonly branchPrefix: string; readonly excludeImages: readonly string[] };
    readonly context: { readonly repo: RepoRef; readonly serverUrl: string; readonly sha: string };
    readonly changelogs?: Changelogs | undefined;
  },
): Promise<void> {
  try {
    const open = await deps.github.listOpenPullRequests({
      base: run.baseBranch,
      headPrefix: run.settings.branchPrefix,
    });
    const body = dashboardBody({
      plan: run.plan,
      outcomes: run.outcomes,
      pullRequests: open,
      state: loaded.state,
      excludeImages: run.settings.excludeImages,
      repo: run.context.repo,
      serverUrl: run.context.serverUrl,
      baseSha: run.context.sha,
      changelogs: run.changelogs,
    });
    const saved = await saveDashboard(deps.github, loaded, body);
    deps.log.info(`dashboard #${saved.issue}: ${saved.operation}`);
    await closeDuplicates(deps, loaded);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    deps.log.warning(`dashboard not updated: ${error.message}`);
  }
}
