import { describe, expect, it } from 'vitest';
import {
  parseRepositorySelection,
  RepositorySelectionError,
  resumeOrder,
  selectRepositories,
  type OrgRepository,
} from '../../src/org/index.ts';

function repo(fullName: string, flags: Partial<OrgRepository> = {}): OrgRepository {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    fullName,
    owner,
    name,
    defaultBranch: 'main',
    archived: false,
    disabled: false,
    fork: false,
    empty: false,
    ...flags,
  };
}

const listed = [
  repo('acme/svc-api'),
  repo('acme/svc-web'),
  repo('acme/svc-old', { archived: true }),
  repo('acme/svc-frozen', { disabled: true }),
  repo('acme/svc-fork', { fork: true }),
  repo('acme/svc-new', { empty: true }),
  repo('acme/Tools'),
  repo('other/svc-api'),
];

describe('parseRepositorySelection', () => {
  it.each([
    ['all', { kind: 'all' }],
    [' ALL\n', { kind: 'all' }],
    ['acme/svc-*', { kind: 'patterns', patterns: ['acme/svc-*'] }],
    ['acme/a, acme/b\nacme/c', { kind: 'patterns', patterns: ['acme/a', 'acme/b', 'acme/c'] }],
    ['tools', { kind: 'patterns', patterns: ['tools'] }],
    ['acme/{api,web}, acme/x', { kind: 'patterns', patterns: ['acme/{api,web}', 'acme/x'] }],
  ])('%j', (text, expected) => {
    expect(parseRepositorySelection(text)).toEqual(expected);
  });

  it.each([
    ['', /expected `all`/],
    ['all, acme/x', /`all` stands alone/],
    ['acme/x/y', /"acme\/x\/y" is not owner\/name/],
    ['acme/$(rm)', /is not owner\/name/],
    ['../etc', /is not owner\/name/],
  ])('refuses %j with one line', (text, message) => {
    expect(() => parseRepositorySelection(text)).toThrow(RepositorySelectionError);
    expect(() => parseRepositorySelection(text)).toThrow(message);
  });
});

describe('selectRepositories', () => {
  it('takes every repository for `all`, listing the ones it skips with the reason', () => {
    const result = selectRepositories(listed, { kind: 'all' });
    expect(result.selected.map((r) => r.fullName)).toEqual([
      'acme/svc-api',
      'acme/svc-web',
      'acme/Tools',
      'other/svc-api',
    ]);
    expect(result.skipped).toEqual([
      { repository: 'acme/svc-old', reason: 'archived' },
      { repository: 'acme/svc-frozen', reason: 'disabled' },
      { repository: 'acme/svc-fork', reason: 'fork' },
      { repository: 'acme/svc-new', reason: 'empty' },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it.each([
    [
      ['acme/svc-*'],
      ['acme/svc-api', 'acme/svc-web'],
      ['acme/svc-old', 'acme/svc-frozen', 'acme/svc-fork', 'acme/svc-new'],
      [],
    ],
    [['svc-api'], ['acme/svc-api', 'other/svc-api'], [], []],
    [['ACME/tools'], ['acme/Tools'], [], []],
    [['acme/{svc-api,nope}', 'acme/missing'], ['acme/svc-api'], [], ['acme/missing']],
    [['*/svc-old'], [], ['acme/svc-old'], []],
  ])('%j selects %j', (patterns, selected, skipped, unmatched) => {
    const result = selectRepositories(listed, { kind: 'patterns', patterns });
    expect(result.selected.map((r) => r.fullName)).toEqual(selected);
    expect(result.skipped.map((s) => s.repository)).toEqual(skipped);
    expect(result.unmatched).toEqual(unmatched);
  });

  it('treats pattern characters of a name as a glob, never as a regular expression', () => {
    const dotted = [repo('acme/a.b'), repo('acme/axb')];
    expect(selectRepositories(dotted, { kind: 'patterns', patterns: ['acme/a.b'] }).selected).toEqual([
      dotted[0],
    ]);
  });
});

describe('resumeOrder', () => {
  const repos = [repo('acme/c'), repo('acme/a'), repo('acme/b'), repo('acme/d')];

  it('puts never-done repositories first by name, then the one done longest ago', () => {
    const order = resumeOrder(repos, {
      'acme/a': '2026-12-07T10:00:00.000Z',
      'acme/b': '2026-12-06T10:00:00.000Z',
    });
    expect(order.map((r) => r.fullName)).toEqual(['acme/c', 'acme/d', 'acme/b', 'acme/a']);
  });

  it('reads the state by lower-cased name and treats an unreadable time as never done', () => {
    const order = resumeOrder([repo('acme/Big'), repo('acme/z')], {
      'acme/big': '2026-12-07T10:00:00.000Z',
      'acme/z': 'not a time',
    });
    expect(order.map((r) => r.fullName)).toEqual(['acme/z', 'acme/Big']);
  });

  it('gives the same order whatever order the listing came in', () => {
    const lastDone = { 'acme/a': '2026-12-07T10:00:00.000Z' };
    expect(resumeOrder([...repos].reverse(), lastDone)).toEqual(resumeOrder(repos, lastDone));
  });
});
