import type { ImageReference } from '../reference/index.ts';
import { RegistryError, type ManifestHead, type RegistryClient } from '../registry/index.ts';
import type { ResolutionAnswer } from '../org/index.ts';
import { questionKey } from './question-key.ts';

export interface RecordingClient {
  /** Answers as `client` would, and keeps each answer (failures too) for the resolution file. */
  readonly client: RegistryClient;
  /** Every question asked so far with its answer, by key. */
  answers(): Record<string, ResolutionAnswer>;
}

/**
 * A registry client that keeps what the registry answered: the organisation plan resolves every unique
 * question once (through a memoizing client above this one) and writes the answers to the resolution file,
 * so the shards resolve from the file alone, pinning and changelog facts alike.
 */
export function recordResolution(client: RegistryClient): RecordingClient {
  const answers: Record<string, ResolutionAnswer> = {};
  const keep = async <T>(key: string, ask: () => Promise<T>, answer: (value: T) => ResolutionAnswer) => {
    try {
      const value = await ask();
      answers[key] = answer(value);
      return value;
    } catch (error) {
      answers[key] = failureAnswer(error);
      throw error;
    }
  };
  const recorded: RegistryClient = {
    resolveTag: (ref) => keep(questionKey.tag(ref), () => client.resolveTag(ref), headAnswer),
    describeManifest: (ref, tagOrDigest) =>
      keep(
        questionKey.describe(ref, tagOrDigest),
        () => client.describeManifest(ref, tagOrDigest),
        headAnswer,
      ),
    fetchManifest: (ref, tagOrDigest) =>
      keep(
        questionKey.manifest(ref, tagOrDigest),
        () => client.fetchManifest(ref, tagOrDigest),
        (manifest) => ({
          kind: 'manifest',
          head: head(manifest),
          base64: Buffer.from(manifest.bytes).toString('base64'),
        }),
      ),
    fetchBlob: (ref, digest) =>
      keep(
        questionKey.blob(ref, digest),
        () => client.fetchBlob(ref, digest),
        (bytes) => ({ kind: 'blob', base64: Buffer.from(bytes).toString('base64') }),
      ),
    stats: () => client.stats(),
  };
  if (client.prepare) recorded.prepare = client.prepare.bind(client);
  if (client.dockerHubPullsLeft) recorded.dockerHubPullsLeft = client.dockerHubPullsLeft.bind(client);
  const { listTags, fetchReferrers } = client;
  if (listTags) {
    recorded.listTags = (ref: ImageReference) =>
      keep(
        questionKey.tags(ref),
        () => listTags.call(client, ref),
        (page) => ({ kind: 'tags', tags: [...page.tags], more: page.more }),
      );
  }
  if (fetchReferrers) {
    recorded.fetchReferrers = (ref, digest, lookup) =>
      keep(
        questionKey.referrers(ref, digest),
        () => fetchReferrers.call(client, ref, digest, lookup),
        (referrers) => ({ kind: 'referrers', referrers: referrers.map((r) => ({ ...r })) }),
      );
  }
  return { client: recorded, answers: () => ({ ...answers }) };
}

function head(value: ManifestHead): Extract<ResolutionAnswer, { kind: 'head' }>['head'] {
  return {
    digest: value.digest,
    mediaType: value.mediaType,
    ...(value.verified === undefined ? {} : { verified: value.verified }),
    ...(value.fromMirror === undefined ? {} : { fromMirror: value.fromMirror }),
  };
}

function headAnswer(value: ManifestHead): ResolutionAnswer {
  return { kind: 'head', head: head(value) };
}

function failureAnswer(error: unknown): ResolutionAnswer {
  if (error instanceof RegistryError) {
    return {
      kind: 'failure',
      name: 'RegistryError',
      code: error.code,
      status: error.status,
      message: error.message,
      ...(error.plain === undefined ? {} : { plain: error.plain }),
    };
  }
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return { kind: 'failure', name, message };
}
