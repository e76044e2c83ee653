import type { GitHubClient } from './client.ts';
import { GitHubError, parseReply, withGitHubError } from './errors.ts';
import { AuthenticatedUserSchema, ViewerSchema } from './schemas-conversation.ts';

/**
 * Who the token acts as, for the human-readable name in a message and nothing else: ownership is decided from
 * what basepin writes (`marks.ts`), never from this. A person's token names its user at `GET /user`;
 * installation tokens (a workflow's GITHUB_TOKEN, GitHub Apps) get 403 there and are asked GraphQL's
 * `viewer`, which GitHub types `User!` and which may name the bot with or without `[bot]`, or refuse with a
 * 403 or with HTTP 200 and an `errors` list. The login is kept exactly as GitHub gave it.
 */
export type TokenIdentity =
  { readonly kind: 'login'; readonly login: string } | { readonly kind: 'unknown'; readonly why: string };

/**
 * What `GitHubRepository.identity()` answers when the identity is unknown. GitHub logins are letters, digits
 * and hyphens (with `[bot]` for apps), so this equals no login and matches no author.
 */
export const unknownLogin = '(unknown)';

/** The query sent; `test/github/identity.test.ts` checks it against GitHub's GraphQL schema. */
export const viewerQuery = 'query { viewer { login } }';

/** Every way the question can fail (a refusal, an error list, a reply of another shape, no answer) is `unknown`. */
export async function getTokenIdentity(octokit: GitHubClient): Promise<TokenIdentity> {
  let rest: GitHubError;
  try {
    const response = await withGitHubError('read', 'the authenticated user', () =>
      octokit.rest.users.getAuthenticated(),
    );
    return known(parseReply(AuthenticatedUserSchema, response.data, 'read', 'the authenticated user').login);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    rest = error;
  }
  try {
    const data = await withGitHubError('read', 'the GraphQL viewer', () =>
      octokit.graphql<unknown>(viewerQuery),
    );
    return known(parseReply(ViewerSchema, data, 'read', 'the GraphQL viewer').viewer.login);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    return { kind: 'unknown', why: `${rest.message}; ${error.message}` };
  }
}

function known(login: string): TokenIdentity {
  return { kind: 'login', login };
}

/** The login, or `unknownLogin`. */
export function loginOf(identity: TokenIdentity): string {
  return identity.kind === 'login' ? identity.login : unknownLogin;
}
