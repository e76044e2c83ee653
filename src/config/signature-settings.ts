import { each, nonEmpty, textSetting, type Shape } from './shape.ts';
import { fileList, type SettingSpec } from './setting-spec.ts';
import { parseChoice, type Parsed } from './values.ts';

/**
 * The settings of signatures and provenance (src/signatures/, src/signature-check/), a part of the
 * table in `./schema.ts`: what an update's signature must be, where, and what to trust.
 */

export const signaturePolicyValues = ['report', 'same-identity', 'require'] as const;

/** Image glob → value pairs (`signature-keys`): each glob once, no value empty. */
function parsePatternPairs(raw: Shape): Parsed<Record<string, string>> {
  if (raw.kind !== 'pairs') return { problem: 'expected IMAGE-GLOB: value pairs' };
  const pairs: Record<string, string> = {};
  for (const [pattern, value] of raw.value) {
    if (pattern.trim() === '' || value.trim() === '')
      return { problem: `${pattern || 'a pattern'}: an empty value` };
    if (pairs[pattern] !== undefined) return { problem: `${pattern} is given more than once` };
    pairs[pattern] = value;
  }
  return { value: pairs };
}

export const signatureSettings = {
  'signature-policy': {
    shape: 'text',
    file: (z) => z.enum(signaturePolicyValues),
    description:
      "What an update's signature must be: `report` (show it), `same-identity` (hold back an update whose signature is missing, does not verify or comes from another identity than the pinned digest's) or `require` (hold back anything not validly signed).",
    parse: textSetting((value) => parseChoice(value, signaturePolicyValues)),
    fallback: 'report',
  } satisfies SettingSpec<(typeof signaturePolicyValues)[number]>,
  'signature-policy-images': {
    shape: 'list',
    file: fileList,
    flag: null,
    description:
      'Globs of images `signature-policy` applies to, matched as `exclude-images` (`cgr.dev/**`, `alpine:3.*`); empty: every image.',
    parse: each(nonEmpty),
    fallback: [],
  },
  'signature-keys': {
    shape: 'pairs',
    file: (z) => z.record(z.string().min(1), z.string().min(1)),
    flag: null,
    input: false,
    description:
      "Image glob → public key (a PEM file's path, or the PEM itself) that signs it, for signatures made with a key rather than keyless.",
    parse: (raw) => parsePatternPairs(raw),
    fallback: {},
  } satisfies SettingSpec<Readonly<Record<string, string>>>,
  'sigstore-trusted-root': {
    shape: 'text',
    file: (z) => z.string().min(1),
    description:
      'A Sigstore `trusted_root.json` to check keyless signatures against (a private Sigstore deployment); default the public-good root shipped with basepin.',
    parse: textSetting(nonEmpty),
    fallback: undefined,
  } satisfies SettingSpec<string | undefined>,
} as const satisfies Record<string, SettingSpec<unknown>>;
