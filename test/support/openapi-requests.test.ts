import { describe, expect, it } from 'vitest';
import { createGitHubStub } from './github-stub.ts';
import { checkRequest } from './openapi-requests.ts';

const repo = '/repos/octo-org/webapp';

describe('checkRequest: a request against GitHub’s REST description', () => {
  it.each([
    [
      'a pull request list',
      'GET',
      `${repo}/pulls`,
      { state: 'open', head: 'octo-org:basepin/all', per_page: '100' },
      undefined,
    ],
    ['a ref, its slashes encoded', 'GET', `${repo}/git/ref/heads%2Fbasepin%2Fall`, {}, undefined],
    [
      'a ref, its slashes bare (a multi-segment parameter)',
      'PATCH',
      `${repo}/git/refs/heads/basepin/all`,
      {},
      { sha: 'a'.repeat(40), force: true },
    ],
    ['a nested file', 'GET', `${repo}/contents/services/api/Dockerfile`, { ref: 'main' }, undefined],
    ['a comment reaction', 'POST', `${repo}/issues/comments/12/reactions`, {}, { content: 'eyes' }],
    [
      'reviewers and teams',
      'POST',
      `${repo}/pulls/4/requested_reviewers`,
      {},
      { reviewers: ['a'], team_reviewers: ['t'] },
    ],
    [
      'a tree with modes',
      'POST',
      `${repo}/git/trees`,
      {},
      { base_tree: 'b', tree: [{ path: 'D', mode: '100755', type: 'blob', sha: 'c' }] },
    ],
    [
      'compare paged',
      'GET',
      `${repo}/compare/main...basepin%2Fall`,
      { per_page: '100', page: '2' },
      undefined,
    ],
  ])('allows %s', (_what, method, rawPath, query, body) => {
    expect(checkRequest({ method, rawPath, query, body })).toEqual([]);
  });

  it.each([
    ['an unknown path', 'GET', `${repo}/pullz`, {}, undefined, /no operation/],
    ['an unknown method', 'PUT', `${repo}/pulls`, {}, undefined, /no operation/],
    ['a non-numeric number', 'GET', `${repo}/pulls/abc`, {}, undefined, /pull_number: string is not integer/],
    [
      'an unknown query parameter',
      'GET',
      `${repo}/pulls`,
      { sate: 'open' },
      undefined,
      /query parameter sate/,
    ],
    [
      'a query value outside its enum',
      'GET',
      `${repo}/pulls`,
      { state: 'merged' },
      undefined,
      /"merged" is not one of/,
    ],
    ['a missing body', 'POST', `${repo}/git/blobs`, {}, undefined, /JSON body is missing/],
    [
      'a missing required field',
      'POST',
      `${repo}/pulls`,
      {},
      { head: 'h', title: 't' },
      /required property base/,
    ],
    [
      'a misspelt field',
      'POST',
      `${repo}/pulls/4/requested_reviewers`,
      {},
      { reviewer: ['a'] },
      /unknown property reviewer/,
    ],
    [
      'a wrong mode',
      'POST',
      `${repo}/git/trees`,
      {},
      { tree: [{ path: 'D', mode: '100600', type: 'blob', sha: 'c' }] },
      /"100600" is not one of/,
    ],
    [
      'a wrong reaction',
      'POST',
      `${repo}/issues/comments/12/reactions`,
      {},
      { content: 'wave' },
      /"wave" is not one of/,
    ],
    ['a body on a GET', 'GET', `${repo}/pulls`, {}, { x: 1 }, /does not take/],
  ])('refuses %s', (_what, method, rawPath, query, body, problem) => {
    const problems = checkRequest({ method, rawPath, query, body });
    expect(problems.join('\n')).toMatch(problem);
  });
});

describe('the GitHub stub checks every request it serves', () => {
  it('answers a request GitHub would not take with 400, and its stop() fails the test', async () => {
    const stub = await createGitHubStub({ owner: 'octo-org', repo: 'webapp', files: { README: 'x' } });
    const response = await fetch(`${stub.url}${repo}/pulls`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: JSON.stringify({ head: 'h', base: 'main', title: 't', drafts: true }),
    });
    expect(response.status).toBe(400);
    expect(stub.invalid().map((r) => r.invalid)).toEqual([
      [expect.stringMatching(/unknown property drafts/)],
    ]);
    expect(stub.pullRequests()).toEqual([]);
    await expect(stub.stop()).rejects.toThrow(/1 request\(s\) GitHub's OpenAPI description does not allow/);
  });
});
