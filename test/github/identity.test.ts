import { validate } from '@octokit/graphql-schema';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { unknownLogin, viewerQuery } from '../../src/github/identity.ts';
import { api, testRepository, useNock } from './nock-github.ts';

useNock();

const refused = { message: 'Resource not accessible by integration' };

describe('token identity', () => {
  it('is the user of a personal token, asked once', async () => {
    nock(api).get('/user').once().reply(200, { login: 'octocat' });
    const github = testRepository();
    expect(await github.identity()).toBe('octocat');
    expect(await github.identity()).toBe('octocat');
  });

  it.each([
    [
      'a bot login with [bot]',
      200,
      { data: { viewer: { login: 'github-actions[bot]' } } },
      'github-actions[bot]',
    ],
    [
      'a bot login without [bot], kept as given',
      200,
      { data: { viewer: { login: 'github-actions' } } },
      'github-actions',
    ],
    [
      'HTTP 200 with FORBIDDEN errors',
      200,
      {
        data: { viewer: null },
        errors: [{ type: 'FORBIDDEN', path: ['viewer'], message: 'Resource not accessible by integration' }],
      },
      unknownLogin,
    ],
    ['HTTP 403', 403, refused, unknownLogin],
    ['HTTP 401', 401, { message: 'Bad credentials' }, unknownLogin],
    ['a reply of another shape', 200, { data: { viewer: { name: 'x' } } }, unknownLogin],
  ])('with GET /user refused, GraphQL answering %s → %s', async (_what, status, reply, login) => {
    nock(api).get('/user').reply(403, refused).post('/graphql').reply(status, reply);
    expect(await testRepository().identity()).toBe(login);
  });

  it('is unknown when GET /user answers 401 and GraphQL 401 (a bad token)', async () => {
    nock(api)
      .get('/user')
      .reply(401, { message: 'Bad credentials' })
      .post('/graphql')
      .reply(401, { message: 'Bad credentials' });
    expect(await testRepository().identity()).toBe(unknownLogin);
  });

  it('is never a GitHub login', () => {
    // Logins are letters, digits and single hyphens, optionally with `[bot]`.
    expect(unknownLogin).not.toMatch(/^[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:\[bot\])?$/);
  });
});

describe('the viewer query', () => {
  it('is valid against GitHub’s GraphQL schema', () => {
    expect(validate(viewerQuery)).toEqual([]);
  });

  it('would be caught if it asked for a field GitHub does not have', () => {
    expect(validate('query { viewer { login botLogin } }')).not.toEqual([]);
  });
});
