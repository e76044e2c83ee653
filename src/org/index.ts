/**
 * Organisation runs, the pure part: which repositories a run covers and in what order, how they split into
 * shards, the resolution file's schema, the per-repository rows and the org dashboard.
 */
export {
  isRepositoryName,
  repositoryNameShape,
  type OrgRepository,
  type SkippedRepository,
  type SkipReason,
} from './repository.ts';
export {
  parseRepositorySelection,
  RepositorySelectionError,
  selectRepositories,
  type RepositorySelection,
  type SelectedRepositories,
} from './selection.ts';
export { resumeOrder, type LastDone } from './resume-order.ts';
export { assignShards, maxShards, ShardCountError, shardMatrix, type ShardItem } from './shards.ts';
export {
  parseResolutionFile,
  ResolutionFileError,
  resolutionFileVersion,
  shardOf,
  type ResolutionAnswer,
  type ResolutionFile,
} from './resolution-file.ts';
export {
  countsLine,
  orgExitCode,
  renderOrgSummary,
  repositoryUrl,
  rowsJson,
  skippedRow,
  type RepositoryPullRequest,
  type RepositoryRow,
  type RepositoryState,
} from './rows.ts';
export {
  lastDoneOf,
  mergeOrgState,
  orgDashboardSchemaVersion,
  orgDashboardTitle,
  readOrgDashboardState,
  renderOrgBlock,
  renderOrgDashboard,
  type OrgDashboardInput,
  type OrgDashboardState,
  type OrgRepositoryState,
} from './org-dashboard.ts';
