import { setTimeout as delay } from 'node:timers/promises';
import { dockerHub, dockerHubAliases, type ImageReference } from '../reference/index.ts';
import { DockerCredentials, type FoundCredential } from './docker-config.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { currentHostSignal, deadlineAwareFetch } from './host-deadline.ts';
import { bareMediaType, isManifestMediaType, manifestAccept } from '../oci/index.ts';
import { errorFromResponse } from './response-error.ts';
import { untrustedText } from '../text/untrusted.ts';
import { fetchReferrers, fetchTagPage } from './discovery.ts';
import { SourceSet, type Source } from './source-set.ts';
import { prefixed } from './sources.ts';
import { Transport } from './transport.ts';
import type { Manifest, ManifestHead, RegistryClient, RegistryOptions, RequestStats } from './types.ts';
import { checkManifestBody, digestOf, verifyDigest, wellFormedDigest } from './verify.ts';

const defaults = {
  concurrencyPerRegistry: 8,
  requestTimeoutMs: 30_000,
  maxRetries: 3,
  retryBaseDelayMs: 500,
  maxRetryWaitMs: 60_000,
  dockerHubPullFloor: 5,
  hostDeadlineMs: 60_000,
} as const;

/** Statuses by which a registry says it does not serve HEAD on manifests; only these fall back to GET. */
const headUnsupportedStatuses: ReadonlySet<number> = new Set([400, 405, 501]);

