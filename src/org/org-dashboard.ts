import { z } from 'zod';
import { readHiddenBlock, renderHiddenBlock, type BlockReading } from '../text/hidden-block.ts';
import { codeSpan, untrustedMarkdown } from '../text/markdown.ts';
import { isRepositoryName } from './repository.ts';
import type { LastDone } from './resume-order.ts';
import { countsLine, repositoryUrl, type RepositoryRow, type RepositoryState } from './rows.ts';

/**
 * The org dashboard: one issue in the repository that runs basepin over the organisation, listing every
 * repository's state with a link to its own dashboard. Its hidden block remembers, per repository, when a
 * run last reached it (the resume order), the state it was left in and its dashboard's number, so a
 * repository the latest run did not reach keeps its line.
 */
export const orgDashboardTitle = 'basepin organisation dashboard';
export const orgDashboardSchemaVersion = 1;
const marker = 'basepin:org';

/** An issue body is at most 65,536 characters; the block and the table share what is left of it. */
const bodyBudget = 60_000;
const blockBudget = 36_000;

const stateCodes = { current: 'c', proposed: 'p', skipped: 's', failed: 'f', pending: 'n' } as const;
type StateCode = (typeof stateCodes)[RepositoryState];
const codeStates = Object.fromEntries(Object.entries(stateCodes).map(([k, v]) => [v, k])) as Record<
  StateCode,
  RepositoryState
>;

/** Per repository (lower-cased `owner/name`): [seconds since 1970 it was last reached, state, dashboard issue]. */
const EntrySchema = z.union([
  z.tuple([z.number().int().nonnegative(), z.enum(['c', 'p', 's', 'f', 'n'])]),
  z.tuple([z.number().int().nonnegative(), z.enum(['c', 'p', 's', 'f', 'n']), z.number().int().positive()]),
]);
const OrgStateSchema = z.object({
  v: z.literal(orgDashboardSchemaVersion),
  repos: z.record(z.string().refine(isRepositoryName, 'is not owner/name'), EntrySchema),
});

export interface OrgRepositoryState {
  /** When a run last reached it (done, current, skipped or failed). */
  readonly at: Date;
  readonly state: RepositoryState;
  readonly dashboard?: number;
}

/** What the org dashboard remembers, by lower-cased `owner/name`. */
export type OrgDashboardState = ReadonlyMap<string, OrgRepositoryState>;

export function readOrgDashboardState(body: string): BlockReading<OrgDashboardState> {
  const reading = readHiddenBlock(body, marker, OrgStateSchema, orgDashboardSchemaVersion);
  if (reading.kind !== 'valid') return reading;
  const state = new Map<string, OrgRepositoryState>();
  for (const [name, [seconds, code, dashboard]] of Object.entries(reading.state.repos)) {
    state.set(name.toLowerCase(), {
      at: new Date(seconds * 1000),
      state: codeStates[code],
      ...(dashboard === undefined ? {} : { dashboard }),
    });
  }
  return { kind: 'valid', state };
}

/** The resume order's input: when each repository was last reached. */
export function lastDoneOf(state: OrgDashboardState): LastDone {
  return Object.fromEntries([...state].map(([name, entry]) => [name, entry.at.toISOString()]));
}

/**
 * The state after a run: each row this run reached is stamped `now`; a `pending` row (not reached) keeps
 * what it had, so the next run starts with it.
 */
export function mergeOrgState(
  previous: OrgDashboardState,
  rows: readonly RepositoryRow[],
  now: Date,
): Map<string, OrgRepositoryState> {
  const next = new Map(previous);
  for (const row of rows) {
    const key = row.repository.toLowerCase();
    const before = previous.get(key);
    const dashboard = row.dashboard ?? before?.dashboard;
    if (row.state === 'pending') {
      if (before === undefined) next.set(key, { at: new Date(0), state: 'pending' });
      continue;
    }
    next.set(key, { at: now, state: row.state, ...(dashboard === undefined ? {} : { dashboard }) });
  }
  return next;
}

/**
 * The block, within its budget: when an organisation is too large for one issue body, the repositories
 * reached longest ago are left out, which puts them first in the next run's order, where they belong anyway.
 */
export function renderOrgBlock(state: OrgDashboardState): string {
  const entries = [...state].sort(([a, x], [b, y]) => y.at.getTime() - x.at.getTime() || (a < b ? -1 : 1));
  const repos: Record<string, z.infer<typeof EntrySchema>> = {};
  let size = 0;
  for (const [name, entry] of entries) {
    const value: z.infer<typeof EntrySchema> = [
      Math.floor(entry.at.getTime() / 1000),
      stateCodes[entry.state],
      ...(entry.dashboard === undefined ? [] : [entry.dashboard]),
    ] as z.infer<typeof EntrySchema>;
    size += name.length + JSON.stringify(value).length + 4;
    if (size > blockBudget) break;
    repos[name] = value;
  }
  return renderHiddenBlock(marker, { v: orgDashboardSchemaVersion, repos });
}

export interface OrgDashboardInput {
  /** This run's rows, the repositories' names as GitHub spells them. */
  readonly rows: readonly RepositoryRow[];
  /** The merged state (`mergeOrgState`), for the block and the repositories this run did not reach. */
  readonly state: OrgDashboardState;
  readonly serverUrl: string;
  readonly now: Date;
}

/** The issue body: a line per repository not current, the current ones listed while the budget allows. */
export function renderOrgDashboard(input: OrgDashboardInput): string {
  const block = renderOrgBlock(input.state);
  const spelled = new Map(input.rows.map((row) => [row.repository.toLowerCase(), row]));
  const all = [...input.state].map(([key, entry]) => {
    const row = spelled.get(key);
    return {
      name: row?.repository ?? key,
      state: row === undefined || row.state === 'pending' ? entry.state : row.state,
      dashboard: row?.dashboard ?? entry.dashboard,
      error: row?.error,
      reached: row !== undefined && row.state !== 'pending',
    };
  });
  // Those needing a person come first; a long list of current repositories is what gets cut.
  const rank: Record<RepositoryState, number> = {
    failed: 0,
    proposed: 1,
    pending: 2,
    skipped: 3,
    current: 4,
  };
  all.sort((a, b) => rank[a.state] - rank[b.state] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const head = [
    `# ${orgDashboardTitle}`,
    '',
    `Last run: ${input.now.toISOString()}. ${countsLine(input.rows)}`,
    '',
    '| Repository | State | Dashboard | Error |',
    '| --- | --- | --- | --- |',
  ];
  const lines: string[] = [];
  let size = head.join('\n').length + block.length + 200;
  let left = 0;
  for (const entry of all) {
    const url = repositoryUrl(input.serverUrl, entry.name);
    const line =
      `| ${codeSpan(entry.name, { inTable: true })} | ${entry.state}${entry.reached ? '' : ' (earlier run)'} | ` +
      `${entry.dashboard === undefined ? '' : `[#${entry.dashboard}](${url}/issues/${entry.dashboard})`} | ` +
      `${entry.error === undefined ? '' : untrustedMarkdown(entry.error, 200)} |`;
    if (size + line.length + 1 > bodyBudget) {
      left += 1;
      continue;
    }
    size += line.length + 1;
    lines.push(line);
  }
  const cut = left === 0 ? [] : ['', `${left} more repositories are not listed (the issue body is full).`];
  return [...head, ...lines, ...cut, '', block, ''].join('\n');
}
