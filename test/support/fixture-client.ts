import type { ImageReference } from '../../src/reference/index.ts';
import { RegistryError, type Referrer, type RegistryClient } from '../../src/registry/index.ts';
import { readJson, type FixtureRepo } from './fixture-repo.ts';

export interface FixtureClient {
  readonly client: RegistryClient;
  /** `GET manifest <digest>`, `HEAD <tag>`, `GET blob <digest>`, `GET tags`, `GET referrers <digest>` in call order. */
  readonly calls: string[];
  /** Set what Docker Hub's `ratelimit-remaining` last said. */
  setPullsLeft(left: number | undefined): void;
}

function notFound(what: string): RegistryError {
  return new RegistryError({
    status: 404,
    code: 'MANIFEST_UNKNOWN',
    retryable: false,
    message: `${what}: 404`,
  });
}

/**
 * A RegistryClient over fixture content, as a registry with the referrers API would answer: every call is
 * logged so tests can count requests against the changelog's budget.
 */
export function fixtureClient(repo: FixtureRepo): FixtureClient {
  const calls: string[] = [];
  let pullsLeft: number | undefined;
  const resolve = (tagOrDigest: string) => repo.manifests.get(repo.tags.get(tagOrDigest) ?? tagOrDigest);
  const client: RegistryClient = {
    async resolveTag(ref: ImageReference) {
      calls.push(`HEAD ${ref.trackedTag}`);
      const found = resolve(ref.trackedTag);
      if (!found) throw notFound(ref.trackedTag);
      return { digest: found.digest, mediaType: found.mediaType };
    },
    async describeManifest(_ref, tagOrDigest) {
      calls.push(`HEAD ${tagOrDigest}`);
      const found = resolve(tagOrDigest);
      if (!found) throw notFound(tagOrDigest);
      return { digest: found.digest, mediaType: found.mediaType };
    },
    async fetchManifest(_ref, tagOrDigest) {
      calls.push(`GET manifest ${tagOrDigest}`);
      const found = resolve(tagOrDigest);
      if (!found) throw notFound(tagOrDigest);
      return { digest: found.digest, mediaType: found.mediaType, bytes: found.bytes };
    },
    async fetchBlob(_ref, digest) {
      calls.push(`GET blob ${digest}`);
      const found = repo.blobs.get(digest);
      if (!found)
        throw new RegistryError({
          status: 404,
          code: 'BLOB_UNKNOWN',
          retryable: false,
          message: `${digest}: 404`,
        });
      return found.bytes;
    },
    async listTags() {
      calls.push('GET tags');
      return { tags: [...repo.tags.keys()].sort(), more: false };
    },
    async fetchReferrers(_ref, digest) {
      calls.push(`GET referrers ${digest}`);
      const referrers: Referrer[] = [];
      for (const content of repo.manifests.values()) {
        const json = readJson(content.bytes) as {
          subject?: { digest: string };
          artifactType?: string;
          config?: { mediaType: string };
          annotations?: Record<string, string>;
        };
        if (json.subject?.digest !== digest) continue;
        referrers.push({
          mediaType: content.mediaType,
          digest: content.digest,
          size: content.bytes.length,
          artifactType: json.artifactType ?? json.config?.mediaType,
          annotations: json.annotations,
        });
      }
      return referrers;
    },
    dockerHubPullsLeft: () => pullsLeft,
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
  };
  return { client, calls, setPullsLeft: (left) => (pullsLeft = left) };
}
