/**
 * Changelog facts and their text (pure core): what changed between two images (platforms, packages,
 * metadata, source), the headline, the markdown for pull requests and the plain text and JSON for the CLI.
 */
export * from './compare.ts';
export * from './facts.ts';
export * from './headline.ts';
export * from './metadata.ts';
export * from './platforms.ts';
export * from './render.ts';
export * from './sbom.ts';
export * from './signature-lines.ts';
export * from './text.ts';
export * from './vulnerabilities.ts';
