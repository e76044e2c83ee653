/**
 * The files a run reads and writes (adapter): the `Workspace` port, on disk (`openFileWorkspace`)
 * and in memory (`MemoryWorkspace`), listing by the same rules (`isDockerfileName`), each listed
 * path a `RepositoryPath`; and the atomic whole-file write both the disk workspace and other
 * writers of a file use.
 */
export type { FileBytes, ListFilters, RepositoryPath, UnwrittenFile, Workspace } from './types.ts';
export { openFileWorkspace } from './file-workspace.ts';
export { MemoryWorkspace } from './memory-workspace.ts';
export { UnreadablePathError } from './discover-dockerfiles.ts';
export { isDockerfileName, kindOfPath, type ListedFile, type ListedKind } from './listing-rules.ts';
export { writeFileAtomic } from './write-atomic.ts';
