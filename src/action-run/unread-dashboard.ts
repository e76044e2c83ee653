import { emptyDashboardState } from '../dashboard/issue-body/index.ts';
import type { LoadedDashboard } from '../dashboard/index.ts';
import type { GitHubError, GitHubLog } from '../github/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { PinPlan } from '../pin/index.ts';
import { groupUpdates, type OpenPullRequestsResult } from '../pull-requests/index.ts';

/** What a run plans with when the dashboard could not be read: no rules, no ticked boxes. */
export const noDashboard: LoadedDashboard = { issue: undefined, state: emptyDashboardState };

/**
 * The pull requests of a run whose dashboard could not be read: none is written. Every proposal depends on
 * the ignore rules (an ignored image must not be proposed again), and so does closing one (a group left
 * without updates may only look so because of a rule), so no pull-request write is provably unaffected. One
 * warning says what was skipped and why; each group is reported as skipped with that reason.
 */
export function notWritten(
  plan: PinPlan,
  settings: Pick<RunSettings, 'groupBy' | 'branchPrefix'>,
  error: GitHubError,
  log: GitHubLog,
): OpenPullRequestsResult {
  const reason = 'the dashboard could not be read, so its ignore rules are unknown';
  log.warning(
    `dashboard not read (${error.message}): no pull request was opened, updated or closed and no dashboard ` +
      'was created or redrawn this run; the next run tries again',
  );
  const groups = groupUpdates(plan.updates, settings.groupBy, settings.branchPrefix);
  return { pullRequests: groups.map((group) => ({ branch: group.branch, operation: 'skipped', reason })) };
}
