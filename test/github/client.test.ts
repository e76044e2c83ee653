import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { GitHubError, GitHubMessage } from '../../src/github/errors.ts';
import { createPullRequest, updatePullRequest } from '../../src/github/write-pull-request.ts';
import { findOpenPullRequest } from '../../src/github/find-pull-requests.ts';
import {
  api,
  fixture,
  pullRequestPayload,
  recordingLog,
  repo,
  repoPath,
  testClient,
  useNock,
} from './nock-github.ts';

useNock();

describe('createGitHubClient', () => {
  it('sends the token and a user agent through global fetch, to the configured base URL (GHES)', async () => {
    const scope = nock('https://ghe.example.com', {
      reqheaders: {
        authorization: 'token ghs_test',
        'user-agent': /^basepin/,
        'x-github-api-version': '2022-11-28',
      },
    })
      .get('/api/v3/repos/octo-org/webapp/pulls')
      .query({ state: 'open', head: 'octo-org:basepin/all', per_page: '10' })
      .reply(200, [pullRequestPayload({})]);
    const octokit = testClient({ baseUrl: 'https://ghe.example.com/api/v3/' });
    const pr = await findOpenPullRequest(octokit, repo, 'basepin/all');
    expect(pr).toMatchObject({
      number: 42,
      headRef: 'basepin/all',
      url: 'https://github.com/octo-org/webapp/pull/42',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('asks for API version 2022-11-28 on GraphQL too', async () => {
    const scope = nock(api, { reqheaders: { 'x-github-api-version': '2022-11-28' } })
      .post('/graphql')
      .reply(200, { data: { viewer: { login: 'octocat' } } });
    await testClient().graphql('query { viewer { login } }');
    expect(scope.isDone()).toBe(true);
  });

  it('retries a 5xx a bounded number of times', async () => {
    nock(api)
      .patch(`${repoPath}/pulls/42`)
      .reply(502, 'Bad Gateway')
      .patch(`${repoPath}/pulls/42`)
      .reply(503, { message: 'Service Unavailable' })
      .patch(`${repoPath}/pulls/42`)
      .reply(200, pullRequestPayload({ title: 'T' }));
    const pr = await updatePullRequest(testClient(), repo, 42, { title: 'T', body: 'B' });
    expect(pr.title).toBe('T');
  });

  it('gives up after the retries with a GitHubError naming operation, resource and status', async () => {
    nock(api).patch(`${repoPath}/pulls/42`).times(3).reply(500, { message: 'Server Error' });
    const failure = updatePullRequest(testClient({ retries: 2 }), repo, 42, { title: 'T', body: 'B' });
    await expect(failure).rejects.toThrow(GitHubError);
    await expect(failure).rejects.toThrow('update pull request #42 in octo-org/webapp: 500 Server Error');
  });

  it('waits out a secondary rate limit and retries', async () => {
    const log = recordingLog();
    nock(api)
      .patch(`${repoPath}/pulls/42`)
      .reply(403, fixture('secondary-rate-limit'), { 'retry-after': '1' })
      .patch(`${repoPath}/pulls/42`)
      .reply(200, pullRequestPayload({}));
    await updatePullRequest(testClient({ log }), repo, 42, { title: 'T', body: 'B' });
    expect(log.lines.some((l) => /secondary rate limit.*retrying/.test(l))).toBe(true);
  });

  it('waits out a primary rate limit, a bounded number of times', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const limited = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset };
    nock(api)
      .get(`${repoPath}/pulls`)
      .query(true)
      .times(2)
      .reply(403, { message: 'API rate limit exceeded for installation ID 1.' }, limited);
    const failure = findOpenPullRequest(testClient({ rateLimitRetries: 1 }), repo, 'basepin/all');
    await expect(failure).rejects.toMatchObject({ name: 'GitHubError', status: 403 });
  });
});

describe('GitHubError', () => {
  it('reads the 422 race message as a named constant', async () => {
    nock(api).post(`${repoPath}/pulls`).reply(422, fixture('pull-request-exists'));
    nock(api)
      .get(`${repoPath}/pulls`)
      .query({ state: 'open', head: 'octo-org:basepin/all', per_page: '10' })
      .reply(200, []);
    const failure = createPullRequest(testClient(), repo, {
      head: 'basepin/all',
      base: 'main',
      title: 'T',
      body: 'B',
      draft: false,
    });
    await expect(failure).rejects.toThrow(
      'create pull request basepin/all → main in octo-org/webapp: 422 Validation Failed: A pull request already exists for octo-org:basepin/all.',
    );
    const error = await failure.catch((e: unknown) => e);
    expect(error instanceof GitHubError && error.mentions(GitHubMessage.PullRequestExists)).toBe(true);
  });
});
