import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient, createGitHubRepository } from '../../src/github/index.ts';
import { basepinLabel, chooseDashboard } from '../../src/text/marks.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';

const repo = { owner: 'octo-org', repo: 'webapp' };
let stub: GitHubStub | undefined;
afterEach(async () => {
  await stub?.stop();
  stub = undefined;
});

const block = '<!-- basepin:dashboard {"v":1,"ignores":[],"pending":[]} -->';

describe('the dashboard among labelled issues, by its mark', () => {
  it('lists open labelled issues oldest first, whoever opened them; duplicates close', async () => {
    stub = await createGitHubStub({ ...repo, files: { README: 'x' } });
    const octokit = createGitHubClient({ token: 't', baseUrl: stub.url, retries: 0, paceWrites: false });
    const github = createGitHubRepository(octokit, repo);
    const lookAlike = stub.openIssue({
      title: 'basepin dashboard',
      body: 'no block',
      user: 'a-person',
      labels: [basepinLabel],
    });
    const oldest = stub.openIssue({
      title: 'basepin dashboard',
      body: block,
      user: 'github-actions',
      labels: [basepinLabel],
    });
    const unlabelled = stub.openIssue({
      title: 'basepin dashboard',
      body: block,
      user: 'github-actions[bot]',
    });
    const { number: newer } = await github.createIssue({
      title: 'basepin dashboard',
      body: block,
      labels: [basepinLabel],
    });

    const listed = await github.listLabelledIssues(basepinLabel);
    expect(listed.map((i) => [i.number, i.labels])).toEqual([
      [lookAlike, [basepinLabel]],
      [oldest, [basepinLabel]],
      [newer, [basepinLabel]],
    ]);
    expect(listed.map((i) => i.number)).not.toContain(unlabelled);
    const { dashboard, duplicates } = chooseDashboard(listed);
    expect(dashboard?.number).toBe(oldest);
    expect(duplicates.map((i) => i.number)).toEqual([newer]);

    await github.closeIssue(newer);
    expect(stub.issues().find((i) => i.number === newer)?.state).toBe('closed');
    expect((await github.listLabelledIssues(basepinLabel)).map((i) => i.number)).toEqual([lookAlike, oldest]);
  });
});
