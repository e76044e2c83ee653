import picomatch from 'picomatch';
import type { SignatureVerdict } from './verdict.ts';

/** `signature-policy`: what an update's signature must be for it to be proposed. */
export const signaturePolicies = ['report', 'same-identity', 'require'] as const;
export type SignaturePolicy = (typeof signaturePolicies)[number];

export interface SignaturePolicySettings {
  readonly policy: SignaturePolicy;
  /** Globs of images the policy applies to (as `exclude-images` matches them); empty: every image. */
  readonly images: readonly string[];
}

/** Why an update is held back: the policy that held it and the verdict it held it for. */
export interface SignatureHold {
  readonly kind: 'signature-policy';
  readonly policy: Exclude<SignaturePolicy, 'report'>;
  readonly verdict: SignatureVerdict;
  /** One line for the job summary and the dashboard: `signature-policy same-identity: signature missing…`. */
  readonly reason: string;
}

/** The names an image is matched by: familiar and full, each with and without its tag. */
export interface ImageNames {
  readonly familiarName: string;
  readonly name: string;
  readonly tag: string | undefined;
}

/**
 * Builds the hold-back check of `signature-policy`: undefined when the update may go, else the reason.
 * `same-identity` holds a signature that is missing, does not verify or comes from an identity the pinned
 * digest was not signed by, and one that could not be read when the pinned digest was signed; `require`
 * holds everything that is not validly signed, unreadable included.
 */
export function createSignaturePolicy(
  settings: SignaturePolicySettings,
  describe: (verdict: SignatureVerdict) => string,
): (image: ImageNames, verdict: SignatureVerdict) => SignatureHold | undefined {
  const { policy } = settings;
  return (image, verdict) => {
    if (policy === 'report') return undefined;
    if (!signaturePolicyCovers(settings.images, image)) return undefined;
    if (!holds(policy, verdict)) return undefined;
    return {
      kind: 'signature-policy',
      policy,
      verdict,
      reason: `signature-policy ${policy}: ${describe(verdict)}`,
    };
  };
}

/** Whether the globs of `signature-policy-images` cover an image (no globs: every image). */
export function signaturePolicyCovers(images: readonly string[], image: ImageNames): boolean {
  if (images.length === 0) return true;
  const inScope = picomatch([...images], { dot: true });
  const names = [image.familiarName, image.name];
  if (image.tag !== undefined) names.push(`${image.familiarName}:${image.tag}`, `${image.name}:${image.tag}`);
  return names.some((name) => inScope(name));
}

function holds(policy: Exclude<SignaturePolicy, 'report'>, verdict: SignatureVerdict): boolean {
  switch (verdict.kind) {
    case 'same-identity':
    case 'signed':
      return false;
    case 'missing':
    case 'invalid':
    case 'different-identity':
      return true;
    case 'unknown':
      return policy === 'require' || verdict.previouslySigned === true;
    case 'unknown-key':
    case 'notation':
    case 'not-signed':
      return policy === 'require';
  }
}
