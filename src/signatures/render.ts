import { codeSpan } from '../text/markdown.ts';
import { untrustedText } from '../text/untrusted.ts';
import type { SignerIdentity } from './evidence.ts';
import type { Provenance, ProvenanceMatch } from './provenance.ts';
import type { SignatureVerdict } from './verdict.ts';

/** Issuers people know by name; any other is shown as its URL. */
const knownIssuers: Readonly<Record<string, string>> = {
  'https://token.actions.githubusercontent.com': 'GitHub Actions',
  'https://gitlab.com': 'GitLab CI',
  'https://accounts.google.com': 'Google',
  'https://github.com/login/oauth': 'GitHub',
  'https://login.microsoftonline.com': 'Microsoft',
  'https://oauth2.sigstore.dev/auth': 'Sigstore OAuth',
};

/** How text is shown: `plain` for logs and `--json`, `markdown` for pull-request bodies and summaries. */
type Style = 'plain' | 'markdown';

function show(text: string, style: Style): string {
  return style === 'markdown' ? codeSpan(text) : untrustedText(text);
}

export function describeIdentity(identity: SignerIdentity, style: Style = 'plain'): string {
  if (identity.kind === 'key') return `the key configured for ${show(identity.key, style)}`;
  const { issuer } = identity;
  if (issuer === undefined) return show(identity.subject, style);
  return `${show(identity.subject, style)} (${knownIssuers[issuer] ?? show(issuer, style)})`;
}

/** The verdict as one line: `signed by … (GitHub Actions), same as before`, `not signed`. */
export function describeVerdict(verdict: SignatureVerdict, style: Style = 'plain'): string {
  switch (verdict.kind) {
    case 'same-identity':
      return `signed by ${describeIdentity(verdict.identity, style)}, same as before`;
    case 'signed':
      return `signed by ${describeIdentity(verdict.identity, style)}`;
    case 'different-identity':
      return `signed by a different identity: ${describeIdentity(verdict.identity, style)} (before: ${verdict.previous
        .map((identity) => describeIdentity(identity, style))
        .join(', ')})`;
    case 'missing':
      return 'signature missing (the previous digest was signed)';
    case 'invalid':
      return `signature does not verify (${style === 'markdown' ? show(verdict.reason, style) : untrustedText(verdict.reason)})`;
    case 'unknown-key':
      return 'signed with a key basepin was not given (not verified: add it to signature-keys)';
    case 'notation':
      return 'notation signature present (not verified)';
    case 'not-signed':
      return 'not signed';
    case 'unknown':
      return `signature not checked (${style === 'markdown' ? show(verdict.reason, style) : untrustedText(verdict.reason)})`;
  }
}

/** `built by <builder> from <repo>@<commit>`, with what is known; undefined when nothing is. */
export function describeProvenance(
  provenance: Provenance,
  match: ProvenanceMatch = 'unknown',
  style: Style = 'plain',
): string | undefined {
  const parts: string[] = [];
  if (provenance.builder !== undefined) parts.push(`built by ${show(provenance.builder, style)}`);
  if (provenance.repository !== undefined) {
    const at = provenance.commit === undefined ? '' : `@${provenance.commit}`;
    parts.push(`from ${show(`${provenance.repository}${at}`, style)}`);
  } else if (provenance.commit !== undefined) {
    parts.push(`from commit ${show(provenance.commit, style)}`);
  }
  if (parts.length === 0) return undefined;
  const note =
    match === 'matches'
      ? ', as the image says'
      : match === 'differs'
        ? ' (the image names another source)'
        : '';
  return `${parts.join(' ')}${note}`;
}

/** Pull-request body lines for one image: the signature verdict, then the provenance when there is one. */
export function signatureLines(
  verdict: SignatureVerdict,
  provenance?: { readonly provenance: Provenance; readonly match: ProvenanceMatch },
): string[] {
  const lines = [`- Signature: ${describeVerdict(verdict, 'markdown')}`];
  const built = provenance && describeProvenance(provenance.provenance, provenance.match, 'markdown');
  if (built) lines.push(`- Provenance: ${built}`);
  return lines;
}

/** The JSON shape of an identity (`--json`, the state of an explain). */
export type IdentityJson = { readonly subject: string; readonly issuer?: string } | { readonly key: string };

export interface SignatureJson {
  readonly verdict: SignatureVerdict['kind'];
  readonly text: string;
  readonly identity?: IdentityJson;
  readonly previous?: readonly IdentityJson[];
  readonly reason?: string;
}

export interface ProvenanceJson {
  readonly builder?: string;
  readonly repository?: string;
  readonly commit?: string;
  readonly predicateType: string;
  readonly source: ProvenanceMatch;
}

function identityJson(identity: SignerIdentity): IdentityJson {
  if (identity.kind === 'key') return { key: untrustedText(identity.key) };
  return {
    subject: untrustedText(identity.subject),
    ...(identity.issuer === undefined ? {} : { issuer: untrustedText(identity.issuer) }),
  };
}

export function signatureJson(verdict: SignatureVerdict): SignatureJson {
  const base = { verdict: verdict.kind, text: describeVerdict(verdict) };
  switch (verdict.kind) {
    case 'same-identity':
    case 'signed':
      return { ...base, identity: identityJson(verdict.identity) };
    case 'different-identity':
      return {
        ...base,
        identity: identityJson(verdict.identity),
        previous: verdict.previous.map(identityJson),
      };
    case 'missing':
      return { ...base, previous: verdict.previous.map(identityJson) };
    case 'invalid':
    case 'unknown':
      return { ...base, reason: untrustedText(verdict.reason) };
    default:
      return base;
  }
}

export function provenanceJson(provenance: Provenance, match: ProvenanceMatch): ProvenanceJson {
  const optional = (key: string, value: string | undefined) =>
    value === undefined ? {} : { [key]: untrustedText(value) };
  return {
    ...optional('builder', provenance.builder),
    ...optional('repository', provenance.repository),
    ...optional('commit', provenance.commit),
    predicateType: untrustedText(provenance.predicateType),
    source: match,
  };
}
