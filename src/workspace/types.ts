import type { RepositoryPath } from '../dockerfile/index.ts';
import type { FileKind } from '../manifests/index.ts';
import type { ListedFile } from './listing-rules.ts';

export type { RepositoryPath } from '../dockerfile/index.ts';

/**
 * The files a run reads and writes, behind one small interface (like
 * `RegistryClient`), so the use cases take it as a parameter and their tests
 * pass an in-memory one instead of making temp folders.
 *
 * A workspace is opened on a root folder: the repository root in the action,
 * the folder the CLI runs in (or was pointed at). Paths are made
 * repository-relative once, by `list`: `services/api/Dockerfile`, with `/`,
 * no `./`, no `..`, exactly as a git tree and a blob URL name the file. Every
 * later step (reports, branches, pull-request bodies and state) carries that
 * path as it is. Only the CLI may name a file outside the root; `list` gives
 * such a file as its absolute path. The path is a `RepositoryPath` from
 * then on: read, read-again and write take only a listed path.
 */
export interface Workspace {
  /**
   * The files to scan under `paths` (relative to the root; none means the
   * whole root), plus `include` globs, minus `exclude` globs: sorted,
   * de-duplicated repository paths. A file named in `paths` is always
   * taken. Throws `UnreadablePathError` for a path that cannot be read.
   */
  list(paths: readonly string[], filters?: ListFilters): Promise<RepositoryPath[]>;
  /**
   * What `list` lists, each with what the scan reads it as (`ListedKind`): the Dockerfiles and the other
   * kinds of `filters.kinds` (all when unset), found by their names, and YAML files that may be
   * Kubernetes manifests. `list` is its paths.
   */
  listFiles(paths: readonly string[], filters?: ListFilters): Promise<ListedFile[]>;
  /**
   * Hands each listed file's bytes to `use`, a bounded number at a time, and
   * returns what `use` returned, in the order of `files`. The bytes are not
   * kept. Throws `UnreadablePathError` for a file that cannot be read.
   */
  read<T>(
    files: readonly RepositoryPath[],
    use: (file: RepositoryPath, bytes: Uint8Array) => T,
  ): Promise<T[]>;
  /**
   * A listed file's bytes as they are now, read at once (synchronously): a run
   * that let go of a file's text after scanning it reads it again through this
   * when it makes the file's new text (`ScannedFile.text`). Throws when the
   * file cannot be read. Without it, a run keeps every text.
   */
  readAgain?(file: RepositoryPath): Uint8Array;
  /**
   * Writes each file whole or not at all. A file that cannot be written is
   * returned with the reason and left as it was; the others are still written.
   */
  write(files: readonly FileBytes[]): Promise<UnwrittenFile[]>;
}

export interface ListFilters {
  /** Globs (relative to the root) of more files to take, whatever their names. */
  readonly include?: readonly string[];
  /** Globs (relative to the root) of files and folders to leave out. */
  readonly exclude?: readonly string[];
  /** The kinds of files to list by name (the `file-kinds` setting); unset: every kind. */
  readonly kinds?: readonly FileKind[];
}

/** A file's new content, by its repository path. */
export interface FileBytes {
  readonly file: RepositoryPath;
  readonly bytes: Uint8Array;
}

/** A file `write` left as it was, and why (the first line of the system's message). */
export interface UnwrittenFile {
  readonly file: RepositoryPath;
  readonly error: Error;
}
