import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { getDefaultBranch } from '../../src/github/default-branch.ts';
import { deleteBranch } from '../../src/github/delete-branch.ts';
import { GitHubError } from '../../src/github/errors.ts';
import {
  findOpenPullRequest,
  listClosedPullRequests,
  listOpenPullRequests,
} from '../../src/github/find-pull-requests.ts';
import { addAssignees, addLabels, requestReviewers } from '../../src/github/pull-request-metadata.ts';
import { closePullRequest, createPullRequest } from '../../src/github/write-pull-request.ts';
import { api, fixture, pullRequestPayload, repo, repoPath, testClient, useNock } from './nock-github.ts';

useNock();

const quick = { attempts: 3, delayMs: 1 };
const create = {
  head: 'basepin/all',
  base: 'main',
  title: 'Pin and refresh base image digests',
  body: 'B',
  draft: true,
};

describe('finding pull requests', () => {
  it('finds the open PR of a branch of this repository, not a fork’s same-named branch', async () => {
    nock(api)
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', head: 'octo-org:basepin/all', per_page: '10' })
      .reply(200, [
        pullRequestPayload({ number: 7, headRepo: 'someone/webapp' }),
        pullRequestPayload({ number: 8 }),
      ]);
    expect((await findOpenPullRequest(testClient(), repo, 'basepin/all'))?.number).toBe(8);
  });

  it('lists open PRs into the base whose branch has the prefix, across pages', async () => {
    nock(api)
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', base: 'main', per_page: '100' })
      .reply(
        200,
        [
          pullRequestPayload({ number: 1, branch: 'basepin/alpine' }),
          pullRequestPayload({ number: 2, branch: 'feature/x' }),
        ],
        {
          link: `<${api}${repoPath}/pulls?state=open&base=main&per_page=100&page=2>; rel="next"`,
        },
      )
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', base: 'main', per_page: '100', page: '2' })
      .reply(200, [pullRequestPayload({ number: 3, branch: 'basepin/node' })]);
    const prs = await listOpenPullRequests(testClient(), repo, { base: 'main', headPrefix: 'basepin/' });
    expect(prs.map((pr) => [pr.number, pr.headRef])).toEqual([
      [1, 'basepin/alpine'],
      [3, 'basepin/node'],
    ]);
  });

  it('lists closed PRs of a branch, most recently closed first, reading merged from merged_at', async () => {
    nock(api)
      .get(`${repoPath}/pulls`)
      .query({
        state: 'closed',
        head: 'octo-org:basepin/all',
        sort: 'updated',
        direction: 'desc',
        per_page: '10',
      })
      .reply(200, [
        pullRequestPayload({
          number: 5,
          state: 'closed',
          closed_at: '2026-01-01T00:00:00Z',
          merged_at: '2026-01-01T00:00:00Z',
        }),
        pullRequestPayload({ number: 9, state: 'closed', closed_at: '2026-02-01T00:00:00Z' }),
      ]);
    const prs = await listClosedPullRequests(testClient(), repo, 'basepin/all');
    expect(prs.map((pr) => [pr.number, pr.merged])).toEqual([
      [9, false],
      [5, true],
    ]);
  });
});

describe('createPullRequest', () => {
  it('opens a PR', async () => {
    nock(api)
      .post(`${repoPath}/pulls`, {
        head: 'basepin/all',
        base: 'main',
        title: create.title,
        body: 'B',
        draft: true,
      })
      .reply(201, pullRequestPayload({ number: 43 }));
    const result = await createPullRequest(testClient(), repo, create);
    expect(result).toMatchObject({ created: true, pullRequest: { number: 43 } });
  });

  it('on 422 "A pull request already exists", finds it and updates it', async () => {
    nock(api)
      .post(`${repoPath}/pulls`)
      .reply(422, fixture('pull-request-exists'))
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', head: 'octo-org:basepin/all', per_page: '10' })
      .reply(200, [pullRequestPayload({ number: 44 })])
      .patch(`${repoPath}/pulls/44`, { title: create.title, body: 'B' })
      .reply(200, pullRequestPayload({ number: 44, body: 'B' }));
    const result = await createPullRequest(testClient(), repo, create);
    expect(result).toMatchObject({ created: false, pullRequest: { number: 44, body: 'B' } });
  });

  it('opens a PR ready for review where the repository cannot hold drafts', async () => {
    nock(api)
      .post(`${repoPath}/pulls`, (body: { draft?: boolean }) => body.draft === true)
      .reply(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'Draft pull requests are not supported in this repository.',
          },
        ],
      })
      .post(`${repoPath}/pulls`, (body: { draft?: boolean }) => body.draft === false)
      .reply(201, pullRequestPayload({ number: 45 }));
    const result = await createPullRequest(testClient(), repo, create);
    expect(result).toMatchObject({ created: true, pullRequest: { number: 45 } });
  });

  it('lets another 422 through', async () => {
    nock(api)
      .post(`${repoPath}/pulls`)
      .reply(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
      });
    await expect(createPullRequest(testClient(), repo, create)).rejects.toThrow(
      'create pull request basepin/all → main in octo-org/webapp: 422 Validation Failed: base invalid',
    );
  });
});

