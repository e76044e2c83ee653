/**
 * Organisation runs (use case): each repository an App installation sees, read through the API and run as
 * the per-repository action runs it (`runRepository`), in resume order, one row each, the org dashboard
 * saved after each (`runOrganisation`).
 */
export { runRepository, repositorySettingsPath, type RepositoryRunDeps } from './repository-run.ts';
export { runOrganisation, type OrgRunDeps, type OrgRunInput, type OrgRunResult } from './org-run.ts';
export { OrgDashboardIssue, orgDashboardLabel, type OrgDashboardGitHub } from './org-dashboard-issue.ts';