export function createRegistryClient(options: RegistryOptions = {}): RegistryClient {
  const stats: RequestStats = {
    ping: 0,
    token: 0,
    head: 0,
    get: 0,
    mirror: 0,
    retries: 0,
    dockerHubPulls: 0,
  };
  const onSecret = (secret: string) => {
    if (secret !== '') options.onSecret?.(secret);
  };
  // Log lines quote registry text (headers, mirror errors): one line, controls escaped.
  const log = (message: string) => options.log?.(untrustedText(message, 2_000));
  const transport = new Transport({
    fetch: deadlineAwareFetch(options.fetch ?? ((input, init) => fetch(input, init))),
    dispatcher: options.dispatcher,
    timeoutMs: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    maxRetries: Math.max(0, options.maxRetries ?? defaults.maxRetries),
    retryBaseDelayMs: options.retryBaseDelayMs ?? defaults.retryBaseDelayMs,
    maxRetryWaitMs: options.maxRetryWaitMs ?? defaults.maxRetryWaitMs,
    concurrencyPerHost: options.concurrencyPerRegistry ?? defaults.concurrencyPerRegistry,
    dockerHubPullFloor: options.dockerHubPullFloor ?? defaults.dockerHubPullFloor,
    // A retry's wait ends with its host's deadline too.
    sleep: options.sleep ?? ((ms) => delay(ms, undefined, { signal: currentHostSignal() })),
    stats,
  });
  const credentialFor = async (host: string): Promise<FoundCredential | undefined> => {
    const explicit =
      options.credentials?.[host] ?? (host === dockerHub.domain ? dockerHubExplicit() : undefined);
    if (explicit) {
      onSecret(explicit.password);
      return {
        credential: { kind: 'basic', username: explicit.username, password: explicit.password },
        source: explicit.source ?? 'the registry-credentials setting',
      };
    }
    return dockerCredentials.lookup(host);
  };
  const dockerHubExplicit = () =>
    dockerHubAliases.map((alias) => options.credentials?.[alias]).find((found) => found !== undefined);
  const dockerCredentials = new DockerCredentials(options.dockerConfigDir, onSecret, {
    ...(options.credentialHelperTimeoutMs !== undefined && { timeoutMs: options.credentialHelperTimeoutMs }),
  });
  const sources = new SourceSet({
    transport,
    credentialFor,
    onSecret,
    log,
    insecureRegistries: options.insecureRegistries ?? [],
    mirrors: options.mirrors ?? {},
    registryAliases: options.registryAliases ?? {},
    hostDeadlineMs: options.hostDeadlineMs ?? defaults.hostDeadlineMs,
  });

  const getManifest = async (from: Source, ref: ImageReference, tagOrDigest: string): Promise<Manifest> => {
    const repository = prefixed(from.prefix, ref.path);
    const what = `GET ${from.endpoint.host}/${repository}${atTagOrDigest(tagOrDigest)}`;
    if (from.endpoint.host === dockerHub.registryHost) stats.dockerHubPulls += 1;
    const response = await from.endpoint.request(repository, {
      kind: 'get',
      method: 'GET',
      path: `/v2/${repository}/manifests/${tagOrDigest}`,
      headers: { accept: manifestAccept },
    });
    if (response.status !== 200) {
      throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown, {
        auth: from.endpoint.authLabel(),
      });
    }
    const claimed = wellFormedDigest(response.headers.get('docker-content-digest'));
    const asked = wellFormedDigest(tagOrDigest);
    if (asked !== undefined && claimed !== undefined && claimed !== asked) {
      throw new RegistryError({
        status: 0,
        code: RegistryErrorCode.DigestMismatch,
        retryable: false,
        message: `${what}: the registry answered with ${claimed}`,
      });
    }
    const expected = asked ?? claimed;
    const digest =
      expected !== undefined ? verifyDigest(response.body, expected, what) : digestOf(response.body);
    const mediaType = checkManifestBody(response.headers.get('content-type'), response.body, what);
    return { digest, mediaType, bytes: response.body, verified: true };
  };

  const headManifest = async (from: Source, ref: ImageReference, tag: string): Promise<ManifestHead> => {
    const repository = prefixed(from.prefix, ref.path);
    const what = `HEAD ${from.endpoint.host}/${repository}${atTagOrDigest(tag)}`;
    const response = await from.endpoint.request(repository, {
      kind: 'head',
      method: 'HEAD',
      path: `/v2/${repository}/manifests/${tag}`,
      headers: { accept: manifestAccept },
    });
    if (response.status === 200) {
      const digest = wellFormedDigest(response.headers.get('docker-content-digest'));
      const mediaType = bareMediaType(response.headers.get('content-type'));
      const asked = wellFormedDigest(tag);
      // Asked by digest, the answer must be that digest; anything else is not trusted and gets verified bytes.
      if (
        digest !== undefined &&
        (asked === undefined || asked === digest) &&
        isManifestMediaType(mediaType)
      ) {
        return { digest, mediaType };
      }
      log(
        `${what}: no usable Docker-Content-Digest/Content-Type (${mediaType ?? 'none'}); reading the manifest`,
      );
    } else if (!headUnsupportedStatuses.has(response.status)) {
      // A HEAD has no error body, but its status says enough: a GET would cost a Docker Hub pull and,
      // after a 429 or 5xx the transport already retried, would only go through the same retries again.
      throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown, {
        auth: from.endpoint.authLabel(),
      });
    }
    const { digest, mediaType } = await getManifest(from, ref, tag);
    return { digest, mediaType, verified: true };
  };

  return {
    resolveTag: (ref) => sources.upstreamFirst(ref, (from) => headManifest(from, ref, ref.trackedTag)),
    describeManifest: (ref, tagOrDigest) =>
      sources.upstreamFirst(ref, (from) => headManifest(from, ref, tagOrDigest)),
    fetchManifest: async (ref, tagOrDigest) => {
      if (wellFormedDigest(tagOrDigest) !== undefined) {
        return sources.mirrorsFirst(ref, async (from) => {
          const manifest = await getManifest(from, ref, tagOrDigest);
          // Verified bytes, but a mirror's: they do not show that the registry serves the digest.
          return from.mirror ? { ...manifest, fromMirror: from.endpoint.host } : manifest;
        });
      }
      let bytes: Uint8Array | undefined;
      const head = await sources.upstreamFirst(ref, async (from) => {
        const manifest = await getManifest(from, ref, tagOrDigest);
        bytes = manifest.bytes;
        return manifest;
      });
      return { ...head, bytes: bytes ?? new Uint8Array() };
    },
    fetchBlob: (ref, digest) =>
      sources.mirrorsFirst(ref, async (from) => {
        const repository = prefixed(from.prefix, ref.path);
        const what = `GET ${from.endpoint.host}/${repository}@${digest}`;
        if (wellFormedDigest(digest) === undefined) {
          throw new RegistryError({
            status: 0,
            code: RegistryErrorCode.DigestInvalid,
            retryable: false,
            message: `${what}: not a digest`,
          });
        }
        const response = await from.endpoint.request(repository, {
          kind: 'get',
          method: 'GET',
          path: `/v2/${repository}/blobs/${digest}`,
        });
        if (response.status !== 200) {
          throw errorFromResponse(response, what, RegistryErrorCode.BlobUnknown, {
            auth: from.endpoint.authLabel(),
          });
        }
        verifyDigest(response.body, digest, what);
        return response.body;
      }),
    prepare(refs) {
      sources.prepare(refs);
      return Promise.resolve();
    },
    stats: () => ({ ...stats }),
    listTags: (ref) =>
      sources.mirrorsFirst(ref, (from) => fetchTagPage(from.endpoint, prefixed(from.prefix, ref.path))),
    fetchReferrers: (ref, digest, lookup) =>
      sources.mirrorsFirst(ref, (from) =>
        fetchReferrers(from.endpoint, prefixed(from.prefix, ref.path), digest, {
          // A HEAD first only where a GET would cost a pull.
          head:
            from.endpoint.host === dockerHub.registryHost ? (tag) => headManifest(from, ref, tag) : undefined,
          get: (tag) => getManifest(from, ref, tag),
          tags: lookup?.tags,
        }),
      ),
    dockerHubPullsLeft: () => transport.dockerHubPullsLeft(),
  };
}

/** `:tag` or `@sha256:…`, as the reference would be written. */
function atTagOrDigest(tagOrDigest: string): string {
  return wellFormedDigest(tagOrDigest) === undefined ? `:${tagOrDigest}` : `@${tagOrDigest}`;
}
