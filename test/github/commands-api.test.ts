import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { listBranchCommits, maxComparedCommits } from '../../src/github/branch-commits.ts';
import { GitHubPayloadError } from '../../src/github/errors.ts';
import { BranchMovedError } from '../../src/github/update-branch.ts';
import {
  api,
  pullRequestPayload,
  repo,
  repoPath,
  testClient,
  testRepository,
  useNock,
} from './nock-github.ts';

useNock();

const sha = (c: string) => c.repeat(40);

describe('collaborator permission', () => {
  const answer = (permission: string, role_name?: string, permissions?: Record<string, boolean>) => ({
    permission,
    ...(role_name ? { role_name } : {}),
    user: { login: 'someone', type: 'User', ...(permissions ? { permissions } : {}) },
  });
  it.each([
    ['admin', answer('admin', 'admin'), 'admin'],
    ['maintain (legacy field says write)', answer('write', 'maintain'), 'maintain'],
    ['write', answer('write', 'write'), 'write'],
    ['triage (legacy field says read)', answer('read', 'triage'), 'triage'],
    ['read', answer('read', 'read'), 'read'],
    ['none', answer('none'), 'none'],
    [
      'a custom role, from its booleans',
      answer('write', 'security-reviewer', {
        admin: false,
        maintain: false,
        push: true,
        triage: true,
        pull: true,
      }),
      'write',
    ],
    ['only the legacy field', answer('read'), 'read'],
    ['an unknown legacy value', answer('superuser'), 'none'],
  ])('%s', async (_name, body, expected) => {
    nock(api).get(`${repoPath}/collaborators/someone/permission`).reply(200, body);
    expect(await testRepository().permissionOf('someone')).toBe(expected);
  });

  it('a user GitHub does not know (404) has none', async () => {
    nock(api).get(`${repoPath}/collaborators/ghost/permission`).reply(404, { message: 'Not Found' });
    expect(await testRepository().permissionOf('ghost')).toBe('none');
  });

  it('another failure is an error, not a silent none', async () => {
    nock(api).get(`${repoPath}/collaborators/someone/permission`).reply(403, { message: 'Forbidden' });
    await expect(testRepository().permissionOf('someone')).rejects.toThrow(/read permission of someone/);
  });

  it('fails closed with a typed error naming the field when the answer has the wrong shape', async () => {
    nock(api).get(`${repoPath}/collaborators/someone/permission`).reply(200, { permission: 7 });
    const asked = testRepository().permissionOf('someone');
    await expect(asked).rejects.toThrow(GitHubPayloadError);
    await expect(asked).rejects.toThrow(
      /read permission of someone in .*: 200 unexpected reply: permission: /,
    );
  });
});

describe('comments and reactions', () => {
  it('comments and reacts', async () => {
    nock(api)
      .post(`${repoPath}/issues/5/comments`, { body: 'hi' })
      .reply(201, { id: 77, html_url: 'https://github.com/octo-org/webapp/pull/5#issuecomment-77' })
      .post(`${repoPath}/issues/comments/9/reactions`, { content: 'eyes' })
      .reply(201, { id: 1, content: 'eyes' });
    const github = testRepository();
    expect(await github.comment(5, 'hi')).toEqual({
      id: 77,
      url: 'https://github.com/octo-org/webapp/pull/5#issuecomment-77',
    });
    await github.react(9, 'eyes');
  });
});

