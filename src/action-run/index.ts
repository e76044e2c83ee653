/**
 * The action's run (use case): a scheduled or push run (dashboard → plan → hold back → changelogs
 * → pull requests → dashboard → outputs and job summary, `runAction`), and the runs a comment or a
 * dashboard edit starts (`runComment`, `runDashboardEdit`).
 */
export * from './run-action.ts';
export * from './run-comment.ts';
