// Finds and checks what a registry holds about an image digest: signatures (cosign, Sigstore bundles,
// Notation) and BuildKit's SLSA provenance. The words and the verdict are in src/signatures/.
export { findSignatures, imageNames, type SignatureLookup } from './find.ts';
export { findProvenance, type ProvenanceLookup } from './provenance.ts';
export {
  createSignatureTrust,
  SignatureTrustError,
  type SignatureKey,
  type SignatureTrust,
  type TrustInput,
} from './trust.ts';
export { loadSignatureTrust, type TrustSettings } from './load-trust.ts';
export { createSignatureChecker, type SignatureChecker, type UpdateSignatures } from './update.ts';
export { verifyBundle, verifyCosignLayer } from './verify.ts';
