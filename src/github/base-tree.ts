import { posix } from 'node:path';
import type { GitHubClient } from './client.ts';
import { GitHubError, parseReply, withGitHubError } from './errors.ts';
import { GitBlobSchema, GitTreeSchema } from './schemas.ts';
import type { RepoRef } from './types.ts';

/** Git's file modes as the trees API spells them. */
export const regularMode = '100644';
export const executableMode = '100755';
export const symlinkMode = '120000';

/** Where a file's new bytes go in a commit, and with which mode. */
export interface TreeTarget {
  readonly path: string;
  readonly mode: typeof regularMode | typeof executableMode;
}

interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly sha: string;
}

/** Links followed from one path at most (git itself gives up around 40; a Dockerfile chain is one or two). */
const maxLinks = 8;

/**
 * Reads a base tree one directory at a time (each directory once per tree sha, so every group of a run on
 * one base shares the reads; no recursive listing that GitHub truncates on large repositories).
 * https://docs.github.com/en/rest/git/trees#get-a-tree
 */
export class BaseTree {
  readonly #octokit: GitHubClient;
  readonly #repo: RepoRef;
  readonly #directories = new Map<string, Promise<Map<string, TreeEntry>>>();

  constructor(octokit: GitHubClient, repo: RepoRef) {
    this.#octokit = octokit;
    this.#repo = repo;
  }

  /**
   * The path and mode a file's new bytes are committed at: an executable keeps `100755`; a symlink is
   * followed to the file it names (the link itself is kept, never turned into a regular file); a new file
   * is `100644`. Throws a GitHubError for a link that leaves the repository, loops or names no file.
   */
  async target(rootTree: string, path: string): Promise<TreeTarget> {
    let current = path;
    for (let hop = 0; hop <= maxLinks; hop++) {
      const entry = await this.#entry(rootTree, current);
      if (entry === undefined) return { path: current, mode: regularMode };
      if (entry.type === 'blob' && entry.mode === executableMode)
        return { path: current, mode: executableMode };
      if (entry.type === 'blob' && entry.mode === regularMode) return { path: current, mode: regularMode };
      if (entry.mode !== symlinkMode)
        return this.#refuse(path, `is not a file in the base tree (mode ${entry.mode})`);
      const link = await this.#linkText(entry.sha, current);
      const next = resolveLink(current, link);
      if (next === undefined)
        return this.#refuse(path, `is a symlink to ${JSON.stringify(link)}, outside the repository`);
      current = next;
    }
    return this.#refuse(path, `is a chain of more than ${maxLinks} symlinks`);
  }

  async #entry(rootTree: string, path: string): Promise<TreeEntry | undefined> {
    const segments = path.split('/');
    let tree = rootTree;
    for (const [i, name] of segments.entries()) {
      const entry = (await this.#directory(tree)).get(name);
      if (i === segments.length - 1 || entry === undefined)
        return i === segments.length - 1 ? entry : undefined;
      if (entry.type !== 'tree') return undefined;
      tree = entry.sha;
    }
    return undefined;
  }

  #directory(sha: string): Promise<Map<string, TreeEntry>> {
    let pending = this.#directories.get(sha);
    if (pending === undefined) {
      pending = this.#readDirectory(sha);
      this.#directories.set(sha, pending);
      pending.catch(() => this.#directories.delete(sha));
    }
    return pending;
  }

  async #readDirectory(sha: string): Promise<Map<string, TreeEntry>> {
    const resource = `${sha} in ${this.#repo.owner}/${this.#repo.repo}`;
    const response = await withGitHubError('read tree', resource, () =>
      this.#octokit.rest.git.getTree({ ...this.#repo, tree_sha: sha }),
    );
    const tree = parseReply(GitTreeSchema, response.data, 'read tree', resource);
    return new Map(tree.tree.map((e) => [e.path, { mode: e.mode, type: e.type, sha: e.sha }]));
  }

  async #linkText(sha: string, path: string): Promise<string> {
    const resource = `${path} in ${this.#repo.owner}/${this.#repo.repo}`;
    const response = await withGitHubError('read symlink', resource, () =>
      this.#octokit.rest.git.getBlob({ ...this.#repo, file_sha: sha }),
    );
    const blob = parseReply(GitBlobSchema, response.data, 'read symlink', resource);
    return Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  }

  #refuse(path: string, why: string): never {
    throw new GitHubError('commit', `${path} in ${this.#repo.owner}/${this.#repo.repo}`, undefined, [
      `${path} ${why}: not committed`,
    ]);
  }
}

/** A link's target as a repository path (relative to the link's folder); undefined when it leaves the repository. */
export function resolveLink(linkPath: string, target: string): string | undefined {
  if (target === '' || target.startsWith('/') || target.includes('\0')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(linkPath), target));
  if (joined === '.' || joined === '..' || joined.startsWith('../') || joined.endsWith('/')) return undefined;
  return joined;
}
