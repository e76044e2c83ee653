/**
 * Pull requests (use case): group the updates, name each group's branch, build its files from the
 * base texts, write its title, body and hidden state block, then open, update, rebase or close the
 * pull request (`openPullRequests`).
 */
export * from './group-updates.ts';
export * from './open-prs.ts';
export * from './pr-body.ts';
export * from './pr-state.ts';
