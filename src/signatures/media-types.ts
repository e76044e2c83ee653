/** The media types and annotation keys signers use to attach signatures and attestations to an image. */

/** The payload cosign signs: the image's digest and the repository it was signed for. */
export const cosignSimpleSigning = 'application/vnd.dev.cosign.simplesigning.v1+json';

/** Annotations on a cosign signature layer. */
export const cosignAnnotation = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
} as const;

/** Sigstore bundle media types, newest first; the three older ones are still published. */
export const sigstoreBundleMediaTypes = [
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
] as const;

/** Notation (Notary Project) signatures: recognised and named, not verified. */
export const notationSignature = 'application/vnd.cncf.notary.signature';

export const slsaProvenance = {
  v02: 'https://slsa.dev/provenance/v0.2',
  v1: 'https://slsa.dev/provenance/v1',
} as const;

/** Whether a media type or artifact type names a Sigstore bundle (parameters and case as published). */
export function isSigstoreBundleType(type: string | undefined): boolean {
  if (type === undefined) return false;
  const normal = type.toLowerCase().replace(/\s+/g, '');
  return (sigstoreBundleMediaTypes as readonly string[]).includes(normal);
}

/** The cosign tag that holds the signatures of `digest` in the same repository: `sha256-<hex>.sig`. */
export function cosignSignatureTag(digest: string): string {
  return `${digest.replace(':', '-')}.sig`;
}
