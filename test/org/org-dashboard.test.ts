import { describe, expect, it } from 'vitest';
import {
  lastDoneOf,
  mergeOrgState,
  readOrgDashboardState,
  renderOrgBlock,
  renderOrgDashboard,
  resumeOrder,
  type OrgDashboardState,
  type RepositoryRow,
} from '../../src/org/index.ts';

const earlier = new Date('2026-12-06T10:00:00Z');
const now = new Date('2026-12-07T10:00:00Z');
const row = (
  repository: string,
  state: RepositoryRow['state'],
  extra: Partial<RepositoryRow> = {},
): RepositoryRow => ({
  repository,
  state,
  dockerfiles: 1,
  updates: 0,
  pullRequests: [],
  ...extra,
});

describe('org dashboard state', () => {
  it('reads back what it wrote, through the body', () => {
    const state = mergeOrgState(
      new Map(),
      [row('acme/A', 'proposed', { dashboard: 3 }), row('acme/b', 'failed')],
      now,
    );
    const body = renderOrgDashboard({ rows: [], state, serverUrl: 'https://github.com', now });
    const reading = readOrgDashboardState(body);
    expect(reading).toEqual({
      kind: 'valid',
      state: new Map([
        ['acme/a', { at: now, state: 'proposed', dashboard: 3 }],
        ['acme/b', { at: now, state: 'failed' }],
      ]),
    });
  });

  it('keeps a repository not reached as it was, so the next run starts with it', () => {
    const previous: OrgDashboardState = new Map([
      ['acme/a', { at: earlier, state: 'current', dashboard: 9 }],
      ['acme/b', { at: earlier, state: 'current' }],
    ]);
    const next = mergeOrgState(
      previous,
      [row('acme/a', 'proposed'), row('acme/b', 'pending'), row('acme/c', 'pending')],
      now,
    );
    expect(next.get('acme/a')).toEqual({ at: now, state: 'proposed', dashboard: 9 });
    expect(next.get('acme/b')).toEqual({ at: earlier, state: 'current' });
    expect(next.get('acme/c')).toEqual({ at: new Date(0), state: 'pending' });
    const repos = ['acme/a', 'acme/b', 'acme/c'].map((fullName) => ({
      fullName,
      owner: 'acme',
      name: fullName.slice(5),
      defaultBranch: 'main',
      archived: false,
      disabled: false,
      fork: false,
      empty: false,
    }));
    expect(resumeOrder(repos, lastDoneOf(next)).map((r) => r.fullName)).toEqual([
      'acme/c',
      'acme/b',
      'acme/a',
    ]);
  });

  it.each([
    ['no block', 'a body', { kind: 'absent' }],
    [
      'an unclosed block',
      'x <!-- basepin:org {"v":1',
      { kind: 'invalid', reason: 'the basepin:org block is not closed' },
    ],
    ['another version', '<!-- basepin:org {"v":2,"repos":{}} -->', { kind: 'invalid' }],
    [
      'a key that is no repository name',
      '<!-- basepin:org {"v":1,"repos":{"x](javascript:1)":[1,"c"]}} -->',
      { kind: 'invalid' },
    ],
    ['an unknown state', '<!-- basepin:org {"v":1,"repos":{"a/b":[1,"z"]}} -->', { kind: 'invalid' }],
  ])('reads %s without throwing', (_, body, expected) => {
    expect(readOrgDashboardState(body)).toMatchObject(expected);
  });

  it('drops the repositories reached longest ago when the block would outgrow its share of the body', () => {
    const state: OrgDashboardState = new Map(
      Array.from({ length: 3000 }, (_, i) => [
        `acme/repository-${String(i).padStart(4, '0')}`,
        { at: new Date(i * 1000), state: 'current' as const },
      ]),
    );
    const reading = readOrgDashboardState(renderOrgBlock(state));
    if (reading.kind !== 'valid') throw new Error(reading.kind);
    expect(reading.state.size).toBeLessThan(3000);
    expect(reading.state.has('acme/repository-2999')).toBe(true);
    expect(reading.state.has('acme/repository-0000')).toBe(false);
  });
});

describe('renderOrgDashboard', () => {
  it('lists failures first, links each repository dashboard, and marks lines from earlier runs', () => {
    const previous: OrgDashboardState = new Map([
      ['acme/z', { at: earlier, state: 'proposed', dashboard: 2 }],
    ]);
    const rows = [
      row('acme/a', 'current', { dashboard: 5 }),
      row('acme/b', 'failed', { error: 'a `ruleset` refused it' }),
      row('acme/z', 'pending'),
    ];
    const body = renderOrgDashboard({
      rows,
      state: mergeOrgState(previous, rows, now),
      serverUrl: 'https://github.com',
      now,
    });
    const table = body.split('\n').filter((line) => line.startsWith('| `'));
    expect(table).toEqual([
      '| `acme/b` | failed |  | a \\`ruleset\\` refused it |',
      '| `acme/z` | proposed (earlier run) | [#2](https://github.com/acme/z/issues/2) |  |',
      '| `acme/a` | current | [#5](https://github.com/acme/a/issues/5) |  |',
    ]);
  });

  it('stays within an issue body, saying how many repositories it could not list', () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      row(`acme/service-number-${i}`, 'current', { dashboard: 1000 + i }),
    );
    const body = renderOrgDashboard({
      rows,
      state: mergeOrgState(new Map(), rows, now),
      serverUrl: 'https://github.com',
      now,
    });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\n\d+ more repositories are not listed \(the issue body is full\)\.\n/);
  });
});
