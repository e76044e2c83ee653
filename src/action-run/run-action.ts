import { readTickedBoxes } from '../dashboard/issue-body/index.ts';
import { GitHubError } from '../github/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { GitHubRepository } from '../github/index.ts';
import type { GitHubLog, RepoRef } from '../github/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import type { OsvClient } from '../osv/index.ts';
import type { SignatureTrust } from '../signature-check/index.ts';
import type { Workspace } from '../workspace/index.ts';
import { isInternal } from '../update/index.ts';
import { loadDashboard, publishDashboard, type LoadedDashboard } from '../dashboard/index.ts';
import { groupUpdates } from '../pull-requests/index.ts';
import { openPullRequests, type PullRequestOutcome, type Steering } from '../pull-requests/index.ts';
import type { PinPlan } from '../pin/index.ts';
import type { Changelogs } from '../changelog/index.ts';
import type { Update } from '../update/index.ts';
import { failureJson, planRun, updatesJson } from '../pipeline/index.ts';
import { noDashboard, notWritten } from './unread-dashboard.ts';

/** What the runner tells a run about itself (@actions/github's context), read by the entry. */
export interface ActionContext {
  readonly repo: RepoRef;
  /** `GITHUB_REF`, e.g. `refs/heads/main`: the branch the workspace holds. */
  readonly ref: string | undefined;
  /** `GITHUB_SHA`: the commit the workspace holds and the new commits sit on. */
  readonly sha: string;
  readonly serverUrl: string;
  /** A comment command's overrides (src/action-run/run-comment.ts); a scheduled run has none. */
  readonly steer?: Steering;
}

export interface ActionDeps {
  readonly registry: RegistryClient;
  /** The checked-out base branch the Dockerfiles are read from. */
  readonly workspace: Workspace;
  readonly github: GitHubRepository;
  readonly defaultBranch: () => Promise<string>;
  readonly log: GitHubLog;
  /** The clock changelog ages and `minimum-age` are measured by; default now. */
  readonly now?: () => Date;
  /** The run's signature trust (built once by the entry); without it signatures are not looked for. */
  readonly signatureTrust?: SignatureTrust | undefined;
  /** The run's OSV client (`osv-api`); without it no vulnerabilities are asked. */
  readonly osv?: OsvClient | undefined;
}

export class WrongCheckoutError extends Error {
  override readonly name = 'WrongCheckoutError';
}

export interface ActionResult {
  readonly plan: PinPlan;
  readonly pullRequests: readonly PullRequestOutcome[];
  /** The changelog facts the pull requests carry; the entry's job summary shows them too (`renderJobSummary`). */
  readonly changelogs: Changelogs;
  /** The run's clock reading, which changelog ages are measured against. */
  readonly now: Date;
  readonly outputs: Readonly<Record<'updates' | 'errors' | 'pull-requests' | 'changed-files', string>>;
  /** Set when the run must fail (fail-on-unpinned, or GitHub refused a group). */
  readonly failure: string | undefined;
}

/** Whether an update belongs to one of `branches` (all do when there is no such limit). */
function inBranches(
  plan: PinPlan,
  settings: RunSettings,
  branches: ReadonlySet<string> | undefined,
): ((update: Update) => boolean) | undefined {
  if (branches === undefined) return undefined;
  const wanted = new Set(
    groupUpdates(plan.updates, settings.groupBy, settings.branchPrefix)
      .filter((group) => branches.has(group.branch))
      .flatMap((group) => group.updates),
  );
  return (update) => wanted.has(update);
}