describe('closing', () => {
  it('comments, then closes with the new body', async () => {
    nock(api)
      .post(`${repoPath}/issues/42/comments`, { body: 'pins are current on main' })
      .reply(201, fixture('issue-comment'))
      .patch(`${repoPath}/pulls/42`, { state: 'closed', body: 'new body' })
      .reply(200, pullRequestPayload({ state: 'closed' }));
    await closePullRequest(testClient(), repo, 42, { comment: 'pins are current on main', body: 'new body' });
  });

  it('deletes a branch, and a branch already gone is fine', async () => {
    nock(api)
      .delete(`${repoPath}/git/refs/heads/basepin/all`)
      .reply(204)
      .delete(`${repoPath}/git/refs/heads/basepin/old`)
      .reply(422, { message: 'Reference does not exist', status: '422' });
    await deleteBranch(testClient(), repo, 'basepin/all');
    await deleteBranch(testClient(), repo, 'basepin/old');
  });
});

describe('labels, reviewers, assignees', () => {
  it('retries labels while GitHub does not know the new PR yet (422), a bounded number of times', async () => {
    nock(api)
      .post(`${repoPath}/issues/43/labels`, { labels: ['dependencies'] })
      .reply(422, fixture('labels-not-ready'))
      .post(`${repoPath}/issues/43/labels`)
      .reply(404, fixture('not-found'))
      .post(`${repoPath}/issues/43/labels`)
      .reply(200, fixture('labels'));
    await addLabels(testClient(), repo, 43, ['dependencies'], quick);
  });

  it('gives up after the attempts', async () => {
    nock(api).post(`${repoPath}/issues/43/labels`).times(3).reply(422, fixture('labels-not-ready'));
    await expect(addLabels(testClient(), repo, 43, ['dependencies'], quick)).rejects.toBeInstanceOf(
      GitHubError,
    );
  });

  it('sends users and org/team reviewers apart, and assignees', async () => {
    nock(api)
      .post(`${repoPath}/pulls/43/requested_reviewers`, {
        reviewers: ['monalisa'],
        team_reviewers: ['platform'],
      })
      .reply(201, pullRequestPayload({ number: 43 }))
      .post(`${repoPath}/issues/43/assignees`, { assignees: ['hubot'] })
      .reply(201, { number: 43 });
    await requestReviewers(testClient(), repo, 43, ['monalisa', 'octo-org/platform'], quick);
    await addAssignees(testClient(), repo, 43, ['hubot'], quick);
  });

  it('asks once when GitHub refuses reviewers who are not collaborators (or teams GITHUB_TOKEN cannot see), saying why', async () => {
    const refusal = {
      message:
        'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the octo-org/webapp repository.',
      documentation_url:
        'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
      status: '422',
    };
    const scope = nock(api).post(`${repoPath}/pulls/43/requested_reviewers`).once().reply(422, refusal);
    const asked = requestReviewers(testClient(), repo, 43, ['octo-org/platform'], { ...quick, attempts: 4 });
    await expect(asked).rejects.toThrow(GitHubError);
    await expect(asked).rejects.toThrow(
      /not a collaborator.*team reviewers need a GitHub App or personal access token/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('still retries a reviewer request GitHub answers 422 for because it does not know the new PR yet', async () => {
    nock(api)
      .post(`${repoPath}/pulls/43/requested_reviewers`)
      .reply(422, fixture('labels-not-ready'))
      .post(`${repoPath}/pulls/43/requested_reviewers`)
      .reply(201, pullRequestPayload({ number: 43 }));
    await requestReviewers(testClient(), repo, 43, ['monalisa'], quick);
  });

  it('makes no request for an empty list', async () => {
    await addLabels(testClient(), repo, 43, [], quick);
    await requestReviewers(testClient(), repo, 43, [], quick);
    await addAssignees(testClient(), repo, 43, [], quick);
  });
});

describe('getDefaultBranch', () => {
  it('reads it from the repository', async () => {
    nock(api)
      .get(repoPath)
      .reply(200, { id: 1296269, full_name: 'octo-org/webapp', default_branch: 'trunk' });
    expect(await getDefaultBranch(testClient(), repo)).toBe('trunk');
  });
});
