import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient, createGitHubRepository, commitFiles } from '../../src/github/index.ts';
import { unknownLogin } from '../../src/github/identity.ts';
import { createGitHubStub, stubViewers, type GitHubStub, type StubViewer } from './github-stub.ts';

const repo = { owner: 'octo-org', repo: 'webapp' };
let stub: GitHubStub | undefined;

afterEach(async () => {
  await stub?.stop();
  stub = undefined;
});

async function start(options: { viewer?: StubViewer; actor?: string } = {}) {
  stub = await createGitHubStub({ ...repo, files: { Dockerfile: 'FROM alpine:3.20\n' }, ...options });
  const octokit = createGitHubClient({ token: 't', baseUrl: stub.url, retries: 0, paceWrites: false });
  return { stub, octokit, github: createGitHubRepository(octokit, repo) };
}

describe('the GitHub stub answers "who is this token" as GitHub does', () => {
  it.each<[StubViewer, string]>([
    ['login', 'github-actions[bot]'],
    ['login-without-bot', 'github-actions'],
    ['forbidden', unknownLogin],
    ['refused', unknownLogin],
  ])('an installation token with GraphQL viewer mode %s → %s', async (viewer, login) => {
    const { stub, github } = await start({ viewer });
    expect(await github.identity()).toBe(login);
    expect(stub.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /user 403',
      `POST /graphql ${viewer === 'refused' ? 403 : 200}`,
    ]);
  });

  it('lists every mode', () => {
    expect(stubViewers).toEqual(['login', 'login-without-bot', 'forbidden', 'refused']);
  });

  it('names a person’s token at GET /user', async () => {
    const { stub, github } = await start({ actor: 'monalisa' });
    expect(await github.identity()).toBe('monalisa');
    expect(stub.requests.map((r) => r.path)).toEqual(['/user']);
  });

  it('refuses a GraphQL query GitHub’s schema does not allow', async () => {
    const { octokit } = await start();
    await expect(octokit.graphql('query { viewer { login __typename botLogin } }')).rejects.toThrow(
      /invalid GraphQL query/,
    );
  });
});

describe('what the installation token creates is attributed to github-actions[bot] (type Bot)', () => {
  it('issues, comments, pull requests and commits', async () => {
    const { stub, octokit, github } = await start();
    const issue = await github.createIssue({ title: 't', body: 'b', labels: [] });
    const { data: issueJson } = await octokit.rest.issues.get({ ...repo, issue_number: issue.number });
    expect(issueJson.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    await github.comment(issue.number, 'hi');
    const { data: comments } = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: issue.number,
    });
    expect(comments[0]?.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const sha = await commitFiles(octokit, repo, {
      branch: 'basepin/all',
      baseSha: stub.branchSha('main') as string,
      message: 'Pin',
      files: [{ path: 'Dockerfile', bytes: new TextEncoder().encode('FROM alpine:3.21\n') }],
    });
    const { pullRequest: pr } = await github.createPullRequest({
      head: 'basepin/all',
      base: 'main',
      title: 'Pin',
      body: '',
      draft: false,
    });
    const { data: prJson } = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    expect(prJson.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const { data: compare } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `main...basepin/all`,
    });
    expect(
      compare.commits.map((c) => [c.sha, c.author?.login, c.author?.type, c.commit.verification?.verified]),
    ).toEqual([[sha, 'github-actions[bot]', 'Bot', true]]);
  });
});
