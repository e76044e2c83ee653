import { describe, expect, it } from 'vitest';
import {
  countsLine,
  orgExitCode,
  renderOrgSummary,
  rowsJson,
  skippedRow,
  type RepositoryRow,
} from '../../src/org/index.ts';

const rows: RepositoryRow[] = [
  {
    repository: 'acme/api',
    state: 'proposed',
    dockerfiles: 3,
    updates: 2,
    pullRequests: [{ number: 7, operation: 'created' }],
    dashboard: 4,
  },
  { repository: 'acme/web', state: 'current', dockerfiles: 1, updates: 0, pullRequests: [] },
  skippedRow({ repository: 'acme/old', reason: 'archived' }),
  {
    repository: 'acme/bad',
    state: 'failed',
    dockerfiles: 0,
    updates: 0,
    pullRequests: [],
    error: 'tree too large | <img src=x> @team',
  },
];

describe('rows', () => {
  it('--json gives the same rows flat, null where absent', () => {
    expect(rowsJson(rows)).toEqual([
      {
        repository: 'acme/api',
        state: 'proposed',
        dockerfiles: 3,
        updates: 2,
        pullRequests: [{ number: 7, operation: 'created' }],
        dashboard: 4,
        error: null,
      },
      {
        repository: 'acme/web',
        state: 'current',
        dockerfiles: 1,
        updates: 0,
        pullRequests: [],
        dashboard: null,
        error: null,
      },
      {
        repository: 'acme/old',
        state: 'skipped',
        dockerfiles: 0,
        updates: 0,
        pullRequests: [],
        dashboard: null,
        error: 'archived',
      },
      {
        repository: 'acme/bad',
        state: 'failed',
        dockerfiles: 0,
        updates: 0,
        pullRequests: [],
        dashboard: null,
        error: 'tree too large | <img src=x> @team',
      },
    ]);
  });

  it.each([
    [rows, 2],
    [rows.filter((row) => row.state !== 'failed'), 0],
    [[], 0],
  ])('exit code', (given, code) => {
    expect(orgExitCode(given)).toBe(code);
  });

  it('renders one table row per repository, a failure escaped inside its cell', () => {
    const summary = renderOrgSummary(rows, 'https://github.com/');
    const lines = summary.split('\n');
    expect(lines).toContain(
      '| `acme/api` | 3 | 2 | [#7](https://github.com/acme/api/pull/7) | proposed |  |',
    );
    const failed = lines.find((line) => line.startsWith('| `acme/bad`'))!;
    // Six cells: the `|` inside the error does not open a seventh, no tag or mention survives.
    expect(failed.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(failed).not.toMatch(/<img|(?<!\\)@team/);
    expect(summary).toContain('4 repositories: 1 proposed, 1 current, 1 failed, 1 skipped.');
  });

  it('counts nothing as none', () => {
    expect(countsLine([])).toBe('0 repositories: none.');
  });
});
