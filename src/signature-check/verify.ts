import { createHash } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { Verifier, toSignedEntity, type Signer } from '@sigstore/verify';
import type { CosignSignatureLayer, SignatureCheck, SignerIdentity } from '../signatures/index.ts';
import type { SignatureTrust } from './trust.ts';

// Every signature is checked by @sigstore/verify: certificate chain to the trusted root's Fulcio, SCT,
// the transparency-log entry (inclusion promise or proof) and its timestamp, the signature over the bytes.
// basepin only turns cosign's registry form into the bundle the verifier reads and the result into words.

const keyless = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };

/** Checks one Sigstore bundle that says it signs the image `digest` (`manifest` are that digest's bytes). */
export function verifyBundle(
  trust: SignatureTrust,
  bundleJson: unknown,
  digest: string,
  manifest: Uint8Array,
  keysFor: readonly string[],
): SignatureCheck {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(bundleJson);
  } catch (error) {
    return invalid('sigstore-bundle', `not a Sigstore bundle (${(error as Error).message})`);
  }
  if (bundle.content.$case === 'dsseEnvelope') {
    const subjectProblem = dsseSubjectProblem(bundle, digest);
    if (subjectProblem) return invalid('sigstore-bundle', subjectProblem);
    return check(trust, bundle, undefined, keysFor, 'sigstore-bundle');
  }
  return check(trust, bundle, Buffer.from(manifest), keysFor, 'sigstore-bundle');
}

/** Checks one cosign signature layer whose simple-signing `payload` was read (and names the digest). */
export function verifyCosignLayer(
  trust: SignatureTrust,
  layer: CosignSignatureLayer,
  payload: Uint8Array,
  keysFor: readonly string[],
): SignatureCheck {
  if (layer.rekorUnreadable) return invalid('cosign', 'its transparency-log entry cannot be read');
  const certificate = layer.certificate === undefined ? undefined : pemToBase64(layer.certificate);
  if (certificate === '') return invalid('cosign', 'its certificate is not PEM');
  const material =
    certificate === undefined
      ? { publicKey: { hint: '' } }
      : { x509CertificateChain: { certificates: [{ rawBytes: certificate }] } };
  const tlogEntries = layer.rekor ? [rekorEntry(layer.rekor)] : [];
  if (tlogEntries[0] === null) return invalid('cosign', 'its transparency-log entry cannot be read');
  const json = {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      ...material,
      tlogEntries,
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(payload).digest('base64') },
      signature: layer.signature,
    },
  };
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (error) {
    return invalid('cosign', `not a well-formed signature (${(error as Error).message})`);
  }
  return check(trust, bundle, Buffer.from(payload), keysFor, 'cosign');
}

function check(
  trust: SignatureTrust,
  bundle: Bundle,
  artifact: Buffer | undefined,
  keysFor: readonly string[],
  format: 'cosign' | 'sigstore-bundle',
): SignatureCheck {
  const material = bundle.verificationMaterial.content;
  if (material.$case !== 'publicKey') {
    try {
      const signer = new Verifier(trust.material, keyless).verify(toSignedEntity(bundle, artifact));
      return { state: 'verified', format, identity: certificateIdentity(signer) };
    } catch (error) {
      return invalid(format, (error as Error).message);
    }
  }
  // A keyed signature: each key configured for the image is tried; the log is checked when there is one.
  const keys = trust.keysFor(keysFor);
  if (keys.length === 0) {
    return {
      state: 'unverified',
      format,
      reason: 'signed with a key, and signature-keys names none for this image',
    };
  }
  const logged = bundle.verificationMaterial.tlogEntries.length > 0;
  const options = { tlogThreshold: logged ? 1 : 0, ctlogThreshold: 0, timestampThreshold: logged ? 1 : 0 };
  let last = '';
  for (const { pattern } of keys) {
    const withHint: Bundle = {
      ...bundle,
      verificationMaterial: {
        ...bundle.verificationMaterial,
        content: { $case: 'publicKey', publicKey: { hint: pattern } },
      },
    } as Bundle;
    try {
      new Verifier(trust.material, options).verify(toSignedEntity(withHint, artifact));
      return { state: 'verified', format, identity: { kind: 'key', key: pattern } };
    } catch (error) {
      last = (error as Error).message;
    }
  }
  return invalid(format, last);
}

function certificateIdentity(signer: Signer): SignerIdentity {
  return {
    kind: 'keyless',
    subject: signer.identity?.subjectAlternativeName ?? '',
    issuer: signer.identity?.extensions?.issuer,
  };
}

function invalid(format: 'cosign' | 'sigstore-bundle', reason: string): SignatureCheck {
  return { state: 'invalid', format, reason };
}

/** A DSSE bundle signs an in-toto statement: it is about this image only when a subject has its digest. */
function dsseSubjectProblem(bundle: Bundle, digest: string): string | undefined {
  if (bundle.content.$case !== 'dsseEnvelope') return undefined;
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(bundle.content.dsseEnvelope.payload).toString('utf8'));
  } catch {
    return 'its statement is not JSON';
  }
  const hex = digest.slice('sha256:'.length);
  const subjects = (statement as { subject?: unknown }).subject;
  const names =
    Array.isArray(subjects) &&
    subjects.some(
      (subject: unknown) =>
        typeof subject === 'object' &&
        subject !== null &&
        (subject as { digest?: Record<string, unknown> }).digest?.['sha256'] === hex,
    );
  return names ? undefined : 'it attests another artifact, not this digest';
}

/** cosign's Rekor annotation as the transparency-log entry of a bundle; null when its body is not an entry. */
function rekorEntry(rekor: NonNullable<CosignSignatureLayer['rekor']>): object | null {
  const body = Buffer.from(rekor.Payload.body, 'base64');
  let kind: unknown;
  let version: unknown;
  try {
    ({ kind, apiVersion: version } = JSON.parse(body.toString('utf8')) as {
      kind?: unknown;
      apiVersion?: unknown;
    });
  } catch {
    return null;
  }
  if (typeof kind !== 'string' || typeof version !== 'string') return null;
  return {
    logIndex: String(rekor.Payload.logIndex),
    logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
    kindVersion: { kind, version },
    integratedTime: String(rekor.Payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
    canonicalizedBody: rekor.Payload.body,
  };
}

/** The base64 of a PEM certificate's DER (its first certificate); empty when it is not PEM. */
function pemToBase64(pem: string): string {
  const match = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  return match?.[1]?.replace(/\s+/g, '') ?? '';
}
