/**
 * The action's run (use case): a scheduled or push run (dashboard → plan → hold back → changelogs
 * → pull requests → dashboard → outputs and job summary, `runAction`), and the runs a comment or a
 * dashboard edit starts (`runComment`, `runDashboardEdit`). A run returns typed results; the entry
 * renders them (`renderJobSummary`, pure).
 */
export * from './run-action.ts';
export * from './run-comment.ts';
export { renderJobSummary } from './job-summary.ts';
