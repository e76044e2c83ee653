import { createHash } from 'node:crypto';
import { RegistryError, type Manifest, type ManifestHead, type RegistryClient } from '../registry/index.ts';
import type { ResolutionAnswer, ResolutionFile } from '../org/index.ts';
import { questionKey } from './question-key.ts';

/** A shard asked something the plan did not: the run's repositories changed between plan and shard. */
export const notInResolutionCode = 'NOT_IN_RESOLUTION';

/**
 * A registry client that answers from a resolution file and never opens a connection: what the plan's
 * registry answered, failures included (a tag that failed in the plan fails the same way, by code). A
 * question the plan did not ask fails that reference, with a code saying why, and no other.
 */
export function resolutionClient(file: ResolutionFile): RegistryClient {
  const answer = <K extends ResolutionAnswer['kind']>(
    key: string,
    ...kinds: K[]
  ): Extract<ResolutionAnswer, { kind: K }> => {
    const found = file.answers[key];
    if (found === undefined) {
      throw new RegistryError({
        status: 0,
        code: notInResolutionCode,
        retryable: false,
        message: `${key.slice(key.indexOf(' ') + 1)} is not in the resolution file (plan again)`,
      });
    }
    if (found.kind === 'failure') throw replayedFailure(found);
    if (!(kinds as string[]).includes(found.kind)) {
      throw new RegistryError({
        status: 0,
        code: 'BAD_RESPONSE',
        retryable: false,
        message: `the resolution file answers ${key} with ${found.kind}`,
      });
    }
    return found as Extract<ResolutionAnswer, { kind: K }>;
  };
  const headOf = (key: string): ManifestHead => answer(key, 'head', 'manifest').head;
  return {
    resolveTag: async (ref) => headOf(questionKey.tag(ref)),
    describeManifest: async (ref, tagOrDigest) => {
      // The plan may have read this manifest by GET instead (its bytes confirmed the digest).
      const described = file.answers[questionKey.describe(ref, tagOrDigest)];
      const key =
        described === undefined && file.answers[questionKey.manifest(ref, tagOrDigest)] !== undefined
          ? questionKey.manifest(ref, tagOrDigest)
          : questionKey.describe(ref, tagOrDigest);
      return headOf(key);
    },
    fetchManifest: async (ref, tagOrDigest): Promise<Manifest> => {
      const found = answer(questionKey.manifest(ref, tagOrDigest), 'manifest');
      const bytes = verified(Buffer.from(found.base64, 'base64'), found.head.digest);
      return { ...found.head, bytes };
    },
    fetchBlob: async (ref, digest) =>
      verified(Buffer.from(answer(questionKey.blob(ref, digest), 'blob').base64, 'base64'), digest),
    listTags: async (ref) => {
      const found = answer(questionKey.tags(ref), 'tags');
      return { tags: found.tags, more: found.more };
    },
    fetchReferrers: async (ref, digest) => answer(questionKey.referrers(ref, digest), 'referrers').referrers,
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
  };
}

/**
 * The bytes, when they hash to `digest`: the file travels between jobs, and a manifest or config read from
 * it is held to the same rule as one read from a registry. (A tag's digest cannot be checked without the
 * registry; the file is as trusted as the workflow's own artifacts.)
 */
function verified(bytes: Buffer, digest: string): Buffer {
  const [algorithm = '', hex = ''] = digest.split(':');
  const actual =
    algorithm === 'sha256' || algorithm === 'sha512'
      ? createHash(algorithm).update(bytes).digest('hex')
      : undefined;
  if (actual !== hex) {
    throw new RegistryError({
      status: 0,
      code: 'DIGEST_MISMATCH',
      retryable: false,
      message: `the resolution file's bytes for ${digest} do not hash to it`,
    });
  }
  return bytes;
}

function replayedFailure(found: Extract<ResolutionAnswer, { kind: 'failure' }>): Error {
  if (found.name === 'RegistryError') {
    return new RegistryError({
      status: found.status ?? 0,
      code: found.code ?? 'HTTP_ERROR',
      retryable: false,
      message: found.message,
      ...(found.plain === undefined ? {} : { plain: found.plain }),
    });
  }
  return Object.assign(new Error(found.message), { name: found.name });
}
