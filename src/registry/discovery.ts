import { z } from 'zod';
import { readJson } from '../text/read-json.ts';
import type { Endpoint } from './endpoint.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { DescriptorSchema, MediaType } from '../oci/index.ts';
import { errorFromResponse } from './response-error.ts';
import type { Manifest, ManifestHead, Referrer, TagPage } from './types.ts';

/** One page of a tag list: enough to find a tag's siblings, never a crawl (Docker Hub pages are costly). */
export const tagPageSize = 100;

/** https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-tags */
const TagListSchema = z.object({ name: z.string(), tags: z.array(z.string()).nullable() });

/**
 * A referrers response is an image index whose descriptors carry `artifactType`.
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-referrers
 */
const ReferrersIndexSchema = z.object({
  schemaVersion: z.literal(2),
  manifests: z.array(DescriptorSchema),
});

/** Tag names per the distribution spec; anything else in a reply is dropped. */
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export async function fetchTagPage(endpoint: Endpoint, repository: string): Promise<TagPage> {
  const what = `GET ${endpoint.host}/${repository} tags`;
  const response = await endpoint.request(repository, {
    kind: 'get',
    method: 'GET',
    path: `/v2/${repository}/tags/list?n=${tagPageSize}`,
    headers: { accept: 'application/json' },
  });
  if (response.status !== 200) {
    throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown, {
      auth: endpoint.authLabel(),
      subject: `${endpoint.host}/${repository}`,
    });
  }
  const read = readJson(response.body, TagListSchema);
  if (!read.ok) throw badResponse(`${what}: not a tag list (${read.problem.message})`);
  const tags = (read.value.tags ?? []).filter((tag) => tagPattern.test(tag));
  // A `Link: <…>; rel="next"` header says the list goes on; basepin reads one page only.
  return { tags, more: /rel="?next"?/.test(response.headers.get('link') ?? '') };
}

/** Whether `tag` is in the repository, as far as one page of its tag list tells: undefined when it cannot say. */
export function tagListed(page: TagPage | undefined, tag: string): boolean | undefined {
  if (page === undefined) return undefined;
  return page.tags.includes(tag) || (page.more ? undefined : false);
}

export interface ReferrerDeps {
  /** Absent where a GET costs no more than a HEAD (not Docker Hub): a missing tag is then asked by GET. */
  readonly head?: ((tagOrDigest: string) => Promise<ManifestHead>) | undefined;
  readonly get: (tagOrDigest: string) => Promise<Manifest>;
  /** A page of the repository's tags read already: the fallback tag is looked up in it, not asked for. */
  readonly tags?: TagPage | undefined;
}

/**
 * Whether each registry serves the referrers API, learned from its first answer: the spec forbids a 404
 * from a registry that does, so after one 404 its lookups go straight to the fallback tag. Concurrent
 * lookups wait for that first answer rather than each asking.
 */
const referrersApi = new WeakMap<Endpoint, Promise<boolean | undefined>>();

/**
 * The artifacts that name `digest` as their subject: the referrers API, else (404, as every registry without
 * the API answers) the `sha256-<hex>` fallback tag, asked by HEAD first where a GET would cost a pull.
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md#referrers-tag-schema
 */
export async function fetchReferrers(
  endpoint: Endpoint,
  repository: string,
  digest: string,
  deps: ReferrerDeps,
): Promise<Referrer[]> {
  const what = `GET ${endpoint.host}/${repository} referrers of ${digest}`;
  const fromApi = await referrersFromApi(endpoint, repository, digest, what);
  if (fromApi !== undefined) return fromApi;
  const fallbackTag = digest.replace(':', '-');
  const listed = tagListed(deps.tags, fallbackTag);
  if (listed === false) return [];
  const isMissing = (error: unknown) => error instanceof RegistryError && error.status === 404;
  try {
    if (listed === undefined && deps.head) await deps.head(fallbackTag);
    const index = await deps.get(fallbackTag);
    return referrersOf(index.bytes, `${what} (tag ${fallbackTag})`);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** The API's answer, or undefined when this registry has no referrers API. */
async function referrersFromApi(
  endpoint: Endpoint,
  repository: string,
  digest: string,
  what: string,
): Promise<Referrer[] | undefined> {
  const learned = referrersApi.get(endpoint);
  if (learned !== undefined && (await learned) === false) return undefined;
  // The first lookup on this registry tells the others what it learns.
  let tell: ((supported: boolean | undefined) => void) | undefined;
  if (learned === undefined) referrersApi.set(endpoint, new Promise((resolve) => (tell = resolve)));
  const settle = (supported: boolean | undefined) => {
    if (tell === undefined) return;
    // Nothing learned (an error): the next lookup asks again.
    if (supported === undefined) referrersApi.delete(endpoint);
    tell(supported);
  };
  try {
    const response = await endpoint.request(repository, {
      kind: 'get',
      method: 'GET',
      path: `/v2/${repository}/referrers/${digest}`,
      headers: { accept: MediaType.OciIndex },
    });
    settle(response.status === 200 ? true : response.status === 404 ? false : undefined);
    if (response.status === 200) return referrersOf(response.body, what);
    if (response.status === 404) return undefined;
    throw errorFromResponse(response, what, undefined, {
      auth: endpoint.authLabel(),
      subject: `${endpoint.host}/${repository}@${digest}`,
    });
  } catch (error) {
    settle(undefined);
    throw error;
  }
}

function referrersOf(body: Uint8Array, what: string): Referrer[] {
  const read = readJson(body, ReferrersIndexSchema);
  if (!read.ok) throw badResponse(`${what}: not an image index (${read.problem.message})`);
  return read.value.manifests.map((entry) => ({
    mediaType: entry.mediaType,
    digest: entry.digest,
    size: entry.size,
    artifactType: entry.artifactType,
    annotations: entry.annotations,
  }));
}

function badResponse(message: string): RegistryError {
  return new RegistryError({ status: 0, code: RegistryErrorCode.BadResponse, retryable: false, message });
}
