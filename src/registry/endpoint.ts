import { readJson } from '../text/read-json.ts';
import { parseChallenge, type Challenge } from './challenge.ts';
import type { Credential, FoundCredential } from './docker-config.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { checkOutboundUrl, forbiddenHostReason, isLoopbackHost, type UrlPolicy } from './hosts.ts';
import { errorFromResponse } from './response-error.ts';
import { TokenResponseSchema } from './schemas.ts';
import { TokenCache } from './token-cache.ts';
import type { HttpResponse, RequestKind, Transport } from './transport.ts';

export interface EndpointInit {
  /** `host[:port]` as addressed, e.g. `registry-1.docker.io`, `mirror.gcr.io`, `127.0.0.1:5000`. */
  readonly host: string;
  /** Schemes to try, in order; `http:` only for insecure registries. */
  readonly schemes: readonly ('https:' | 'http:')[];
  readonly viaMirror: boolean;
  readonly transport: Transport;
  /** Credentials for this endpoint and where they were found, looked up once. */
  readonly credential: () => Promise<FoundCredential | undefined>;
  readonly onSecret: (secret: string) => void;
  readonly log: (message: string) => void;
}

export interface EndpointRequest {
  readonly kind: RequestKind;
  readonly method: 'GET' | 'HEAD';
  /** Path below the origin, e.g. `/v2/library/alpine/manifests/3.20`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A token reply's default lifetime when `expires_in` is absent. https://distribution.github.io/distribution/spec/auth/token/#token-response-fields */
const defaultTokenSeconds = 60;
/** Scopes per combined token request, so the URL stays a sane length. */
const maxScopesPerToken = 50;

/** A token server or ping refusing us is an authentication failure of the registry, whatever its URL. */
function authFailure(status: number, host: string, auth: string): string | undefined {
  return status === 401 || status === 403 ? `authentication failed for ${host} (${auth})` : undefined;
}

/** A reply that broke HTTP (`network-failure.ts`): status 0, and the host not marked unreachable. */
function isBrokenReply(error: unknown): boolean {
  return (
    error instanceof RegistryError &&
    error.status === 0 &&
    error.code === RegistryErrorCode.BadResponse &&
    error.unreachable === undefined
  );
}

export function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

/**
 * One registry origin (the upstream or a mirror): pinged once, then every
 * request carries Basic credentials or a Bearer token for its repository.
 * Modelled on go-containerregistry's pkg/v1/remote/transport.
 */
export class Endpoint {
  readonly host: string;
  private readonly init: EndpointInit;
  private readonly policy: UrlPolicy;
  private pinged: Promise<{ origin: string; challenge: Challenge }> | undefined;
  /**
   * Challenges a 401 named for one repository: they apply to that repository
   * only, so a hostile or broken realm on one repository cannot fail the
   * host's healthy ones (so one sick host cannot hold the run).
   */
  private readonly challenges = new Map<string, Challenge>();
  private credentialPromise: Promise<Credential | undefined> | undefined;
  /** Where the credentials came from, once looked up and found. */
  private credentialSource: string | undefined;
  private readonly tokens = new TokenCache();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(init: EndpointInit) {
    this.init = init;
    this.host = init.host;
    this.policy = {
      allowHttp: init.schemes.includes('http:'),
      registryIsLoopback: isLoopbackHost(init.host),
    };
  }

  async request(repository: string, request: EndpointRequest): Promise<HttpResponse> {
    const { origin, challenge: pinged } = await this.ping();
    const url = new URL(request.path, origin);
    const send = (authorization: string | undefined) =>
      this.init.transport.send({
        kind: request.kind,
        method: request.method,
        url,
        headers: { ...request.headers, ...(authorization ? { authorization } : {}) },
        policy: this.policy,
        viaMirror: this.init.viaMirror,
      });
    const challenge = this.challenges.get(repository) ?? pinged;
    const response = await send(await this.authorization(challenge, repository, false));
    if (response.status !== 401) return response;
    // The token may have expired or lacked this scope: re-read the challenge and try once more.
    const fresh = parseChallenge(response.headers.get('www-authenticate'));
    if (fresh.scheme === 'none') return response;
    this.challenges.set(repository, fresh);
    const authorization = await this.authorization(fresh, repository, true);
    return authorization === undefined ? response : send(authorization);
  }

  /** One token request for many repositories; on failure each repository gets its own token later. */
  async prepare(repositories: readonly string[]): Promise<void> {
    const { challenge } = await this.ping();
    if (challenge.scheme !== 'bearer') return;
    const scopes = [...new Set(repositories.map(pullScope))].filter((scope) => !this.tokens.get(scope));
    if (scopes.length < 2) return;
    for (let start = 0; start < scopes.length; start += maxScopesPerToken) {
      const chunk = scopes.slice(start, start + maxScopesPerToken);
      try {
        const { token, expiresIn } = await this.fetchToken(challenge, chunk);
        for (const scope of chunk) this.tokens.set(scope, token, expiresIn);
      } catch (error) {
        this.init.log(
          `${this.host}: a token for ${chunk.length} repositories was refused (${(error as Error).message}); asking per repository`,
        );
      }
    }
  }

  ping(): Promise<{ origin: string; challenge: Challenge }> {
    return (this.pinged ??= this.pingOnce().catch((error: unknown) => {
      // A ping whose reply broke HTTP failed that exchange, not the host: the next request pings again.
      if (isBrokenReply(error)) this.pinged = undefined;
      throw error;
    }));
  }

