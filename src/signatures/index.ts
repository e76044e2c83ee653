// Signatures and provenance of an image digest: the published forms parsed, the verdict old against new,
// its words, and the `signature-policy` hold-back. Pure: the registry reads and the cryptography are in
// src/signature-check/.
export {
  cosignSignatureLayers,
  payloadSigns,
  readSimpleSigning,
  type CosignSignatureLayer,
} from './cosign.ts';
export {
  sameIdentity,
  verifiedIdentities,
  type DigestSignatures,
  type SignatureCheck,
  type SignatureFormat,
  type SignerIdentity,
} from './evidence.ts';
export {
  cosignAnnotation,
  cosignSignatureTag,
  cosignSimpleSigning,
  isSigstoreBundleType,
  notationSignature,
  sigstoreBundleMediaTypes,
  slsaProvenance,
} from './media-types.ts';
export {
  createSignaturePolicy,
  signaturePolicies,
  signaturePolicyCovers,
  type ImageNames,
  type SignatureHold,
  type SignaturePolicy,
  type SignaturePolicySettings,
} from './policy.ts';
export { compareWithSource, readProvenance, type Provenance, type ProvenanceMatch } from './provenance.ts';
export {
  describeIdentity,
  describeProvenance,
  describeVerdict,
  provenanceJson,
  signatureJson,
  signatureLines,
  type IdentityJson,
  type ProvenanceJson,
  type SignatureJson,
} from './render.ts';
export {
  ArtifactManifestSchema,
  parseBytes,
  type ArtifactManifest,
  type CosignRekorBundle,
  type Descriptor,
  type SimpleSigning,
} from './schemas.ts';
export { signatureVerdict, type SignatureVerdict } from './verdict.ts';
