import type { GitHubLog } from '../github/index.ts';
import {
  lastDoneOf,
  resumeOrder,
  selectRepositories,
  skippedRow,
  type OrgRepository,
  type RepositoryRow,
  type RepositorySelection,
} from '../org/index.ts';
import { listInstallationRepositories } from '../org-github/index.ts';
import { memoizeRegistryClient } from '../resolve/index.ts';
import type { OrgDashboardGitHub } from './org-dashboard-issue.ts';
import { OrgDashboardIssue } from './org-dashboard-issue.ts';
import { runRepository, type RepositoryRunDeps } from './repository-run.ts';

export interface OrgRunInput {
  readonly selection: RepositorySelection;
  /** A shard's repositories (`owner/name`, from the resolution file): only these are run. */
  readonly only?: readonly string[];
}

export interface OrgRunDeps extends RepositoryRunDeps {
  /** The running repository's issues, for the org dashboard; undefined: no org dashboard. */
  readonly dashboard?: OrgDashboardGitHub;
  /** Asked before each repository: true stops the run there (SIGTERM); the rest are `pending` rows. */
  readonly stopRequested?: () => boolean;
  /** Each repository's row as soon as it is known (the progress line). */
  readonly onRow?: (row: RepositoryRow, done: number, total: number) => void;
}

export interface OrgRunResult {
  readonly rows: readonly RepositoryRow[];
  /** Selection entries that matched nothing the installation sees. */
  readonly unmatched: readonly string[];
  readonly stopped: boolean;
}

/**
 * An organisation run: the installation's repositories, the selection, the order the org dashboard's state
 * gives (never reached first, then reached longest ago), then each repository in turn, each its own row.
 * The org dashboard is saved as the run goes and when it ends (stopped or not), so the next run continues
 * where this one stopped.
 */
export async function runOrganisation(input: OrgRunInput, deps: OrgRunDeps): Promise<OrgRunResult> {
  const listed = await listInstallationRepositories(deps.octokit);
  const { selected, skipped, unmatched } = selectRepositories(listed, input.selection);
  const only = input.only === undefined ? undefined : new Set(input.only.map((name) => name.toLowerCase()));
  const inShard = (name: string) => only === undefined || only.has(name.toLowerCase());
  const dashboard =
    deps.dashboard === undefined
      ? undefined
      : await OrgDashboardIssue.load(deps.dashboard, deps.serverUrl, deps.log);
  const order = resumeOrder(
    selected.filter((repository) => inShard(repository.fullName)),
    dashboard === undefined ? {} : lastDoneOf(dashboard.state),
  );
  const rows: RepositoryRow[] = skipped.filter((s) => inShard(s.repository)).map(skippedRow);
  // One memoising client for every repository: a question any repository asked is never asked again.
  const shared = { ...deps, registry: memoizeRegistryClient(deps.registry) };
  let stopped = false;
  let lastSaved = deps.now().getTime();
  for (const [index, repository] of order.entries()) {
    if (deps.stopRequested?.() === true) {
      stopped = true;
      rows.push(...order.slice(index).map(pendingRow));
      break;
    }
    const row = await runRepository(repository, shared);
    rows.push(row);
    deps.onRow?.(row, index + 1, order.length);
    // Saved at most once a minute (each save is a write, paced like the pull requests' own), and at the end.
    if (deps.now().getTime() - lastSaved >= saveEveryMs) {
      await saveDashboard(dashboard, rows, deps);
      lastSaved = deps.now().getTime();
    }
  }
  await saveDashboard(dashboard, rows, deps);
  return { rows, unmatched, stopped };
}

const saveEveryMs = 60_000;

function pendingRow(repository: OrgRepository): RepositoryRow {
  return { repository: repository.fullName, state: 'pending', dockerfiles: 0, updates: 0, pullRequests: [] };
}

async function saveDashboard(
  dashboard: OrgDashboardIssue | undefined,
  rows: readonly RepositoryRow[],
  deps: { readonly now: () => Date; readonly log: GitHubLog },
): Promise<void> {
  if (dashboard === undefined) return;
  try {
    await dashboard.save(rows, deps.now());
  } catch (error) {
    // The repositories' work stands; the next run only repeats some of it (each repository is idempotent).
    deps.log.warning(`org dashboard not saved: ${(error as Error).message}`);
  }
}
