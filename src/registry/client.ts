import { setTimeout as delay } from 'node:timers/promises';
import type { ImageReference } from '../reference/index.ts';
import { DockerCredentials, type Credential } from './docker-config.ts';
import { Endpoint } from './endpoint.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { dockerHubDomain, isLoopbackHost, registryHostFor } from './hosts.ts';
import { bareMediaType, isManifestMediaType, manifestAccept } from './media-types.ts';
import { errorFromResponse } from './response-error.ts';
import { untrustedText } from '../text/untrusted.ts';
import { Transport } from './transport.ts';
import type { Manifest, ManifestHead, RegistryClient, RegistryOptions, RequestStats } from './types.ts';
import { digestOf, verifyDigest, wellFormedDigest } from './verify.ts';

const defaults = {
  concurrencyPerRegistry: 8,
  requestTimeoutMs: 30_000,
  maxRetries: 3,
  retryBaseDelayMs: 500,
  maxRetryWaitMs: 60_000,
  dockerHubPullFloor: 5,
} as const;

/** Statuses by which a registry says it does not serve HEAD on manifests; only these fall back to GET. */
const headUnsupportedStatuses: ReadonlySet<number> = new Set([400, 405, 501]);

/** An OCI distribution client over `fetch`: HEAD-then-GET, auth, mirrors, retries, verified bytes. */
export function createRegistryClient(options: RegistryOptions = {}): RegistryClient {
  const stats: RequestStats = { ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0 };
  const onSecret = (secret: string) => {
    if (secret !== '') options.onSecret?.(secret);
  };
  // Log lines quote registry text (headers, mirror errors): one line, controls escaped.
  const log = (message: string) => options.log?.(untrustedText(message, 2_000));
  const transport = new Transport({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    dispatcher: options.dispatcher,
    timeoutMs: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    maxRetries: Math.max(0, options.maxRetries ?? defaults.maxRetries),
    retryBaseDelayMs: options.retryBaseDelayMs ?? defaults.retryBaseDelayMs,
    maxRetryWaitMs: options.maxRetryWaitMs ?? defaults.maxRetryWaitMs,
    concurrencyPerHost: options.concurrencyPerRegistry ?? defaults.concurrencyPerRegistry,
    dockerHubPullFloor: options.dockerHubPullFloor ?? defaults.dockerHubPullFloor,
    sleep: options.sleep ?? ((ms) => delay(ms)),
    stats,
  });
  const dockerCredentials = new DockerCredentials(options.dockerConfigDir, onSecret, {
    ...(options.credentialHelperTimeoutMs !== undefined && { timeoutMs: options.credentialHelperTimeoutMs }),
  });
  const insecure = new Set((options.insecureRegistries ?? []).map((host) => host.toLowerCase()));
  const endpoints = new Map<string, Endpoint>();
  const mirrors = new Map(Object.entries(options.mirrors ?? {}));

  const credentialFor = async (host: string): Promise<Credential | undefined> => {
    const explicit =
      options.credentials?.[host] ?? (host === dockerHubDomain ? dockerHubExplicit() : undefined);
    if (explicit) {
      onSecret(explicit.password);
      return { kind: 'basic', username: explicit.username, password: explicit.password };
    }
    return dockerCredentials.lookup(host);
  };
  const dockerHubExplicit = () =>
    options.credentials?.['index.docker.io'] ?? options.credentials?.['registry-1.docker.io'];

  const endpoint = (
    host: string,
    schemes: readonly ('https:' | 'http:')[],
    credentialHost: string,
    viaMirror: boolean,
  ) => {
    const key = `${schemes.join('+')}//${host}`;
    let found = endpoints.get(key);
    if (!found) {
      found = new Endpoint({
        host,
        schemes,
        viaMirror,
        transport,
        credential: () => credentialFor(credentialHost),
        onSecret,
        log,
      });
      endpoints.set(key, found);
    }
    return found;
  };

  // Like dockerd (127.0.0.0/8 is insecure by default) and go-containerregistry (localhost → http):
  // a registry on loopback may answer plain http without being listed.
  const isInsecure = (...hosts: string[]) =>
    hosts.some((host) => insecure.has(host.toLowerCase()) || isLoopbackHost(host));

  /** Mirrors first, then the registry itself. */
  const endpointsFor = (ref: ImageReference): Endpoint[] => {
    const upstream = registryHostFor(ref.domain);
    const viaMirrors = (mirrors.get(ref.domain) ?? mirrors.get(upstream) ?? []).map((mirror) =>
      endpoint(
        mirror.host,
        mirror.plainHttp ? ['http:'] : isInsecure(mirror.host) ? ['https:', 'http:'] : ['https:'],
        mirror.host,
        true,
      ),
    );
    const schemes = isInsecure(ref.domain, upstream) ? (['https:', 'http:'] as const) : (['https:'] as const);
    return [...viaMirrors, endpoint(upstream, schemes, ref.domain, false)];
  };

  /** Runs `operation` on each endpoint in turn until one succeeds; a mirror's failure is logged, not fatal. */
  const firstAnswer = async <T>(
    ref: ImageReference,
    operation: (endpoint: Endpoint) => Promise<T>,
  ): Promise<T> => {
    const candidates = endpointsFor(ref);
    for (const [index, candidate] of candidates.entries()) {
      try {
        return await operation(candidate);
      } catch (error) {
        if (index === candidates.length - 1) throw error;
        log(
          `mirror ${candidate.host} failed for ${ref.name} (${(error as Error).message}); trying the next source`,
        );
      }
    }
    throw new Error('unreachable: endpointsFor always lists the upstream');
  };

  const getManifest = async (
    endpoint: Endpoint,
    ref: ImageReference,
    tagOrDigest: string,
  ): Promise<Manifest> => {
    const what = `GET ${endpoint.host}/${ref.path}${atTagOrDigest(tagOrDigest)}`;
    const response = await endpoint.request(ref.path, {
      kind: 'get',
      method: 'GET',
      path: `/v2/${ref.path}/manifests/${tagOrDigest}`,
      headers: { accept: manifestAccept },
    });
    if (response.status !== 200) throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown);
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
    return {
      digest,
      mediaType: manifestMediaType(response.headers.get('content-type'), response.body, what),
      bytes: response.body,
    };
  };

  const headManifest = async (
    endpoint: Endpoint,
    ref: ImageReference,
    tag: string,
  ): Promise<ManifestHead> => {
    const what = `HEAD ${endpoint.host}/${ref.path}${atTagOrDigest(tag)}`;
    const response = await endpoint.request(ref.path, {
      kind: 'head',
      method: 'HEAD',
      path: `/v2/${ref.path}/manifests/${tag}`,
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
      throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown);
    }
    const { digest, mediaType } = await getManifest(endpoint, ref, tag);
    return { digest, mediaType };
  };

  return {
    resolveTag: (ref) => firstAnswer(ref, (endpoint) => headManifest(endpoint, ref, ref.trackedTag)),
    describeManifest: (ref, tagOrDigest) =>
      firstAnswer(ref, (endpoint) => headManifest(endpoint, ref, tagOrDigest)),
    fetchManifest: (ref, tagOrDigest) =>
      firstAnswer(ref, (endpoint) => getManifest(endpoint, ref, tagOrDigest)),
    fetchBlob: (ref, digest) =>
      firstAnswer(ref, async (endpoint) => {
        const what = `GET ${endpoint.host}/${ref.path}@${digest}`;
        if (wellFormedDigest(digest) === undefined) {
          throw new RegistryError({
            status: 0,
            code: RegistryErrorCode.DigestInvalid,
            retryable: false,
            message: `${what}: not a digest`,
          });
        }
        const response = await endpoint.request(ref.path, {
          kind: 'get',
          method: 'GET',
          path: `/v2/${ref.path}/blobs/${digest}`,
        });
        if (response.status !== 200) throw errorFromResponse(response, what, RegistryErrorCode.BlobUnknown);
        verifyDigest(response.body, digest, what);
        return response.body;
      }),
    async prepare(refs) {
      const byEndpoint = new Map<Endpoint, string[]>();
      for (const ref of refs) {
        const first = endpointsFor(ref)[0];
        if (first) byEndpoint.set(first, [...(byEndpoint.get(first) ?? []), ref.path]);
      }
      await Promise.all(
        [...byEndpoint].map(([endpoint, repositories]) =>
          endpoint.prepare(repositories).catch((error: unknown) => {
            log(`${endpoint.host}: could not prepare tokens (${(error as Error).message})`);
          }),
        ),
      );
    },
    stats: () => ({ ...stats }),
  };
}

/** `:tag` or `@sha256:…`, as the reference would be written. */
function atTagOrDigest(tagOrDigest: string): string {
  return wellFormedDigest(tagOrDigest) === undefined ? `:${tagOrDigest}` : `@${tagOrDigest}`;
}

/** The manifest's media type: the Content-Type when it is a manifest type, else the body's own `mediaType`. */
function manifestMediaType(contentType: string | null, body: Uint8Array, what: string): string {
  const header = bareMediaType(contentType);
  if (isManifestMediaType(header)) return header;
  let declared: unknown;
  try {
    declared = (JSON.parse(new TextDecoder().decode(body)) as { mediaType?: unknown } | null)?.mediaType;
  } catch {
    declared = undefined;
  }
  if (typeof declared === 'string' && isManifestMediaType(declared)) return declared;
  throw new RegistryError({
    status: 0,
    code: RegistryErrorCode.UnsupportedMediaType,
    retryable: false,
    message: `${what}: served ${header ?? 'no Content-Type'}, not an OCI or Docker v2 manifest or index`,
  });
}
