import { codeSpan, untrustedMarkdown } from '../text/markdown.ts';
import type { SkippedRepository } from './repository.ts';

/**
 * What became of one repository in an organisation run:
 * - `current`: every reference pinned and fresh, nothing to propose;
 * - `proposed`: pull requests carry its updates (opened, updated or left as they were);
 * - `skipped`: left out before any work (archived, disabled, fork, empty);
 * - `failed`: its run stopped on an error (the others went on);
 * - `pending`: not reached (the run was cut short, or it belongs to another shard).
 */
export type RepositoryState = 'current' | 'proposed' | 'skipped' | 'failed' | 'pending';

export interface RepositoryPullRequest {
  readonly number: number;
  readonly operation: string;
}

/** One line of the job summary, of `--json` and of the org dashboard. */
export interface RepositoryRow {
  /** `owner/name`. */
  readonly repository: string;
  readonly state: RepositoryState;
  readonly dockerfiles: number;
  readonly updates: number;
  readonly pullRequests: readonly RepositoryPullRequest[];
  /** The repository's own dashboard issue, when the run knows it. */
  readonly dashboard?: number;
  /** Why it was skipped or failed: one line, as shown to a person. */
  readonly error?: string;
}

export function skippedRow(skipped: SkippedRepository): RepositoryRow {
  return {
    repository: skipped.repository,
    state: 'skipped',
    dockerfiles: 0,
    updates: 0,
    pullRequests: [],
    error: skipped.reason,
  };
}

/** `--json`: the same rows, flat, with `null` where a value is absent. */
export function rowsJson(rows: readonly RepositoryRow[]): unknown[] {
  return rows.map((row) => ({
    repository: row.repository,
    state: row.state,
    dockerfiles: row.dockerfiles,
    updates: row.updates,
    pullRequests: row.pullRequests.map(({ number, operation }) => ({ number, operation })),
    dashboard: row.dashboard ?? null,
    error: row.error ?? null,
  }));
}

/** The exit code of an organisation run: 2 when any repository failed, else 0. */
export function orgExitCode(rows: readonly RepositoryRow[]): 0 | 2 {
  return rows.some((row) => row.state === 'failed') ? 2 : 0;
}

/** A repository's browser address; the name was checked against GitHub's name shape by the adapter. */
export function repositoryUrl(serverUrl: string, repository: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}`;
}

function pullRequestLinks(serverUrl: string, row: RepositoryRow): string {
  if (row.pullRequests.length === 0) return '';
  const base = repositoryUrl(serverUrl, row.repository);
  return row.pullRequests.map((pr) => `[#${pr.number}](${base}/pull/${pr.number})`).join(' ');
}

/** The job summary: one table row per repository, then the counts by state. */
export function renderOrgSummary(rows: readonly RepositoryRow[], serverUrl: string): string {
  const lines = [
    '## basepin: organisation run',
    '',
    '| Repository | Dockerfiles | Updates | Pull requests | State | Error |',
    '| --- | ---: | ---: | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${codeSpan(row.repository, { inTable: true })} | ${row.dockerfiles} | ${row.updates} | ` +
        `${pullRequestLinks(serverUrl, row)} | ${row.state} | ${row.error === undefined ? '' : untrustedMarkdown(row.error)} |`,
    ),
    '',
    countsLine(rows),
  ];
  return `${lines.join('\n')}\n`;
}

const stateOrder: readonly RepositoryState[] = ['proposed', 'current', 'failed', 'skipped', 'pending'];

export function countsLine(rows: readonly RepositoryRow[]): string {
  const parts = stateOrder
    .map((state) => [state, rows.filter((row) => row.state === state).length] as const)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${state}`);
  return `${rows.length} repositories: ${parts.length ? parts.join(', ') : 'none'}.`;
}
