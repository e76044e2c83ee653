/**
 * The OCI model (pure core), defined once for the resolver and the changelog: media types, the
 * descriptor, index, manifest and config schemas, platform matching and formatting, and the
 * attestation filter.
 */
export * from './media-types.ts';
export * from './platform.ts';
export * from './schemas.ts';
