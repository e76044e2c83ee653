import { z } from 'zod';
import type { GitHubClient } from '../github/index.ts';
import { parseReply, withGitHubError } from '../github/index.ts';
import { isRepositoryName, type OrgRepository } from '../org/index.ts';

/** The fields of a repository in `GET /installation/repositories` the run reads. */
const InstallationRepositorySchema = z.object({
  name: z.string(),
  full_name: z.string().refine(isRepositoryName, 'is not owner/name'),
  owner: z.object({ login: z.string() }),
  default_branch: z.string().min(1).max(255).optional(),
  archived: z.boolean().optional(),
  disabled: z.boolean().optional(),
  fork: z.boolean(),
});

/**
 * Every repository the installation can see, a page of 100 at a time.
 * https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation
 * GitHub's `size` lags behind pushes and is 0 for small repositories, so it decides nothing: a repository
 * counts as empty here only without a default branch; the tree read finds the others (`EmptyRepositoryError`).
 */
export async function listInstallationRepositories(octokit: GitHubClient): Promise<OrgRepository[]> {
  const listed = await withGitHubError('list repositories', 'of the installation', () =>
    octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 }),
  );
  return listed.map((item) => {
    const repository = parseReply(
      InstallationRepositorySchema,
      item,
      'list repositories',
      'of the installation',
    );
    return {
      fullName: repository.full_name,
      owner: repository.owner.login,
      name: repository.name,
      defaultBranch: repository.default_branch ?? '',
      archived: repository.archived ?? false,
      disabled: repository.disabled ?? false,
      fork: repository.fork,
      empty: repository.default_branch === undefined,
    };
  });
}
