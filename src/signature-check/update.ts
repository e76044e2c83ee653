import type { ImageReference } from '../reference/index.ts';
import { signatureVerdict, type DigestSignatures, type SignatureVerdict } from '../signatures/index.ts';
import { findSignatures, type SignatureLookup } from './find.ts';

/** The signatures of an update's two digests and the verdict between them. */
export interface UpdateSignatures {
  /** Undefined for a first pin (there is no old digest). */
  readonly before: DigestSignatures | undefined;
  readonly after: DigestSignatures;
  readonly verdict: SignatureVerdict;
}

export interface SignatureChecker {
  /** The verdict for moving `ref` from `from` (the pinned digest) to `to`. */
  check(ref: ImageReference, from: string | undefined, to: string): Promise<UpdateSignatures>;
}

/**
 * Checks updates, each digest once per run however many files or updates name it (the old digest of one
 * update is often the old digest of another). Nothing here throws: a failed read is `read: false`.
 */
export function createSignatureChecker(lookup: SignatureLookup): SignatureChecker {
  const seen = new Map<string, Promise<DigestSignatures>>();
  const signatures = (ref: ImageReference, digest: string) => {
    const key = `${ref.name}@${digest}`;
    let pending = seen.get(key);
    if (!pending) {
      pending = findSignatures(lookup, ref, digest);
      seen.set(key, pending);
    }
    return pending;
  };
  return {
    async check(ref, from, to) {
      const [before, after] = await Promise.all([
        from === undefined ? undefined : signatures(ref, from),
        signatures(ref, to),
      ]);
      return { before, after, verdict: signatureVerdict(before, after) };
    },
  };
}
