/** Who signed: a keyless certificate's identity, or a public key basepin was given for the image. */
export type SignerIdentity =
  | {
      readonly kind: 'keyless';
      /** The certificate's subject alternative name: a workflow URI or an e-mail address. */
      readonly subject: string;
      /** The OIDC issuer the certificate names (Fulcio's issuer extension). */
      readonly issuer: string | undefined;
    }
  | {
      readonly kind: 'key';
      /** The `signature-keys` pattern whose key verified it. */
      readonly key: string;
    };

/** The forms a signature is published in. */
export type SignatureFormat = 'cosign' | 'sigstore-bundle' | 'notation';

/** One signature found for a digest, and what checking it gave. */
export type SignatureCheck =
  | { readonly state: 'verified'; readonly format: SignatureFormat; readonly identity: SignerIdentity }
  | { readonly state: 'invalid'; readonly format: SignatureFormat; readonly reason: string }
  /**
   * Found, not verified: a Notation signature (basepin does not verify those), or a signature made with a
   * key basepin was not given (`signature-keys` names none for the image): neither is a broken signature.
   */
  | { readonly state: 'unverified'; readonly format: SignatureFormat; readonly reason?: string };

/**
 * What the registry holds for one digest. `read: false` means the signatures could not be looked for (a
 * failed read, the Docker Hub budget): that is not an absence.
 */
export type DigestSignatures =
  | { readonly read: true; readonly checks: readonly SignatureCheck[] }
  | { readonly read: false; readonly reason: string };

export function sameIdentity(a: SignerIdentity, b: SignerIdentity): boolean {
  if (a.kind === 'key') return b.kind === 'key' && a.key === b.key;
  if (b.kind !== 'keyless' || a.issuer !== b.issuer) return false;
  return a.subject === b.subject || sameWorkflowRelease(a.subject, b.subject);
}

/**
 * A release workflow signs each release from its own tag (`…/release.yaml@refs/tags/v1.2`, then `@refs/tags/v1.3`):
 * the same workflow file of the same repository run for two tags is one signer. A branch ref is part of the
 * identity (`@refs/heads/main` is not `@refs/heads/topic`).
 */
function sameWorkflowRelease(a: string, b: string): boolean {
  const split = (subject: string) => {
    const at = subject.lastIndexOf('@');
    return at < 0 ? undefined : { workflow: subject.slice(0, at), ref: subject.slice(at + 1) };
  };
  const [left, right] = [split(a), split(b)];
  if (left === undefined || right === undefined || left.workflow !== right.workflow) return false;
  return (
    /^https:\/\/[^@]+\/\.github\/workflows\/[^@]+$/.test(left.workflow) &&
    left.ref.startsWith('refs/tags/') &&
    right.ref.startsWith('refs/tags/')
  );
}

/** The identities whose signatures verified, each once. */
export function verifiedIdentities(signatures: DigestSignatures): SignerIdentity[] {
  if (!signatures.read) return [];
  const found: SignerIdentity[] = [];
  for (const check of signatures.checks) {
    if (check.state === 'verified' && !found.some((known) => sameIdentity(known, check.identity))) {
      found.push(check.identity);
    }
  }
  return found;
}
