import { describe, expect, it } from 'vitest';
import type { BranchCommit } from '../../src/github/branch-commits.ts';
import { foreignCommits, knownChanges } from '../../src/pull-requests/ownership.ts';
import { buildState } from '../../src/pull-requests/pr-state.ts';

const sha = (c: string) => c.repeat(40);
const recorded = { ...buildState([], sha('b')), changeId: 'recorded-1' };
const proposed = { ...buildState([], sha('c')), changeId: 'proposed-2' };
const known = knownChanges(recorded, proposed);

const commit = (changes: Partial<BranchCommit>): BranchCommit => ({
  sha: sha('1'),
  login: 'github-actions[bot]',
  name: 'github-actions[bot]',
  verified: true,
  message: 'Pin alpine',
  parents: [sha('b')],
  ...changes,
});
const trailer = (id: string) => `Pin alpine\n\n- Dockerfile:1 alpine\n\nBasepin-Change: ${id}\n`;

describe('whose commits are on a basepin branch', () => {
  it.each<[string, BranchCommit[], number]>([
    ['a signed commit with the recorded change', [commit({ message: trailer('recorded-1') })], 0],
    ['a signed commit with the change proposed now', [commit({ message: trailer('proposed-2') })], 0],
    [
      'by any login: the token owner’s, say',
      [commit({ login: 'monalisa', message: trailer('recorded-1') })],
      0,
    ],
    ['an unsigned commit with the trailer', [commit({ verified: false, message: trailer('recorded-1') })], 1],
    ['a trailer naming another change', [commit({ message: trailer('other-3') })], 1],
    [
      'a trailer in the body, not the trailers',
      [commit({ message: 'Pin\n\nBasepin-Change: recorded-1\nmore\n', parents: [sha('9')] })],
      1,
    ],
    ['an older version’s commit: alone, signed, on the recorded base', [commit({})], 0],
    ['an older version’s commit on another base', [commit({ parents: [sha('9')] })], 1],
    ['an older version’s commit, unsigned', [commit({ verified: false })], 1],
    [
      'a person’s signed web commit on top of basepin’s',
      [
        commit({ message: trailer('recorded-1') }),
        commit({ sha: sha('2'), login: 'monalisa', message: 'Fix', parents: [sha('1')] }),
      ],
      1,
    ],
    [
      'an older version’s commit with a person’s on top: both, as neither can be told apart',
      [commit({}), commit({ sha: sha('2'), login: 'monalisa', message: 'Fix', parents: [sha('1')] })],
      2,
    ],
  ])('%s', (_what, commits, foreign) => {
    expect(foreignCommits({ commits, total: commits.length }, sha('f'), known)).toHaveLength(foreign);
  });

  it('an older version’s commit is not recognised without a recorded state', () => {
    const branch = { commits: [commit({})], total: 1 };
    expect(foreignCommits(branch, sha('f'), knownChanges(undefined, proposed))).toHaveLength(1);
  });

  it('commits past those listed count as someone else’s', () => {
    const branch = { commits: [commit({ message: trailer('recorded-1') })], total: 301 };
    expect(foreignCommits(branch, sha('f'), known)).toMatchObject([
      { sha: sha('f'), name: '300 more commits' },
    ]);
  });
});
