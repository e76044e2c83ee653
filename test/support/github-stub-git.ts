import { createHash } from 'node:crypto';

/**
 * An in-memory git object store for the GitHub stub. Objects are hashed exactly as git hashes them
 * (`<type> <size>\0<content>`, sha1), so blob, tree and commit shas match what `git hash-object`,
 * `git mktree` and `git commit-tree` would print for the same content.
 * https://git-scm.com/book/en/v2/Git-Internals-Git-Objects
 */

export interface GitPerson {
  readonly name: string;
  readonly email: string;
  /** ISO 8601, UTC. */
  readonly date: string;
}

/** One entry of one tree object. `mode` is spelled as the REST API spells it (`040000` for trees). */
export interface GitTreeEntry {
  readonly name: string;
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly sha: string;
}

/** A non-tree entry of a flattened tree, keyed by its full path. */
export interface GitLeaf {
  readonly mode: string;
  readonly type: 'blob' | 'commit';
  readonly sha: string;
}

export type FlatTree = Map<string, GitLeaf>;

export interface GitCommitObject {
  readonly sha: string;
  readonly tree: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly author: GitPerson;
  readonly committer: GitPerson;
  /** GitHub signs commits it authors itself (no author/committer sent), so they show as verified. */
  readonly verified: boolean;
}

export const treeMode = '040000';
export const emptyTreeSha = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

function hashObject(type: string, content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]))
    .digest('hex');
}

/** git orders tree entries bytewise by name, a subtree's name compared as if it ended in `/`. */
function sortKey(entry: GitTreeEntry): Buffer {
  return Buffer.from(entry.type === 'tree' ? `${entry.name}/` : entry.name);
}

function gitTimestamp(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`;
}

export class GitStore {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, readonly GitTreeEntry[]>();
  readonly commits = new Map<string, GitCommitObject>();

  putBlob(content: Buffer): string {
    const sha = hashObject('blob', content);
    this.blobs.set(sha, content);
    return sha;
  }

  putTree(entries: readonly GitTreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
    const raw = Buffer.concat(
      sorted.map((entry) =>
        Buffer.concat([
          // The raw object spells the tree mode without its leading zero.
          Buffer.from(`${entry.mode.replace(/^0+/, '')} ${entry.name}\0`),
          Buffer.from(entry.sha, 'hex'),
        ]),
      ),
    );
    const sha = hashObject('tree', raw);
    this.trees.set(sha, sorted);
    return sha;
  }

  putCommit(commit: Omit<GitCommitObject, 'sha'>): GitCommitObject {
    const text =
      `tree ${commit.tree}\n` +
      commit.parents.map((parent) => `parent ${parent}\n`).join('') +
      `author ${commit.author.name} <${commit.author.email}> ${gitTimestamp(commit.author.date)}\n` +
      `committer ${commit.committer.name} <${commit.committer.email}> ${gitTimestamp(commit.committer.date)}\n` +
      `\n${commit.message}`;
    const stored = { ...commit, sha: hashObject('commit', Buffer.from(text)) };
    this.commits.set(stored.sha, stored);
    return stored;
  }

  /** Every blob (and submodule) under `treeSha`, by full path. */
  flatten(treeSha: string, prefix = '', into: FlatTree = new Map()): FlatTree {
    for (const entry of this.trees.get(treeSha) ?? []) {
      const path = `${prefix}${entry.name}`;
      if (entry.type === 'tree') this.flatten(entry.sha, `${path}/`, into);
      else into.set(path, { mode: entry.mode, type: entry.type, sha: entry.sha });
    }
    return into;
  }

  /** Writes the nested tree objects for a flat path map; returns the root tree sha. */
  writeFlat(flat: FlatTree): string {
    const children = new Map<string, FlatTree>();
    const entries: GitTreeEntry[] = [];
    for (const [path, leaf] of flat) {
      const slash = path.indexOf('/');
      if (slash === -1) {
        entries.push({ name: path, ...leaf });
        continue;
      }
      const dir = path.slice(0, slash);
      const sub = children.get(dir) ?? new Map<string, GitLeaf>();
      sub.set(path.slice(slash + 1), leaf);
      children.set(dir, sub);
    }
    for (const [name, sub] of children) {
      entries.push({ name, mode: treeMode, type: 'tree', sha: this.writeFlat(sub) });
    }
    return this.putTree(entries);
  }

  /** The blob at `path` under `treeSha`, if there is one. */
  readPath(treeSha: string, path: string): Buffer | undefined {
    const leaf = this.flatten(treeSha).get(path);
    return leaf?.type === 'blob' ? this.blobs.get(leaf.sha) : undefined;
  }

  /** All commits reachable from `sha` (itself included), nearest first. */
  ancestors(sha: string): string[] {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return [...seen];
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).includes(ancestor);
  }

  mergeBase(a: string, b: string): string | undefined {
    const ofA = new Set(this.ancestors(a));
    return this.ancestors(b).find((sha) => ofA.has(sha));
  }

  /**
   * File-level three-way merge of `theirs` into `ours`: a path changed on one side only takes that side.
   * Throws on a path both sides changed differently (the stub has no line merge).
   */
  mergeTrees(ours: string, theirs: string): string {
    const base = this.mergeBase(ours, theirs);
    const flat = (commit: string | undefined) =>
      commit === undefined ? new Map<string, GitLeaf>() : this.flatten(this.commitOf(commit).tree);
    const [o, t, b] = [flat(ours), flat(theirs), flat(base)];
    const merged: FlatTree = new Map();
    const same = (x: GitLeaf | undefined, y: GitLeaf | undefined) => x?.sha === y?.sha && x?.mode === y?.mode;
    for (const path of new Set([...o.keys(), ...t.keys()])) {
      const [mine, other, was] = [o.get(path), t.get(path), b.get(path)];
      const pick = same(other, was) || same(mine, other) ? mine : same(mine, was) ? other : 'conflict';
      if (pick === 'conflict') throw new Error(`github stub: merge conflict in ${path}`);
      if (pick !== undefined) merged.set(path, pick);
    }
    return this.writeFlat(merged);
  }

  commitOf(sha: string): GitCommitObject {
    const commit = this.commits.get(sha);
    if (commit === undefined) throw new Error(`github stub: no commit ${sha}`);
    return commit;
  }
}
