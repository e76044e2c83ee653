import { z } from 'zod';
import type { GitHubClient } from '../github/index.ts';
import { GitHubError, parseReply, withGitHubError } from '../github/index.ts';
import type { RepoRef } from '../github/index.ts';

/** A file of the tree the run may read: its blob and the size GitHub gives. */
export interface TreeFile {
  readonly sha: string;
  readonly size: number | undefined;
}

export interface RepositoryTree {
  /** The files kept (`keep`), by repository path. */
  readonly files: ReadonlyMap<string, TreeFile>;
  /** Tree requests it took: 1, or more when GitHub truncated the listing. */
  readonly requests: number;
}

export interface TreeLimits {
  /** Tree requests for one repository. Default 100. */
  readonly maxRequests?: number;
  /** Entries (files and folders) seen in one repository. Default 1,000,000. */
  readonly maxEntries?: number;
}

/** The repository has no commit: nothing to list. GitHub answers 409 for its tree. */
export class EmptyRepositoryError extends Error {
  override readonly name = 'EmptyRepositoryError';
}

/** The tree is larger than a run reads for one repository; that repository fails, the others go on. */
export class TreeTooLargeError extends Error {
  override readonly name = 'TreeTooLargeError';
}

const sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);
const TreeSchema = z.object({
  truncated: z.boolean(),
  tree: z.array(
    z.object({
      path: z.string().min(1).max(4096),
      mode: z.string(),
      type: z.enum(['blob', 'tree', 'commit']),
      sha,
      size: z.number().int().nonnegative().optional(),
    }),
  ),
});

/** Regular and executable files; a symbolic link (120000) holds its target's path, not the file. */
const fileModes = new Set(['100644', '100755']);

/**
 * The repository's files at `commit`, with one `GET git/trees/{sha}?recursive=1`. When GitHub truncates the
 * listing (over 100,000 entries or 7 MB), the folder is read one level down and each sub-folder walked the
 * same way, within `limits`. Only the paths `keep` wants are held, so a huge tree costs requests, not memory.
 * https://docs.github.com/en/rest/git/trees#get-a-tree
 */
export async function readRepositoryTree(
  octokit: GitHubClient,
  repo: RepoRef,
  commit: string,
  keep: (path: string) => boolean,
  limits: TreeLimits = {},
): Promise<RepositoryTree> {
  const maxRequests = limits.maxRequests ?? 100;
  const maxEntries = limits.maxEntries ?? 1_000_000;
  const name = `${repo.owner}/${repo.repo}`;
  const files = new Map<string, TreeFile>();
  let requests = 0;
  let entries = 0;

  const get = async (tree: string, recursive: boolean): Promise<z.infer<typeof TreeSchema>> => {
    if (requests >= maxRequests) {
      throw new TreeTooLargeError(`${name}: the tree takes more than ${maxRequests} requests to list`);
    }
    requests += 1;
    try {
      const response = await withGitHubError('read tree', `${tree.slice(0, 7)} in ${name}`, () =>
        octokit.rest.git.getTree({ ...repo, tree_sha: tree, ...(recursive ? { recursive: '1' } : {}) }),
      );
      const parsed = parseReply(TreeSchema, response.data, 'read tree', name);
      entries += parsed.tree.length;
      if (entries > maxEntries) {
        throw new TreeTooLargeError(`${name}: the tree has more than ${maxEntries} entries`);
      }
      return parsed;
    } catch (error) {
      if (error instanceof GitHubError && error.status === 409) {
        throw new EmptyRepositoryError(`${name} is empty`, { cause: error });
      }
      throw error;
    }
  };

  const take = (
    path: string,
    entry: { mode: string; type: string; sha: string; size?: number | undefined },
  ) => {
    if (entry.type === 'blob' && fileModes.has(entry.mode) && keep(path)) {
      files.set(path, { sha: entry.sha, size: entry.size });
    }
  };

  const walk = async (tree: string, prefix: string): Promise<void> => {
    const whole = await get(tree, true);
    if (!whole.truncated) {
      for (const entry of whole.tree) take(prefix + entry.path, entry);
      return;
    }
    // Truncated: this level alone (never truncated in practice), then each folder on its own.
    const level = await get(tree, false);
    for (const entry of level.tree) {
      if (entry.type === 'tree') await walk(entry.sha, `${prefix}${entry.path}/`);
      else take(prefix + entry.path, entry);
    }
  };

  await walk(commit, '');
  return { files, requests };
}
