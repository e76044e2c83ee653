import { posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UnreadablePathError } from './discover-dockerfiles.ts';
import {
  deepestIgnoreDecides,
  explicitKind,
  kindSet,
  listedKind,
  listFilters,
  skippedFolders,
  type ListedFile,
  type ListedKind,
} from './listing-rules.ts';
import type { FileKind } from '../manifests/index.ts';
import type { FileBytes, ListFilters, UnwrittenFile, Workspace } from './types.ts';
import { repositoryPath, type RepositoryPath } from '../dockerfile/index.ts';

/**
 * A workspace held in memory, keyed by repository path. `/basepin pin` scans
 * Dockerfiles read through the API in one, so nothing of a pull request
 * touches the disk; use-case tests pass one instead of making temp folders.
 * It lists like the disk one: Dockerfile names and the other kinds' (listing-rules.ts), `include`, `exclude`, `.git`
 * and `node_modules` left out, `.gitignore` files honoured (the deepest
 * matching rule decides; an ignored folder is not entered).
 */
export class MemoryWorkspace implements Workspace {
  readonly #files = new Map<string, Uint8Array>();
  /** Parsed `.gitignore` files by folder; emptied by `write`. */
  readonly #levels = new Map<string, IgnoreLevel[]>();
  /** The file names in each folder (`.` is the root), made when a listing first asks; emptied by `write`. */
  #folders: Map<string, string[]> | undefined;

  /** `files` by repository path; text is stored as its UTF-8 bytes. */
  constructor(files: Iterable<readonly [string, Uint8Array | string]> = []) {
    for (const [file, content] of files) this.#files.set(file, bytesOf(content));
  }

  /** The files as they are now, written ones included. */
  get files(): ReadonlyMap<string, Uint8Array> {
    return this.#files;
  }

  /** A file's content as UTF-8 text, or undefined when there is no such file. */
  text(file: string): string | undefined {
    const bytes = this.#files.get(file);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  async list(paths: readonly string[], filters: ListFilters = {}): Promise<RepositoryPath[]> {
    return (await this.listFiles(paths, filters)).map((listed) => listed.path);
  }

  async listFiles(paths: readonly string[], filters: ListFilters = {}): Promise<ListedFile[]> {
    const { included, excluded } = listFilters(filters);
    const kinds = kindSet(filters.kinds);
    const found = new Map<RepositoryPath, ListedKind>();
    for (const given of paths.length > 0 ? paths : ['.']) {
      const path = posix.normalize(given).replace(/\/+$/, '');
      if (path === '..' || path.startsWith('../') || path.startsWith('/')) throw missing(given);
      if (this.#files.has(path)) {
        // A file named explicitly is always taken.
        found.set(
          repositoryPath(path),
          explicitKind(path, () => this.#namesIn(posix.dirname(path))),
        );
        continue;
      }
      const prefix = path === '.' ? '' : `${path}/`;
      const under = [...this.#files.keys()].filter((file) => file.startsWith(prefix));
      if (under.length === 0 && prefix !== '') throw missing(given);
      const above = path === '.' ? [] : ancestors(path);
      for (const file of under) {
        const kind = this.#taken(file, prefix, above, included, excluded, kinds);
        if (kind !== undefined) found.set(repositoryPath(file), kind);
      }
    }
    return [...found]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, kind]) => ({ path: file, kind }));
  }

  /** The names of the files directly in a folder (`.` is the root), from one pass over the files. */
  #namesIn(folder: string): readonly string[] {
    if (this.#folders === undefined) {
      this.#folders = new Map();
      for (const file of this.#files.keys()) {
        const slash = file.lastIndexOf('/');
        const parent = slash === -1 ? '.' : file.slice(0, slash);
        const names = this.#folders.get(parent) ?? [];
        names.push(file.slice(slash + 1));
        this.#folders.set(parent, names);
      }
    }
    return this.#folders.get(folder === '' ? '.' : folder) ?? [];
  }

  /** Whether (and as what) a file under the walked folder `prefix` is listed, as the walk on disk decides it. */
  #taken(
    file: string,
    prefix: string,
    above: readonly string[],
    included: (path: string) => boolean,
    excluded: (path: string) => boolean,
    kinds: ReadonlySet<FileKind>,
  ): ListedKind | undefined {
    const levels = above.flatMap((folder) => this.#level(folder));
    const folders = file.slice(prefix.length).split('/').slice(0, -1);
    let folder = prefix.replace(/\/$/, '');
    levels.push(...this.#level(folder));
    for (const name of folders) {
      folder = folder === '' ? name : `${folder}/${name}`;
      if (skippedFolders.has(name) || excluded(folder) || isIgnored(levels, folder, true)) return undefined;
      levels.push(...this.#level(folder));
    }
    const kind = listedKind(file, () => this.#namesIn(posix.dirname(file)), kinds, included(file));
    if (kind === undefined) return undefined;
    return !excluded(file) && !isIgnored(levels, file, false) ? kind : undefined;
  }

  /** The `.gitignore` of a folder (`''` is the root), as one level or none. */
  #level(folder: string): IgnoreLevel[] {
    let level = this.#levels.get(folder);
    if (level === undefined) {
      const text = this.text(folder === '' ? '.gitignore' : `${folder}/.gitignore`);
      level = text === undefined ? [] : [{ base: folder, rules: ignore().add(text) }];
      this.#levels.set(folder, level);
    }
    return level;
  }

  async read<T>(
    files: readonly RepositoryPath[],
    use: (file: RepositoryPath, bytes: Uint8Array) => T,
  ): Promise<T[]> {
    return files.map((file) => {
      const bytes = this.#files.get(file);
      if (bytes === undefined) throw missing(file);
      return use(file, bytes);
    });
  }

  readAgain(file: RepositoryPath): Uint8Array {
    const bytes = this.#files.get(file);
    if (bytes === undefined) throw missing(file);
    return bytes;
  }

  async write(files: readonly FileBytes[]): Promise<UnwrittenFile[]> {
    for (const { file, bytes } of files) this.#files.set(file, Uint8Array.from(bytes));
    this.#levels.clear();
    this.#folders = undefined;
    return [];
  }
}

interface IgnoreLevel {
  /** The folder the `.gitignore` sits in; `''` is the root. */
  readonly base: string;
  readonly rules: Ignore;
}

/** The folders above `path`, root first: `a/b` → `['', 'a']`. */
function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return ['', ...parts.map((_, index) => parts.slice(0, index + 1).join('/'))];
}

/** The deepest `.gitignore` with a matching rule decides, as in git (listing-rules.ts). */
function isIgnored(levels: readonly IgnoreLevel[], path: string, isFolder: boolean): boolean {
  return deepestIgnoreDecides(levels, isFolder, (level) =>
    level.base === '' ? path : path.slice(level.base.length + 1),
  );
}

function bytesOf(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(content);
}

function missing(path: string): UnreadablePathError {
  return new UnreadablePathError(
    path,
    Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' }),
  );
}
