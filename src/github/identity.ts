import type { GitHubClient } from './client.ts';
import { GitHubError, parseReply, withGitHubError } from './errors.ts';
import { AuthenticatedUserSchema, ViewerSchema } from './schemas-conversation.ts';

/**
 * The login the token acts as: the author of basepin's comments, issues and commits.
 * `GET /user` answers for a person's token; installation tokens (GITHUB_TOKEN, GitHub Apps) get 403 there,
 * and GraphQL's `viewer` names the app's bot user without the `[bot]` suffix that REST logins carry.
 */
/** The identity of a workflow's `GITHUB_TOKEN`. */
export const githubActionsLogin = 'github-actions[bot]';

export async function getTokenIdentity(octokit: GitHubClient): Promise<string> {
  try {
    const response = await withGitHubError('read', 'the authenticated user', () =>
      octokit.rest.users.getAuthenticated(),
    );
    return parseReply(AuthenticatedUserSchema, response.data, 'read', 'the authenticated user').login;
  } catch (error) {
    if (!(error instanceof GitHubError) || (error.status !== 403 && error.status !== 401)) throw error;
  }
  let data: unknown;
  try {
    data = await withGitHubError('read', 'the GraphQL viewer', () =>
      octokit.graphql<unknown>('query { viewer { login __typename } }'),
    );
  } catch (error) {
    if (!(error instanceof GitHubError) || (error.status !== 403 && error.status !== 401)) throw error;
    // An installation token that may read neither is the workflow's own GITHUB_TOKEN.
    return githubActionsLogin;
  }
  const { viewer } = parseReply(ViewerSchema, data, 'read', 'the GraphQL viewer');
  return viewer.__typename === 'Bot' && !viewer.login.endsWith('[bot]')
    ? `${viewer.login}[bot]`
    : viewer.login;
}
