/**
 * Resolving a tag to the digest to pin (`resolveTargetDigest`: index or the same platform's
 * manifest), over a registry client that asks each manifest once per run (`memoizeRegistryClient`).
 */
export * from './memoized-client.ts';
export * from './target-digest.ts';
export * from './pull-budget.ts';
