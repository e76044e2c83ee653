import { createPublicKey, type KeyObject } from 'node:crypto';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import picomatch from 'picomatch';
import publicGoodRoot from './trusted-root.json' with { type: 'json' };

/** One `signature-keys` entry: images matching `pattern` may be signed by `key`. */
export interface SignatureKey {
  readonly pattern: string;
  readonly key: KeyObject;
}

/** What signatures are checked against: a Sigstore trusted root and the configured public keys. */
export interface SignatureTrust {
  readonly material: TrustMaterial;
  readonly keys: readonly SignatureKey[];
  /** The keys whose pattern names the image (familiar or full name, with or without the tag). */
  keysFor(names: readonly string[]): SignatureKey[];
}

export class SignatureTrustError extends Error {
  override readonly name = 'SignatureTrustError';
}

export interface TrustInput {
  /** A trusted root's parsed JSON (`sigstore-trusted-root`); default the public-good root shipped with basepin. */
  readonly trustedRoot?: unknown;
  /** Where that root came from, for errors. */
  readonly trustedRootLabel?: string;
  /** Pattern → PEM text of a public key. */
  readonly keys?: readonly (readonly [pattern: string, pem: string])[];
}

/** Builds the trust from validated input; a bad root or key fails with one line naming it. */
export function createSignatureTrust(input: TrustInput = {}): SignatureTrust {
  const label = input.trustedRootLabel ?? 'the shipped Sigstore trusted root';
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(input.trustedRoot ?? publicGoodRoot);
  } catch (error) {
    throw new SignatureTrustError(`${label}: not a Sigstore trusted root (${(error as Error).message})`);
  }
  if (root.tlogs.length === 0 && root.certificateAuthorities.length === 0) {
    throw new SignatureTrustError(`${label}: names no transparency log and no certificate authority`);
  }
  const keys = (input.keys ?? []).map(([pattern, pem]): SignatureKey => {
    try {
      return { pattern, key: createPublicKey(pem) };
    } catch {
      throw new SignatureTrustError(`signature-keys: ${pattern}: not a PEM public key`);
    }
  });
  // A keyed signature names no key of its own: the bundle basepin builds for it carries the pattern as hint.
  const byPattern = new Map(keys.map((entry) => [entry.pattern, entry.key]));
  const material = toTrustMaterial(root, (hint) => {
    const key = byPattern.get(hint);
    if (!key) throw new SignatureTrustError(`no public key configured for ${hint}`);
    return { publicKey: key, validFor: () => true };
  });
  const matchers = keys.map((entry) => ({ entry, matches: picomatch(entry.pattern, { dot: true }) }));
  return {
    material,
    keys,
    keysFor: (names) =>
      matchers.filter(({ matches }) => names.some((name) => matches(name))).map(({ entry }) => entry),
  };
}
