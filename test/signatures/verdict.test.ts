import { describe, expect, it } from 'vitest';
import {
  createSignaturePolicy,
  describeVerdict,
  signatureJson,
  signatureVerdict,
  type DigestSignatures,
  type SignerIdentity,
} from '../../src/signatures/index.ts';

const release: SignerIdentity = {
  kind: 'keyless',
  subject: 'https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
};
const other: SignerIdentity = {
  kind: 'keyless',
  subject: 'mallory@example.com',
  issuer: 'https://accounts.google.com',
};
const key: SignerIdentity = { kind: 'key', key: 'ghcr.io/acme/*' };

const signed = (...identities: SignerIdentity[]): DigestSignatures => ({
  read: true,
  checks: identities.map((identity) => ({ state: 'verified', format: 'cosign', identity })),
});
const none: DigestSignatures = { read: true, checks: [] };
const broken = {
  read: true,
  checks: [{ state: 'invalid', format: 'cosign', reason: 'signature does not match the payload' }],
} as const satisfies DigestSignatures;
const notation: DigestSignatures = { read: true, checks: [{ state: 'unverified', format: 'notation' }] };
const unread: DigestSignatures = { read: false, reason: 'Docker Hub pull budget' };
const keyedUnknown: DigestSignatures = {
  read: true,
  checks: [
    { state: 'unverified', format: 'cosign', reason: 'signed with a key, and signature-keys names none' },
  ],
};

describe('signatureVerdict', () => {
  it.each([
    ['same signer', signed(release), signed(release), 'same-identity'],
    ['same signer among others', signed(other, release), signed(release, other), 'same-identity'],
    ['same key', signed(key), signed(key), 'same-identity'],
    ['newly signed', none, signed(release), 'signed'],
    ['first pin', undefined, signed(release), 'signed'],
    ['another signer', signed(release), signed(other), 'different-identity'],
    ['a key instead of a certificate', signed(release), signed(key), 'different-identity'],
    ['signature gone', signed(release), none, 'missing'],
    ['only a notation signature where a verified one was', signed(release), notation, 'missing'],
    ['tampered', signed(release), broken, 'invalid'],
    ['tampered, never signed before', none, broken, 'invalid'],
    ['notation only', none, notation, 'notation'],
    ['signed with a key basepin was not given', none, keyedUnknown, 'unknown-key'],
    ['the same, every time: not a broken signature', keyedUnknown, keyedUnknown, 'unknown-key'],
    ['a key basepin was not given where a verified signature was', signed(release), keyedUnknown, 'missing'],
    ['never signed', none, none, 'not-signed'],
    ['old unread, new unsigned', unread, none, 'not-signed'],
    ['new unread', signed(release), unread, 'unknown'],
  ] as const)('%s', (_name, before, after, kind) => {
    expect(signatureVerdict(before, after).kind).toBe(kind);
  });

  it('a verified signature wins over a stale broken one beside it', () => {
    const verified = signed(release);
    const both: DigestSignatures = {
      read: true,
      checks: [...broken.checks, ...(verified.read ? verified.checks : [])],
    };
    expect(signatureVerdict(signed(release), both)).toEqual({ kind: 'same-identity', identity: release });
  });

  it('an identity differs by issuer too', () => {
    const sameSubject: SignerIdentity = { ...release, issuer: 'https://gitlab.com' } as SignerIdentity;
    expect(signatureVerdict(signed(release), signed(sameSubject)).kind).toBe('different-identity');
  });

  it('an unread new side says whether the old one was signed', () => {
    expect(signatureVerdict(signed(release), unread)).toMatchObject({ previouslySigned: true });
    expect(signatureVerdict(none, unread)).toMatchObject({ previouslySigned: false });
    expect(signatureVerdict(unread, unread)).toMatchObject({ previouslySigned: undefined });
  });
});

describe('describeVerdict', () => {
  it.each([
    [
      signed(release),
      signed(release),
      'signed by https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main (GitHub Actions), same as before',
    ],
    [signed(release), none, 'signature missing (the previous digest was signed)'],
    [
      signed(release),
      signed(other),
      'signed by a different identity: mallory@example.com (Google) (before: https://github.com/chainguard-images/images/.github/workflows/release.yaml@refs/heads/main (GitHub Actions))',
    ],
    [signed(release), broken, 'signature does not verify (signature does not match the payload)'],
    [none, none, 'not signed'],
    [none, notation, 'notation signature present (not verified)'],
    [none, signed(key), 'signed by the key configured for ghcr.io/acme/*'],
  ] as const)('%#', (before, after, text) => {
    expect(describeVerdict(signatureVerdict(before, after))).toBe(text);
  });

  it('registry-sent text is one escaped line in plain text and a code span in markdown', () => {
    const hostile: SignerIdentity = {
      kind: 'keyless',
      subject: 'a\u202e@b\n<img>',
      issuer: 'https://x/[y](z)',
    };
    const verdict = signatureVerdict(none, signed(hostile));
    expect(describeVerdict(verdict)).toBe('signed by a\\u202e@b <img> (https://x/[y](z))');
    expect(describeVerdict(verdict, 'markdown')).toBe('signed by `a\\u202e@b <img>` (`https://x/[y](z)`)');
  });
});

