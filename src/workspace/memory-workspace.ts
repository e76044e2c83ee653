import { posix } from 'node:path';
import picomatch from 'picomatch';
import { isDockerfileName, UnreadablePathError } from './discover-dockerfiles.ts';
import type { FileBytes, ListFilters, UnwrittenFile, Workspace } from './types.ts';

const skippedFolders = new Set(['.git', 'node_modules']);

/**
 * A workspace held in memory, keyed by repository path. `/basepin pin` scans
 * Dockerfiles read through the API in one, so nothing of a pull request
 * touches the disk; use-case tests pass one instead of making temp folders.
 * It lists like the disk one (Dockerfile names, `include`, `exclude`, `.git`
 * and `node_modules` left out) but reads no `.gitignore`: that is the file
 * system's part (test/workspace/discover-dockerfiles.test.ts).
 */
export class MemoryWorkspace implements Workspace {
  readonly #files = new Map<string, Uint8Array>();

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

  async list(paths: readonly string[], filters: ListFilters = {}): Promise<string[]> {
    const included = filters.include?.length ? picomatch([...filters.include], { dot: true }) : () => false;
    const excluded = filters.exclude?.length ? picomatch([...filters.exclude], { dot: true }) : () => false;
    const found = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
      const path = posix.normalize(given).replace(/\/+$/, '');
      if (path === '..' || path.startsWith('../') || path.startsWith('/')) throw missing(given);
      if (this.#files.has(path)) {
        // A file named explicitly is always taken.
        found.add(path);
        continue;
      }
      const prefix = path === '.' ? '' : `${path}/`;
      const under = [...this.#files.keys()].filter((file) => file.startsWith(prefix));
      if (under.length === 0 && prefix !== '') throw missing(given);
      for (const file of under) {
        const folders = file.slice(prefix.length).split('/').slice(0, -1);
        const skipped = folders.some(
          (name, depth) =>
            skippedFolders.has(name) || excluded(prefix + folders.slice(0, depth + 1).join('/')),
        );
        if (skipped || excluded(file)) continue;
        if (isDockerfileName(posix.basename(file)) || included(file)) found.add(file);
      }
    }
    return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async read<T>(files: readonly string[], use: (file: string, bytes: Uint8Array) => T): Promise<T[]> {
    return files.map((file) => {
      const bytes = this.#files.get(file);
      if (bytes === undefined) throw missing(file);
      return use(file, bytes);
    });
  }

  async write(files: readonly FileBytes[]): Promise<UnwrittenFile[]> {
    for (const { file, bytes } of files) this.#files.set(file, Uint8Array.from(bytes));
    return [];
  }
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
