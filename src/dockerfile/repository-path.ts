declare const listed: unique symbol;

/**
 * A file's path as a workspace listed it (`Workspace.list`, src/workspace/types.ts):
 * relative to the repository's root, `/` between folders, no `./`, no `..`, as a git
 * tree and a blob URL name the file (or, in the CLI only, the absolute path of a
 * file named outside the root). Sites, updates, reports, branches and pull-request
 * state carry it as it is, so one file never has two spellings in a run.
 *
 * A brand, so the compiler refuses a raw string where a listed path is needed (a
 * workspace's read, read-again and write, a scanned file): a path that was never
 * listed has not been normalised or checked against the root.
 */
export type RepositoryPath = string & { readonly [listed]: true };

/**
 * Marks `path` as listed. Only a workspace's listing calls this (on disk
 * `discover-dockerfiles.ts`, in memory `memory-workspace.ts`), once it has made
 * the path relative to the root; tests name their files through it.
 */
export function repositoryPath(path: string): RepositoryPath {
  return path as RepositoryPath;
}
