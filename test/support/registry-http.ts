import type { TestUser } from './token-server.ts';

/**
 * A deliberately small registry HTTP client for the test harness (pushing
 * fixtures, raw probes). It is independent of `src/registry/` so harness
 * bugs and client bugs cannot hide each other.
 */

/** Anything with a base URL and, when the registry needs them, credentials: a RunningRegistry or a CountingProxy. */
export interface RegistryTarget {
  readonly url: string;
  readonly credentials?: TestUser | undefined;
}

export interface RawRequest {
  readonly method: string;
  /** Path (with query) under the target, e.g. `/v2/app/manifests/1`, or an absolute URL (upload Locations). */
  readonly path: string;
  /** Repository the request is for: the token scope asked for on a Bearer challenge. */
  readonly repository?: string;
  readonly headers?: Record<string, string>;
  readonly body?: Uint8Array;
}

interface Challenge {
  readonly scheme: string;
  readonly params: Record<string, string>;
}

/** `Bearer realm="…",service="…",scope="…"` (RFC 7235 auth-params, quoted values only). */
export function parseChallenge(header: string): Challenge {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  for (const match of header.slice(space + 1).matchAll(/([a-zA-Z_]+)="([^"]*)"/g)) {
    params[(match[1] ?? '').toLowerCase()] = match[2] ?? '';
  }
  return { scheme, params };
}

function basicHeader(user: TestUser): string {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

/** Authorization values already earned, per target URL and repository. */
const authCache = new Map<string, string>();

async function authorize(
  target: RegistryTarget,
  repository: string | undefined,
  challengeHeader: string,
): Promise<string> {
  const challenge = parseChallenge(challengeHeader);
  if (target.credentials === undefined && challenge.scheme === 'basic') {
    throw new Error(`registry ${target.url} wants Basic auth but the target has no credentials`);
  }
  if (challenge.scheme === 'basic' && target.credentials !== undefined)
    return basicHeader(target.credentials);
  if (challenge.scheme !== 'bearer') throw new Error(`unsupported challenge: ${challengeHeader}`);
  const realm = new URL(challenge.params.realm ?? '');
  if (challenge.params.service !== undefined) realm.searchParams.set('service', challenge.params.service);
  // The harness pushes as well as pulls; ask for both so one token serves the whole push.
  realm.searchParams.append(
    'scope',
    repository !== undefined ? `repository:${repository}:pull,push,delete` : (challenge.params.scope ?? ''),
  );
  const response = await fetch(realm, {
    headers: target.credentials !== undefined ? { Authorization: basicHeader(target.credentials) } : {},
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok)
    throw new Error(`token server ${realm.origin} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  if (token === undefined) throw new Error('token server reply has no token');
  return `Bearer ${token}`;
}

/**
 * One request, authenticated on demand: on a 401 it answers the challenge
 * (Basic, or a Bearer token for `repository`) and retries once.
 */
export async function registryRequest(target: RegistryTarget, request: RawRequest): Promise<Response> {
  const url = new URL(request.path, target.url);
  const cacheKey = `${target.url} ${request.repository ?? ''}`;
  const send = (authorization: string | undefined) =>
    fetch(url, {
      method: request.method,
      headers: {
        ...request.headers,
        ...(authorization !== undefined ? { Authorization: authorization } : {}),
      },
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
  let response = await send(authCache.get(cacheKey));
  if (response.status !== 401) return response;
  const challengeHeader = response.headers.get('www-authenticate');
  await response.body?.cancel();
  if (challengeHeader === null) throw new Error(`401 without a challenge from ${url.href}`);
  const authorization = await authorize(target, request.repository, challengeHeader);
  authCache.set(cacheKey, authorization);
  response = await send(authorization);
  return response;
}

/** Throws with the registry's error body unless the status is one of `expected`. */
export async function expectStatus(
  response: Response,
  expected: readonly number[],
  what: string,
): Promise<Response> {
  if (expected.includes(response.status)) return response;
  throw new Error(`${what}: HTTP ${response.status}: ${await response.text()}`);
}

export interface ManifestProbe {
  readonly status: number;
  readonly digest: string | undefined;
  readonly contentType: string | undefined;
  /** The registry's error code on failure (`MANIFEST_UNKNOWN`…), from a GET's body. */
  readonly errorCode: string | undefined;
  /** The body bytes (GET only). */
  readonly bytes: Uint8Array | undefined;
}

/** HEAD or GET a manifest with exactly the given Accept types, as a raw observation. */
export async function probeManifest(
  target: RegistryTarget,
  repository: string,
  reference: string,
  options: { method?: 'HEAD' | 'GET'; accept?: readonly string[] } = {},
): Promise<ManifestProbe> {
  const method = options.method ?? 'HEAD';
  const response = await registryRequest(target, {
    method,
    path: `/v2/${repository}/manifests/${reference}`,
    repository,
    headers: options.accept !== undefined ? { Accept: options.accept.join(', ') } : {},
  });
  const bytes = method === 'GET' ? new Uint8Array(await response.arrayBuffer()) : undefined;
  let errorCode: string | undefined;
  if (!response.ok && bytes !== undefined) {
    try {
      errorCode = (JSON.parse(new TextDecoder().decode(bytes)) as { errors?: { code?: string }[] })
        .errors?.[0]?.code;
    } catch {
      errorCode = undefined;
    }
  }
  return {
    status: response.status,
    digest: response.headers.get('docker-content-digest') ?? undefined,
    contentType: response.headers.get('content-type') ?? undefined,
    errorCode,
    bytes: response.ok ? bytes : undefined,
  };
}