/** One scheduled or dispatched run: scan and resolve the workspace, then bring the pull requests in line. */
export async function runAction(
  settings: RunSettings,
  context: ActionContext,
  deps: ActionDeps,
): Promise<ActionResult> {
  const baseBranch = settings.baseBranch ?? (await deps.defaultBranch());
  // Commits sit on the scanned commit; scanning another branch would put its commits into the PR.
  // A dry run writes nothing, so it may check any checkout (a pull request check, say).
  if (!settings.dryRun && context.ref !== undefined && context.ref !== `refs/heads/${baseBranch}`) {
    throw new WrongCheckoutError(
      `basepin scans the base branch ${baseBranch}, but this run checked out ${context.ref}; ` +
        `run it on ${baseBranch} or set base-branch`,
    );
  }
  // The dashboard holds the `/basepin ignore` rules and the boxes a person ticked.
  const dashboard = await loadDashboard(deps.github, deps.log).catch((error: unknown) => {
    if (!(error instanceof GitHubError)) throw error;
    return error;
  });
  const unread = dashboard instanceof GitHubError ? dashboard : undefined;
  const loaded: LoadedDashboard = dashboard instanceof GitHubError ? noDashboard : dashboard;
  const ticked = loaded.issue === undefined ? undefined : readTickedBoxes(loaded.issue.body, loaded.state);
  const now = deps.now?.() ?? new Date();
  const only = context.steer?.onlyBranches;
  const { plan, changelogs } = await planRun(
    settings,
    {
      registry: deps.registry,
      workspace: deps.workspace,
      now,
      debug: (line) => deps.log.debug?.(line),
      signatureTrust: deps.signatureTrust,
      osv: deps.osv,
    },
    {
      facts: 'all',
      // Ignore rules come first, so an ignored image costs no changelog requests.
      ignores: loaded.state.ignores,
      // Pinning reads by GET only the indexes the changelog will read: not an ignored image's, and not for a
      // command, which reads facts for its own pull request only (not known before planning).
      pinningReadsFacts: only === undefined,
      // A command's recomputation (`/basepin rebase`) gets its pull request's facts as a scheduled run would,
      // and spends nothing on the other groups' facts.
      factsFor: (planned) => inBranches(planned, settings, only),
    },
  );
  // An unread dashboard is not an absent one: its ignore rules are unknown, so any proposal might be one a
  // person declined. No pull request is opened, updated or closed, and no dashboard is created.
  const { pullRequests } =
    unread !== undefined
      ? notWritten(plan, settings, unread, deps.log)
      : await openPullRequests(
          {
            ...settings,
            report: plan,
            baseBranch,
            baseSha: context.sha,
            repo: context.repo,
            serverUrl: context.serverUrl,
            changelogs,
            now,
            steer: {
              refresh: new Set(ticked?.create ?? []),
              refreshAll: ticked?.rebaseAll ?? false,
              ...context.steer,
            },
          },
          { github: deps.github, log: deps.log },
        );
  // No Dockerfile at all is most often a missing checkout: never redraw the dashboard from that.
  if (
    unread === undefined &&
    settings.dashboard &&
    !settings.dryRun &&
    context.steer?.onlyBranches === undefined &&
    plan.files.length > 0
  ) {
    await publishDashboard(deps, loaded, {
      plan,
      outcomes: pullRequests,
      baseBranch,
      settings,
      context,
      changelogs,
    });
  }

  const internal = plan.errors.filter((failure) => isInternal(failure.error)).length;
  const failedGroups = pullRequests.filter((pr) => pr.operation === 'failed');
  const failures = [
    ...(settings.failOnUnpinned && plan.updates.length
      ? [`${plan.updates.length} image reference(s) are unpinned or stale (fail-on-unpinned)`]
      : []),
    ...failedGroups.map((pr) => `${pr.branch}: ${pr.reason ?? 'GitHub refused the change'}`),
    ...(internal ? [`${internal} internal error(s); see the debug log for their stacks`] : []),
  ];
  return {
    plan,
    pullRequests,
    changelogs,
    now,
    outputs: {
      updates: JSON.stringify(updatesJson(plan, changelogs)),
      errors: JSON.stringify(plan.errors.map(failureJson)),
      'pull-requests': JSON.stringify(
        pullRequests.map(({ number, url, branch, operation }) => ({
          number: number ?? null,
          url: url ?? null,
          branch,
          operation,
        })),
      ),
      'changed-files': JSON.stringify(plan.changes.map((change) => change.file)),
    },
    failure: failures.length ? failures.join('; ') : undefined,
  };
}
