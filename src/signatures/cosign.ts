import { cosignAnnotation, cosignSimpleSigning } from './media-types.ts';
import {
  CosignRekorBundleSchema,
  SimpleSigningSchema,
  parseBytes,
  type ArtifactManifest,
  type CosignRekorBundle,
  type SimpleSigning,
} from './schemas.ts';

/** One signature of a cosign signature manifest: a layer holding the signed payload, and its annotations. */
export interface CosignSignatureLayer {
  /** The digest of the simple-signing payload (the layer's blob), which the signature is over. */
  readonly payloadDigest: string;
  readonly payloadSize: number | undefined;
  /** Base64 of the signature over the payload bytes. */
  readonly signature: string;
  /** PEM of the signing certificate (keyless), when there is one. */
  readonly certificate: string | undefined;
  /** PEM of the chain above it, when given. */
  readonly chain: string | undefined;
  /** The Rekor entry (with its signed timestamp) the signature was logged as, when given and well formed. */
  readonly rekor: CosignRekorBundle | undefined;
  /** The bundle annotation was there but not a Rekor entry basepin can read. */
  readonly rekorUnreadable: boolean;
}

/** Annotation values are registry-sent text: capped so a huge one cannot cost more than it is worth. */
const maxAnnotationChars = 64 * 1024;

/** The signatures of a cosign `sha256-<hex>.sig` manifest; layers of other types are not signatures. */
export function cosignSignatureLayers(manifest: ArtifactManifest): CosignSignatureLayer[] {
  const found: CosignSignatureLayer[] = [];
  for (const layer of manifest.layers) {
    if (layer.mediaType !== cosignSimpleSigning) continue;
    const get = (key: string) => {
      const value = layer.annotations?.[key];
      return value === undefined || value.length > maxAnnotationChars ? undefined : value;
    };
    const signature = get(cosignAnnotation.signature);
    if (signature === undefined || signature === '') continue;
    const bundleText = get(cosignAnnotation.bundle);
    const rekor = bundleText === undefined ? undefined : readRekorBundle(bundleText);
    found.push({
      payloadDigest: layer.digest,
      payloadSize: layer.size,
      signature,
      certificate: get(cosignAnnotation.certificate) || undefined,
      chain: get(cosignAnnotation.chain) || undefined,
      rekor,
      rekorUnreadable: bundleText !== undefined && rekor === undefined,
    });
  }
  return found;
}

function readRekorBundle(text: string): CosignRekorBundle | undefined {
  return parseBytes(CosignRekorBundleSchema, new TextEncoder().encode(text));
}

/** The simple-signing payload, when `bytes` is one. */
export function readSimpleSigning(bytes: Uint8Array): SimpleSigning | undefined {
  return parseBytes(SimpleSigningSchema, bytes);
}

/** A payload signs `digest` when its critical image digest is that digest: a signature over another image is not one. */
export function payloadSigns(payload: SimpleSigning, digest: string): boolean {
  return payload.critical.image['docker-manifest-digest'] === digest;
}
