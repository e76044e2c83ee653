/**
 * Pin planning: scan the workspace's Dockerfiles, extract their image sites, decide what to do with
 * each (policy.ts), resolve each tag's digest once, and plan the updates and each changed file's text
 * (`planPins`); then write the changed files whole (`writeChanges`).
 */
export * from './plan-files.ts';
export * from './plan-pins.ts';
export * from './write-changes.ts';
