import { sameIdentity, verifiedIdentities, type DigestSignatures, type SignerIdentity } from './evidence.ts';

/** What an update does to the image's signature, old digest against new. */
export type SignatureVerdict =
  /** The new digest is signed by an identity that signed the old one too. */
  | { readonly kind: 'same-identity'; readonly identity: SignerIdentity }
  /** The new digest is signed; the old one was not (or there is no old one, or it could not be read). */
  | { readonly kind: 'signed'; readonly identity: SignerIdentity }
  /** Signed, but by none of the identities that signed the old digest. */
  | {
      readonly kind: 'different-identity';
      readonly identity: SignerIdentity;
      readonly previous: readonly SignerIdentity[];
    }
  /** The old digest was signed and the new one has no signature at all. */
  | { readonly kind: 'missing'; readonly previous: readonly SignerIdentity[] }
  /** A signature is there and none verifies. */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** Signed with a key basepin was not given: configure it in `signature-keys` to check it. */
  | { readonly kind: 'unknown-key' }
  /** Only a Notation signature, which basepin names but does not verify. */
  | { readonly kind: 'notation' }
  /** Neither digest is signed: the image never was. */
  | { readonly kind: 'not-signed' }
  /** The new digest's signatures could not be read: nothing can be said. */
  | { readonly kind: 'unknown'; readonly reason: string; readonly previouslySigned: boolean | undefined };

/**
 * Compares the signatures of the pinned digest (`before`, undefined for a first pin) with the proposed one's.
 * A verified signature wins over a broken one beside it (registries keep old signatures next to new ones);
 * a broken one is reported only when nothing verifies.
 */
export function signatureVerdict(
  before: DigestSignatures | undefined,
  after: DigestSignatures,
): SignatureVerdict {
  const previous = before === undefined ? [] : verifiedIdentities(before);
  const previouslySigned = before === undefined || !before.read ? undefined : previous.length > 0;
  if (!after.read) return { kind: 'unknown', reason: after.reason, previouslySigned };
  const now = verifiedIdentities(after);
  const [first] = now;
  if (first !== undefined) {
    if (previous.length === 0) return { kind: 'signed', identity: first };
    const kept = now.find((identity) => previous.some((old) => sameIdentity(old, identity)));
    return kept
      ? { kind: 'same-identity', identity: kept }
      : { kind: 'different-identity', identity: first, previous };
  }
  const invalid = after.checks.find((check) => check.state === 'invalid');
  if (invalid?.state === 'invalid') return { kind: 'invalid', reason: invalid.reason };
  // A Notation signature cannot stand in for the verified one the old digest had.
  if (previous.length > 0) return { kind: 'missing', previous };
  if (after.checks.some((check) => check.state === 'unverified' && check.format !== 'notation')) {
    return { kind: 'unknown-key' };
  }
  if (after.checks.some((check) => check.format === 'notation')) return { kind: 'notation' };
  return { kind: 'not-signed' };
}
