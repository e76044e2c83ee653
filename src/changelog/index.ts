/**
 * Changelog collection (use case): for each update, ask the registry for the old and new image's
 * index, configs, attestations and tags, and turn them into facts (`collectChangelogs`); the CLI's
 * `explain`. What the facts are and how they read is the core sub-room `facts/`.
 */
export * from './changelogs.ts';
export * from './explain.ts';
export { factsMaySpend } from '../resolve/index.ts';
