import { randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny Docker token server for tests.
 * Protocol: https://distribution.github.io/distribution/spec/auth/token/
 * JWT shape: https://distribution.github.io/distribution/spec/auth/jwt/
 *
 * Tokens are ES256, and the header carries the signing certificate in `x5c`:
 * distribution 2.8 verifies that chain against `auth.token.rootcertbundle`,
 * so no libtrust `kid` is needed.
 */

export interface TestUser {
  readonly username: string;
  readonly password: string;
}

/** What anonymous clients (no Authorization) may do when users exist. */
export type AnonymousAccess = 'none' | 'pull';

export interface TokenRequestRecord {
  readonly method: string;
  readonly service: string | undefined;
  /** Every `scope` parameter, in order (a client may send several). */
  readonly scopes: readonly string[];
  /** The Basic user, when the request carried one. */
  readonly username: string | undefined;
  readonly status: number;
  readonly query: string;
}

export interface AccessEntry {
  readonly type: string;
  readonly name: string;
  readonly actions: string[];
}

export interface TokenServerOptions {
  readonly service: string;
  readonly issuer: string;
  /** PKCS#8 EC P-256 key that signs tokens. */
  readonly privateKey: KeyObject;
  /** DER of the self-signed certificate for `privateKey`. */
  readonly certificateDer: Buffer;
  /** When non-empty, Basic credentials are checked and required (unless `anonymous` allows pull). */
  readonly users?: readonly TestUser[];
  readonly anonymous?: AnonymousAccess;
  readonly expiresInSeconds?: number;
}

export interface RunningTokenServer {
  readonly url: string;
  /** The realm a registry should name in its challenge. */
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  /** Token requests received, oldest first. */
  readonly requests: TokenRequestRecord[];
  reset(): void;
  /** Change who may get which token while running. */
  setAnonymous(access: AnonymousAccess): void;
  stop(): Promise<void>;
}

const grantableActions = new Set(['pull', 'push', 'delete', '*']);

/** `repository:library/alpine:pull,push` → type, name (may contain `:`), actions. */
export function parseScope(scope: string): AccessEntry | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((action) => action !== '');
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

function basicUser(header: string | undefined): TestUser | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export async function startTokenServer(options: TokenServerOptions): Promise<RunningTokenServer> {
  const users = options.users ?? [];
  let anonymous: AnonymousAccess = options.anonymous ?? 'none';
  const expiresIn = options.expiresInSeconds ?? 300;
  const requests: TokenRequestRecord[] = [];
  const x5c = [options.certificateDer.toString('base64')];

  function signToken(subject: string, access: AccessEntry[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c };
    const claims = {
      iss: options.issuer,
      sub: subject,
      aud: options.service,
      exp: now + expiresIn,
      nbf: now - 5,
      iat: now,
      jti: randomUUID(),
      access,
    };
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    // JWS ES256 wants the raw r||s signature, not DER (RFC 7518 §3.4).
    const signature = sign('sha256', Buffer.from(signingInput), {
      key: options.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${signingInput}.${base64url(signature)}`;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ').filter((p) => p !== ''));
    const presented = basicUser(req.headers.authorization);
    const answer = (status: number, body: unknown): void => {
      requests.push({
        method: req.method ?? '',
        service: url.searchParams.get('service') ?? undefined,
        scopes,
        username: presented?.username,
        status,
        query: url.search,
      });
      res.writeHead(status, {
        'Content-Type': 'application/json',
        ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="basepin-test-token"' } : {}),
      });
      res.end(JSON.stringify(body));
    };

    if (req.method !== 'GET' || url.pathname !== '/token') {
      answer(404, { errors: [{ code: 'NOT_FOUND', message: 'only GET /token is served' }] });
      return;
    }
    const authenticated =
      presented !== undefined &&
      users.some((u) => u.username === presented.username && u.password === presented.password);
    if (presented !== undefined && !authenticated) {
      answer(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
      return;
    }
    if (!authenticated && users.length > 0 && anonymous === 'none') {
      answer(401, { errors: [{ code: 'UNAUTHORIZED', message: 'credentials required' }] });
      return;
    }
    const fullAccess = authenticated || users.length === 0;
    const access: AccessEntry[] = [];
    for (const scope of scopes) {
      const entry = parseScope(scope);
      if (entry === undefined) continue;
      // The spec grants the intersection of what was asked and what is allowed; maybe nothing.
      const actions = entry.actions.filter((a) => grantableActions.has(a) && (fullAccess || a === 'pull'));
      if (actions.length > 0) access.push({ ...entry, actions });
    }
    const token = signToken(presented?.username ?? '', access);
    answer(200, {
      token,
      access_token: token,
      expires_in: expiresIn,
      issued_at: new Date().toISOString(),
    });
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    realm: `${url}/token`,
    service: options.service,
    issuer: options.issuer,
    requests,
    reset: () => {
      requests.length = 0;
    },
    setAnonymous: (access) => {
      anonymous = access;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
