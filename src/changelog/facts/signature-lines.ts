import {
  describeProvenance,
  describeVerdict,
  provenanceJson,
  signatureJson,
  type ProvenanceJson,
  type SignatureJson,
} from '../../signatures/index.ts';
import type { ChangelogFacts } from './facts.ts';

type Style = 'plain' | 'markdown';

/**
 * What an image's signature and provenance say, one line each: `Signature: signed by … (GitHub Actions),
 * same as before`, `Provenance: built by … from …@…`. Provenance identical on several platforms is said once,
 * and with the platform when they differ. Empty when neither was looked for.
 */
export function signatureFactLines(
  facts: ChangelogFacts,
  style: Style,
): { readonly label: 'Signature' | 'Provenance'; readonly text: string }[] {
  const lines: { label: 'Signature' | 'Provenance'; text: string }[] = [];
  if (facts.signature) lines.push({ label: 'Signature', text: describeVerdict(facts.signature, style) });
  const built = new Map<string, string[]>();
  for (const entry of facts.provenance ?? []) {
    const text = describeProvenance(entry.provenance, entry.match, style);
    if (text === undefined) continue;
    built.set(text, [...(built.get(text) ?? []), entry.platform]);
  }
  for (const [text, platforms] of built) {
    const where = built.size > 1 ? ` (${platforms.join(', ')})` : '';
    lines.push({ label: 'Provenance', text: `${text}${where}` });
  }
  return lines;
}

/** The `--json` form: the verdict with its words and identities, each platform's provenance. */
export function signatureFactsJson(facts: ChangelogFacts): {
  signature?: SignatureJson;
  provenance?: (ProvenanceJson & { readonly platform: string })[];
} {
  return {
    ...(facts.signature && { signature: signatureJson(facts.signature) }),
    ...(facts.provenance && {
      provenance: facts.provenance.map((entry) => ({
        platform: entry.platform,
        ...provenanceJson(entry.provenance, entry.match),
      })),
    }),
  };
}
