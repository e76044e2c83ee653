import { describe, expect, it } from 'vitest';
import { replaceBranch } from '../../src/pull-requests/replace-branch.ts';
import type { BranchCommit } from '../../src/github/branch-commits.ts';
import { BranchMovedError } from '../../src/github/update-branch.ts';
import type { GitDataApi } from '../../src/github/index.ts';
import { fakeRepository } from '../support/fake-repository.ts';

const sha = (c: string) => c.repeat(40);
const input = {
  branch: 'basepin/all',
  head: sha('a'),
  baseBranch: 'main',
  baseSha: sha('b'),
  message: 'm',
  files: [{ path: 'Dockerfile', bytes: Buffer.from('FROM x\n') }],
  overwrite: false,
  known: { changeIds: new Set(['change-1']), recordedBase: sha('b') },
};

/** A commit on the branch as compare lists it. */
const commit = (changes: Partial<BranchCommit>): BranchCommit => ({
  sha: sha('d'),
  login: 'monalisa',
  name: 'Mona',
  verified: true,
  message: 'Edit',
  parents: [sha('c')],
  ...changes,
});

/** The branch is at `heads[i]` when the i-th move happens; a move from anything else fails. */
function github(heads: string[], foreign: Record<string, BranchCommit[]> = {}) {
  const moves: string[] = [];
  let index = 0;
  const repository = fakeRepository<GitDataApi>({
    writeCommit: async () => sha('c'),
    listBranchCommits: async (_base: string, head: string) => {
      const commits = foreign[head] ?? [];
      return { commits, total: commits.length };
    },
    moveBranchFrom: async ({ branch, expected }) => {
      const actual = heads[index++];
      if (actual !== expected) throw new BranchMovedError(branch, expected, actual);
      moves.push(expected);
    },
  });
  return { repository, moves };
}

describe('replaceBranch', () => {
  it('moves from the sha that was read', async () => {
    const { repository, moves } = github([sha('a')]);
    expect(await replaceBranch(repository, input)).toEqual({ kind: 'moved', sha: sha('c') });
    expect(moves).toEqual([sha('a')]);
  });

  it('re-reads and retries once when someone pushed basepin-made history meanwhile', async () => {
    const racing = commit({ message: 'Pin\n\nBasepin-Change: change-1\n', login: 'someone' });
    const { repository, moves } = github([sha('d'), sha('d')], { [sha('d')]: [racing] });
    expect(await replaceBranch(repository, input)).toEqual({ kind: 'moved', sha: sha('c') });
    expect(moves).toEqual([sha('d')]);
  });

  it('refuses when the new head carries someone else’s commit', async () => {
    const { repository, moves } = github([sha('d')], {
      [sha('d')]: [commit({})],
    });
    expect(await replaceBranch(repository, input)).toEqual({
      kind: 'refused',
      reason: expect.stringMatching(/commit ddddddd by monalisa is not basepin's/),
    });
    expect(moves).toEqual([]);
  });

  it('recreate replaces the new head without asking whose it is', async () => {
    const { repository, moves } = github([sha('d'), sha('d')], {
      [sha('d')]: [commit({})],
    });
    expect(await replaceBranch(repository, { ...input, overwrite: true })).toMatchObject({ kind: 'moved' });
    expect(moves).toEqual([sha('d')]);
  });

  it('a branch that moves twice is an error, not a third try', async () => {
    const { repository } = github([sha('d'), sha('e')]);
    await expect(replaceBranch(repository, input)).rejects.toBeInstanceOf(BranchMovedError);
  });
});