describe('branches', () => {
  it('lists the commits on a branch with their messages, parents and signatures, asking no identity', async () => {
    nock(api)
      .get(`${repoPath}/compare/${sha('a')}...basepin%2Fall`)
      .query({ per_page: '100', page: '1' })
      .reply(200, {
        total_commits: 2,
        commits: [
          {
            sha: sha('1'),
            author: { login: 'github-actions[bot]' },
            parents: [{ sha: sha('a') }],
            commit: {
              author: { name: 'github-actions[bot]' },
              message: 'Pin\n\nBasepin-Change: abc\n',
              verification: { verified: true },
            },
          },
          {
            sha: sha('2'),
            author: null,
            parents: [{ sha: sha('1') }],
            commit: { author: { name: 'Mona' }, message: 'Edit', verification: { verified: false } },
          },
        ],
      });
    expect(await testRepository().listBranchCommits(sha('a'), 'basepin/all')).toEqual({
      total: 2,
      commits: [
        {
          sha: sha('1'),
          login: 'github-actions[bot]',
          name: 'github-actions[bot]',
          verified: true,
          message: 'Pin\n\nBasepin-Change: abc\n',
          parents: [sha('a')],
        },
        {
          sha: sha('2'),
          login: undefined,
          name: 'Mona',
          verified: false,
          message: 'Edit',
          parents: [sha('1')],
        },
      ],
    });
  });

  it('a fast-forward GitHub refuses (422) is a moved branch', async () => {
    nock(api)
      .patch(`${repoPath}/git/refs/heads/feature`, { sha: sha('c'), force: false })
      .reply(422, { message: 'Update is not a fast forward' })
      .get(`${repoPath}/git/ref/heads/feature`)
      .reply(200, { ref: 'refs/heads/feature', object: { sha: sha('d'), type: 'commit' } });
    const error = await testRepository()
      .moveBranchFrom({ branch: 'feature', expected: sha('b'), sha: sha('c'), fastForward: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BranchMovedError);
    expect((error as BranchMovedError).actual).toBe(sha('d'));
  });

  it('a forced move reads the branch first and refuses when it moved', async () => {
    nock(api)
      .get(`${repoPath}/git/ref/heads/basepin/all`)
      .reply(200, { ref: 'refs/heads/basepin/all', object: { sha: sha('d'), type: 'commit' } });
    await expect(
      testRepository().moveBranchFrom({
        branch: 'basepin/all',
        expected: sha('b'),
        sha: sha('c'),
        fastForward: false,
      }),
    ).rejects.toBeInstanceOf(BranchMovedError);
  });

  it('a forced move from the expected sha goes through', async () => {
    nock(api)
      .get(`${repoPath}/git/ref/heads/basepin/all`)
      .reply(200, { ref: 'refs/heads/basepin/all', object: { sha: sha('b'), type: 'commit' } })
      .patch(`${repoPath}/git/refs/heads/basepin/all`, { sha: sha('c'), force: true })
      .reply(200, { ref: 'refs/heads/basepin/all', object: { sha: sha('c'), type: 'commit' } });
    await testRepository().moveBranchFrom({
      branch: 'basepin/all',
      expected: sha('b'),
      sha: sha('c'),
      fastForward: false,
    });
  });
});

describe('pull request files', () => {
  it('reads the PR, its changed files (not removed ones) and a file at a commit', async () => {
    nock(api)
      .get(`${repoPath}/pulls/8`)
      .reply(200, pullRequestPayload({ number: 8, branch: 'feature', headRepo: 'someone/webapp' }))
      .get(`${repoPath}/pulls/8/files`)
      .query({ per_page: '100' })
      .reply(200, [
        { filename: 'Dockerfile', status: 'modified' },
        { filename: 'old/Dockerfile', status: 'removed' },
      ])
      .get(`${repoPath}/contents/Dockerfile`)
      .query({ ref: sha('e') })
      .matchHeader('accept', 'application/vnd.github.raw+json')
      .reply(200, Buffer.from('FROM alpine\n# caf\xe9\n', 'latin1'), {
        'content-type': 'application/vnd.github.raw',
      })
      .get(`${repoPath}/contents/docs`)
      .query({ ref: sha('e') })
      .reply(200, [{ type: 'file', name: 'README.md', path: 'docs/README.md' }])
      .get(`${repoPath}/contents/missing`)
      .query({ ref: sha('e') })
      .reply(404, { message: 'Not Found' });
    const github = testRepository();
    expect((await github.getPullRequest(8)).headRepository).toBe('someone/webapp');
    expect(await github.listChangedFiles(8)).toEqual(['Dockerfile']);
    // Byte for byte, whatever the encoding: a latin1 file is not decoded as UTF-8 on the way.
    expect((await github.readFileAt('Dockerfile', sha('e')))?.toString('latin1')).toBe(
      'FROM alpine\n# caf\xe9\n',
    );
    expect(await github.readFileAt('docs', sha('e'))).toBeUndefined();
    expect(await github.readFileAt('missing', sha('e'))).toBeUndefined();
  });
});

describe('compare', () => {
  const page = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      sha: String(from + i)
        .padStart(40, '0')
        .slice(-40),
      author: { login: 'github-actions[bot]' },
      commit: {
        author: { name: 'github-actions[bot]' },
        message: 'Pin digests',
        verification: { verified: true },
      },
    }));

  it.each([
    ['one short page', 42, [42]],
    ['exactly one full page', 100, [100]],
    ['three pages', 250, [100, 100, 50]],
    ['more than it reads: three pages, the rest counted', 420, [100, 100, 100]],
  ])('reads %s of a %i-commit branch', async (_what, total, pages) => {
    let from = 0;
    for (const [index, count] of pages.entries()) {
      nock(api)
        .get(`${repoPath}/compare/main...basepin%2Fall`)
        .query({ per_page: '100', page: String(index + 1) })
        .reply(200, { total_commits: total, commits: page(from, count) });
      from += count;
    }
    const { commits, total: counted } = await listBranchCommits(testClient(), repo, 'main', 'basepin/all');
    expect(counted).toBe(total);
    expect(commits.length).toBe(Math.min(total, maxComparedCommits));
    expect(new Set(commits.map((c) => c.sha)).size).toBe(commits.length);
  });
});
