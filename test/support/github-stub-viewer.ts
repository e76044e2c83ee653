import { validate } from '@octokit/graphql-schema';
import { StubHttpError, type StubReply } from './github-stub-http.ts';
import { userJson, type StubState } from './github-stub-state.ts';

/**
 * How the stub answers "who is this token" (`GET /user`, GraphQL `viewer`), in the ways GitHub does.
 * `GET /user` refuses installation tokens (an actor ending in `[bot]`) and names a person's token's user.
 * GraphQL types `viewer` as `User!`, so it never says `Bot`:
 * - `login`: the actor's login as is (`github-actions[bot]`);
 * - `login-without-bot`: the same login without `[bot]` (`github-actions`);
 * - `forbidden`: HTTP 200 with `data.viewer` null and an `errors` list of type `FORBIDDEN`;
 * - `refused`: HTTP 403.
 */
export type StubViewer = 'login' | 'login-without-bot' | 'forbidden' | 'refused';

export const stubViewers: readonly StubViewer[] = ['login', 'login-without-bot', 'forbidden', 'refused'];

const integrationRefusal = 'Resource not accessible by integration';

/** `GET /user`. */
export function authenticatedUser(state: StubState): StubReply {
  if (state.actor.endsWith('[bot]')) throw new StubHttpError(403, integrationRefusal);
  return { status: 200, body: userJson(state, state.actor) };
}

/** `POST /graphql`: the query must be valid against GitHub's schema, and only `viewer { login }` is served. */
export function graphql(state: StubState, viewer: StubViewer, body: unknown): StubReply {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string')
    throw new StubHttpError(400, 'A query attribute must be specified and must be a string.');
  const problems = validate(query);
  if (problems.length > 0) {
    // GitHub answers an invalid query with 200 and the errors; the stub fails loudly as well.
    throw new StubHttpError(
      400,
      `github stub: invalid GraphQL query: ${problems.map((p) => p.message).join('; ')}`,
    );
  }
  if (viewer === 'refused') throw new StubHttpError(403, integrationRefusal);
  if (viewer === 'forbidden') {
    return {
      status: 200,
      body: {
        data: { viewer: null },
        errors: [
          {
            type: 'FORBIDDEN',
            path: ['viewer'],
            extensions: { saml_failure: false },
            locations: [{ line: 1, column: 9 }],
            message: integrationRefusal,
          },
        ],
      },
    };
  }
  const login = viewer === 'login-without-bot' ? state.actor.replace(/\[bot\]$/, '') : state.actor;
  return { status: 200, body: { data: { viewer: { login } } } };
}
