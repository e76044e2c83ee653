/**
 * Scanning (use case): list the workspace's Dockerfiles, read and decode each, and extract its image
 * sites (`scanDockerfiles`), keeping each file's text or only its hash. Its own room so `basepin scan`
 * loads no registry code.
 */
export * from './scan.ts';
export * from './write-error.ts';