  private async pingOnce(): Promise<{ origin: string; challenge: Challenge }> {
    const { schemes } = this.init;
    const forbidden = forbiddenHostReason(this.host);
    if (forbidden !== undefined) {
      throw new RegistryError({
        status: 0,
        code: RegistryErrorCode.UnsafeUrl,
        retryable: false,
        message: `${this.host} is ${forbidden}; refusing to contact it`,
      });
    }
    for (const [index, scheme] of schemes.entries()) {
      const last = index === schemes.length - 1;
      const url = new URL(`${scheme}//${this.host}/v2/`);
      let response: HttpResponse;
      try {
        response = await this.init.transport.send({
          kind: 'ping',
          method: 'GET',
          url,
          policy: this.policy,
          viaMirror: this.init.viaMirror,
          retry: last,
        });
      } catch (error) {
        if (last || !(error instanceof RegistryError) || error.status !== 0) throw error;
        this.init.log(`${url.origin} unreachable (${error.message}); trying plain http (insecure registry)`);
        continue;
      }
      if (response.status === 401) {
        return { origin: url.origin, challenge: parseChallenge(response.headers.get('www-authenticate')) };
      }
      if (response.status >= 200 && response.status < 300)
        return { origin: url.origin, challenge: { scheme: 'none' } };
      throw errorFromResponse(response, `GET ${url.href} (registry ping)`, undefined, {
        plain: (status) => authFailure(status, this.host, this.authLabel()),
      });
    }
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.InvalidOptions,
      retryable: false,
      message: `${this.host}: no scheme to reach it by`,
    });
  }

  private async authorization(
    challenge: Challenge,
    repository: string,
    fresh: boolean,
  ): Promise<string | undefined> {
    if (challenge.scheme === 'none') return undefined;
    if (challenge.scheme === 'basic') {
      const credential = await this.credential();
      if (credential?.kind !== 'basic') return undefined;
      return this.basic(credential);
    }
    return `Bearer ${await this.token(challenge, pullScope(repository), fresh)}`;
  }

  private token(challenge: Challenge & { scheme: 'bearer' }, scope: string, fresh: boolean): Promise<string> {
    const cached = fresh ? undefined : this.tokens.get(scope);
    if (cached !== undefined) return Promise.resolve(cached);
    const key = `${fresh}\n${scope}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchToken(challenge, [scope])
        .then(({ token, expiresIn }) => {
          this.tokens.set(scope, token, expiresIn);
          return token;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** https://distribution.github.io/distribution/spec/auth/token/ and …/auth/oauth/ for identity tokens. */
  private async fetchToken(
    challenge: Challenge & { scheme: 'bearer' },
    scopes: readonly string[],
  ): Promise<{ token: string; expiresIn: number }> {
    const realm = checkOutboundUrl(challenge.realm, this.policy, `${this.host}: WWW-Authenticate realm`);
    const credential = await this.credential();
    const headers: Record<string, string> = {};
    let method: 'GET' | 'POST' = 'GET';
    let body: string | undefined;
    if (credential?.kind === 'identity') {
      method = 'POST';
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credential.identityToken,
      });
      if (challenge.service !== undefined) form.set('service', challenge.service);
      form.set('scope', scopes.join(' '));
      form.set('client_id', 'basepin');
      body = form.toString();
    } else {
      if (challenge.service !== undefined) realm.searchParams.set('service', challenge.service);
      for (const scope of scopes) realm.searchParams.append('scope', scope);
      if (credential?.kind === 'basic') {
        headers['authorization'] = this.basic(credential);
      }
    }
    const response = await this.init.transport.send({
      kind: 'token',
      method,
      url: realm,
      headers,
      body,
      policy: this.policy,
    });
    const what = `token for ${scopes.join(' ')} from ${realm.origin}${realm.pathname}`;
    if (response.status < 200 || response.status >= 300) {
      throw errorFromResponse(response, what, undefined, {
        plain: (status) => authFailure(status, this.host, this.authLabel()),
      });
    }
    // The reply holds the token: the problem says where it broke, never the text there.
    const read = readJson(response.body, TokenResponseSchema);
    if (!read.ok) {
      throw new RegistryError({
        status: response.status,
        code: RegistryErrorCode.BadResponse,
        retryable: false,
        message: `${what}: the reply is not a token response (${read.problem.message})`,
      });
    }
    const reply = read.value;
    const token = reply.token ?? reply.access_token ?? '';
    this.init.onSecret(token);
    if (reply.refresh_token) this.init.onSecret(reply.refresh_token);
    return { token, expiresIn: reply.expires_in ?? defaultTokenSeconds };
  }

  /** The header value is as secret as the password: base64 is not a mask. */
  private basic(credential: Credential & { kind: 'basic' }): string {
    const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
    this.init.onSecret(encoded);
    return `Basic ${encoded}`;
  }

  private credential(): Promise<Credential | undefined> {
    return (this.credentialPromise ??= this.init.credential().then((found) => {
      this.credentialSource = found?.source;
      return found?.credential;
    }));
  }

  /**
   * Which credentials requests carried, for auth errors: none
   * were looked up, or none found, means we were anonymous. A label only.
   */
  authLabel(): string {
    return this.credentialSource === undefined ? 'anonymous' : `credentials from ${this.credentialSource}`;
  }
}
