export { createRegistryClient } from './client.ts';
export { tagListed } from './discovery.ts';
export { RegistryError, RegistryErrorCode } from './errors.ts';
export { MediaType, isIndexMediaType, isManifestMediaType } from '../oci/index.ts';
export {
  ImageConfigSchema,
  ImageIndexSchema,
  ImageManifestSchema,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
} from '../oci/index.ts';
export type {
  Manifest,
  ManifestHead,
  Platform,
  RegistryClient,
  RegistryCredential,
  RegistryOptions,
  Referrer,
  RequestStats,
  TagPage,
} from './types.ts';
export { forbiddenAddressCode, forbiddenAddressReason, ForbiddenAddressError } from './addresses.ts';
