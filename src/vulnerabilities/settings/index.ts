/**
 * The vulnerability settings' values (`osv-api`, `vulnerability-policy`): a face of their own, free of
 * zod, because the settings table (`src/config/schema.ts`) is loaded by every command, `basepin scan`
 * included, whose cold start must not load zod.
 */
export { defaultOsvApi, parseOsvApi, type OsvApi } from './osv-api.ts';
export { vulnerabilityPolicies, type VulnerabilityPolicy } from './policies.ts';
