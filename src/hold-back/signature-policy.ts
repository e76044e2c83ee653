import type { ImageReference } from '../reference/index.ts';
import { createSignaturePolicy, describeVerdict, signaturePolicyCovers } from '../signatures/index.ts';
import type { HoldPolicy, HoldSettings } from './policy.ts';

type PolicySettings = Pick<HoldSettings, 'signaturePolicy' | 'signaturePolicyImages'>;

/** The names `signature-policy-images` are matched against: familiar and full, with and without the tag. */
export function signatureImageNames(ref: ImageReference) {
  return { familiarName: ref.familiarName, name: ref.name, tag: ref.trackedTag };
}

/** Whether `signature-policy` can hold this image back, so its signatures are read even without a changelog. */
export function signaturePolicyActsOn(settings: PolicySettings, ref: ImageReference): boolean {
  return (
    settings.signaturePolicy !== 'report' &&
    signaturePolicyCovers(settings.signaturePolicyImages, signatureImageNames(ref))
  );
}

/**
 * `signature-policy`: `same-identity` holds back a signature that is missing, does not verify or comes from
 * another identity than the pinned digest's; `require` anything not validly signed. No verdict (signatures
 * not looked for) holds nothing back.
 */
export const signaturePolicyHold: HoldPolicy = (update, { settings, changelog }) => {
  const verdict = changelog?.signature;
  if (settings.signaturePolicy === 'report' || verdict === undefined) return undefined;
  const check = createSignaturePolicy(
    { policy: settings.signaturePolicy, images: settings.signaturePolicyImages },
    (shown) => describeVerdict(shown),
  );
  const hold = check(signatureImageNames(update.site.reference), verdict);
  return hold && { code: 'signature-policy', message: hold.reason };
};
