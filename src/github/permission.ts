import type { GitHubClient } from './client.ts';
import { GitHubError, parseReply, withGitHubError } from './errors.ts';
import { CollaboratorPermissionSchema } from './schemas-conversation.ts';
import type { RepoRef } from './types.ts';

/** Repository roles, weakest first. https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization */
export const permissionLevels = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof permissionLevels)[number];

export function isPermissionLevel(text: string): text is PermissionLevel {
  return (permissionLevels as readonly string[]).includes(text);
}

export function atLeast(level: PermissionLevel, required: PermissionLevel): boolean {
  return permissionLevels.indexOf(level) >= permissionLevels.indexOf(required);
}

/**
 * The level from GitHub's answer: `role_name` when it is a built-in role, else the booleans of
 * `user.permissions` (a custom role inherits one of them), else the legacy `permission` (where maintain
 * already reads as write and triage as read). `author_association` is never used: it says nothing reliable
 * about write access.
 */
export function permissionFrom(payload: unknown, resource = 'of a user'): PermissionLevel {
  const answer = parseReply(CollaboratorPermissionSchema, payload, 'read permission', resource);
  const role =
    answer.role_name === 'pull' ? 'read' : answer.role_name === 'push' ? 'write' : answer.role_name;
  if (role !== undefined && isPermissionLevel(role)) return role;
  const flags = answer.user?.permissions;
  if (flags !== undefined) {
    if (flags.admin) return 'admin';
    if (flags.maintain) return 'maintain';
    if (flags.push) return 'write';
    if (flags.triage) return 'triage';
    if (flags.pull) return 'read';
  }
  return isPermissionLevel(answer.permission) ? answer.permission : 'none';
}

/** https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user; 404 (no such user) is none. */
export async function getPermission(
  octokit: GitHubClient,
  repo: RepoRef,
  user: string,
): Promise<PermissionLevel> {
  const resource = `of ${user} in ${repo.owner}/${repo.repo}`;
  try {
    const response = await withGitHubError('read permission', resource, () =>
      octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: user }),
    );
    return permissionFrom(response.data, resource);
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return 'none';
    throw error;
  }
}