describe('signatureJson', () => {
  it('names the verdict, its words and the identities', () => {
    expect(signatureJson(signatureVerdict(signed(release), signed(other)))).toEqual({
      verdict: 'different-identity',
      text: expect.stringContaining('signed by a different identity'),
      identity: { subject: 'mallory@example.com', issuer: 'https://accounts.google.com' },
      previous: [{ subject: release.subject, issuer: release.issuer }],
    });
    expect(signatureJson(signatureVerdict(none, none))).toEqual({
      verdict: 'not-signed',
      text: 'not signed',
    });
  });
});

describe('signature-policy', () => {
  const image = {
    familiarName: 'cgr.dev/chainguard/static',
    name: 'cgr.dev/chainguard/static',
    tag: 'latest',
  };
  const held = (
    policy: 'report' | 'same-identity' | 'require',
    before: DigestSignatures | undefined,
    after: DigestSignatures,
  ) =>
    createSignaturePolicy({ policy, images: [] }, describeVerdict)(image, signatureVerdict(before, after)) !==
    undefined;

  it.each([
    // policy, before, after, held?
    ['report', signed(release), none, false],
    ['report', signed(release), broken, false],
    ['same-identity', signed(release), signed(release), false],
    ['same-identity', none, signed(release), false],
    ['same-identity', signed(release), none, true],
    ['same-identity', signed(release), broken, true],
    ['same-identity', none, broken, true],
    ['same-identity', signed(release), signed(other), true],
    ['same-identity', none, none, false],
    ['same-identity', none, notation, false],
    ['same-identity', keyedUnknown, keyedUnknown, false],
    ['require', keyedUnknown, keyedUnknown, true],
    ['same-identity', signed(release), unread, true],
    ['same-identity', none, unread, false],
    ['require', none, signed(release), false],
    ['require', signed(release), signed(release), false],
    ['require', none, none, true],
    ['require', none, notation, true],
    ['require', none, unread, true],
    ['require', signed(release), signed(other), true],
  ] as const)('%s: %#', (policy, before, after, expected) => {
    expect(held(policy, before, after)).toBe(expected);
  });

  it('gives a typed reason with the verdict in words', () => {
    const check = createSignaturePolicy({ policy: 'same-identity', images: [] }, describeVerdict);
    expect(check(image, signatureVerdict(signed(release), none))).toEqual({
      kind: 'signature-policy',
      policy: 'same-identity',
      verdict: { kind: 'missing', previous: [release] },
      reason: 'signature-policy same-identity: signature missing (the previous digest was signed)',
    });
  });

  it('applies only to the images its patterns name', () => {
    const check = createSignaturePolicy(
      { policy: 'require', images: ['cgr.dev/**', 'alpine:3.*'] },
      describeVerdict,
    );
    const verdict = signatureVerdict(none, none);
    expect(check(image, verdict)).toBeDefined();
    expect(
      check({ familiarName: 'alpine', name: 'docker.io/library/alpine', tag: '3.20' }, verdict),
    ).toBeDefined();
    expect(
      check({ familiarName: 'alpine', name: 'docker.io/library/alpine', tag: 'edge' }, verdict),
    ).toBeUndefined();
    expect(
      check({ familiarName: 'node', name: 'docker.io/library/node', tag: '22' }, verdict),
    ).toBeUndefined();
  });
});

describe('sameIdentity: a release workflow signing from each release tag', () => {
  const workflow = 'https://github.com/salrashid123/go-bazel-github-workflow/.github/workflows/release.yaml';
  const actions = 'https://token.actions.githubusercontent.com';
  const keyless = (subject: string, issuer = actions): SignerIdentity => ({
    kind: 'keyless',
    subject,
    issuer,
  });
  it.each([
    [
      'the same workflow run for two tags',
      `${workflow}@refs/tags/v0.0.26`,
      `${workflow}@refs/tags/v0.0.30`,
      actions,
      true,
    ],
    [
      'the same workflow, the same branch',
      `${workflow}@refs/heads/main`,
      `${workflow}@refs/heads/main`,
      actions,
      true,
    ],
    [
      'the same workflow from another branch',
      `${workflow}@refs/heads/main`,
      `${workflow}@refs/heads/topic`,
      actions,
      false,
    ],
    ['a tag against a branch', `${workflow}@refs/tags/v1`, `${workflow}@refs/heads/main`, actions, false],
    [
      'another workflow file for a tag',
      `${workflow}@refs/tags/v1`,
      `${workflow.replace('release', 'nightly')}@refs/tags/v2`,
      actions,
      false,
    ],
    [
      'the same tags from another issuer',
      `${workflow}@refs/tags/v1`,
      `${workflow}@refs/tags/v2`,
      'https://example.com',
      false,
    ],
    ['e-mail addresses are whole', 'dev@example.com', 'dev@example.org', actions, false],
  ])('%s', (_, before, after, issuer, same) => {
    const verdict = signatureVerdict(signed(keyless(before)), signed(keyless(after, issuer)));
    expect(verdict.kind).toBe(same ? 'same-identity' : 'different-identity');
  });
});
