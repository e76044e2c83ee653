/**
 * Organisation runs' GitHub side: App authentication with installation tokens refreshed before they
 * expire, the installation's repositories, API-only workspaces (a tree and the blobs a run reads,
 * content-addressed for the whole run) and the pacer every request of the run goes through.
 */
export {
  authenticateAsInstallation,
  installationTokenCache,
  OrgAuthError,
  orgAuthFrom,
  tokenRefreshAfterMs,
  type OrgAuth,
} from './auth.ts';
export { createOrgClient, type OrgClient, type OrgClientOptions } from './org-client.ts';
export { listInstallationRepositories } from './installation-repositories.ts';
export { readBranchHead } from './branch-head.ts';
export {
  EmptyRepositoryError,
  readRepositoryTree,
  TreeTooLargeError,
  type RepositoryTree,
  type TreeFile,
  type TreeLimits,
} from './repository-tree.ts';
export { BlobCache, BlobTooLargeError, maxBlobBytes, type BlobStats } from './blob-cache.ts';
export { ApiRepository, type ApiWorkspace, type UnreadFile } from './api-repository.ts';
export { isLimitAnswer, isWrite, paceRequests } from './paced-requests.ts';
export {
  realClock,
  WritePacer,
  type LimitHeaders,
  type PacerClock,
  type PacingReport,
  type WritePacerOptions,
} from './write-pacer.ts';
