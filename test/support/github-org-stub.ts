import { createPublicKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitRoutes } from './github-stub-git-routes.ts';
import {
  matchRoute,
  readJsonBody,
  StubHttpError,
  type RouteHandler,
  type StubReply,
} from './github-stub-http.ts';
import { issueRoutes } from './github-stub-issues.ts';
import { pullRoutes } from './github-stub-pulls.ts';
import { commitOnBranch, createState, type StubState } from './github-stub-state.ts';
import type {
  GitHubOrgStub,
  OrgStubOptions,
  OrgStubRepository,
  OrgStubRequest,
  RequestKind,
} from './github-org-stub-api.ts';
import { checkAppJwt, installationListing } from './github-org-stub-app.ts';
import { StubLimits } from './github-org-stub-limits.ts';
import { authenticatedUser, graphql } from './github-stub-viewer.ts';

export type {
  GitHubOrgStub,
  OrgStubOptions,
  OrgStubRepository,
  OrgStubRequest,
  RequestKind,
} from './github-org-stub-api.ts';

/**
 * A GitHub App installation over an organisation, on 127.0.0.1: N repositories of mixed shapes, each served
 * by the single-repository stub's routes (git data, pull requests, issues), with what an organisation run
 * adds: the installation's repositories listing (paged), installation tokens for an App (the JWT checked
 * against the App's public key, tokens expiring on the stand-in's clock), trees that GitHub truncates, raw
 * blobs, rate-limit headers on every answer and the secondary-limit answer. Requests are counted by kind and
 * repository, so a test or the benchmark asserts "1 tree + the blobs not read yet".
 */
export async function createGitHubOrgStub(options: OrgStubOptions): Promise<GitHubOrgStub> {
  const limits = new StubLimits(options.limits);
  const now = options.limits?.now ?? Date.now;
  const installationId = options.installationId ?? 4242;
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const tokens = new Map<string, number>(
    (options.staticTokens ?? []).map((t) => [t, Number.POSITIVE_INFINITY]),
  );
  const publicKey: KeyObject | undefined = options.appPublicKey
    ? createPublicKey(options.appPublicKey)
    : undefined;
  let minted = 0;
  const repos = new Map<
    string,
    { readonly spec: OrgStubRepository; readonly state: StubState; readonly routes: Route[] }
  >();
  for (const spec of options.repositories) {
    const state = createState({
      owner: options.owner,
      repo: spec.name,
      defaultBranch: 'main',
      serverUrl,
      actor: 'basepin[bot]',
      collaborators: undefined,
    });
    if (spec.files !== undefined) commitOnBranch(state, 'main', spec.files, 'Initial commit');
    const routes = Object.entries({ ...gitRoutes(state), ...pullRoutes(state), ...issueRoutes(state) }).map(
      ([key, handler]) => {
        const [method = '', pattern = ''] = key.split(' ');
        return { method, pattern, handler };
      },
    );
    repos.set(spec.name.toLowerCase(), { spec, state, routes });
  }
  const requests: OrgStubRequest[] = [];
  let url = '';

  const listing = (query: URLSearchParams): StubReply =>
    installationListing(url, options.owner, serverUrl, [...repos.values()], query);
  const checkJwt = (authorization: string | undefined): void =>
    checkAppJwt(authorization, publicKey, options.appId);

  const repositoryReply = (
    method: string,
    segments: string[],
    query: URLSearchParams,
    body: unknown,
    kind: RequestKind,
    accept: string,
  ): RawReply => {
    const [, , name = '', ...rest] = segments;
    const repo = repos.get(name.toLowerCase());
    if (repo === undefined) throw new StubHttpError(404, 'Not Found');
    const { spec, state } = repo;
    if (spec.failing?.kind === kind) throw new StubHttpError(spec.failing.status, spec.failing.message);
    if (spec.files === undefined && rest[0] === 'git')
      throw new StubHttpError(409, 'Git Repository is empty.');
    if (kind === 'blob') {
      const blob = state.git.blobs.get(rest[2] ?? '');
      if (blob === undefined) throw new StubHttpError(404, 'Not Found');
      return { status: 200, raw: blob };
    }
    for (const route of repo.routes) {
      if (route.method !== method) continue;
      const params =
        route.pattern === '' ? (rest.length === 0 ? {} : undefined) : matchRoute(route.pattern, rest);
      if (params === undefined) continue;
      const reply = route.handler({ params, query, body, accept });
      const over = spec.truncated;
      if (kind === 'tree' && over !== undefined && over !== false && query.has('recursive')) {
        return truncate(state, params['sha'] ?? '', reply, over);
      }
      return reply;
    }
    throw new StubHttpError(404, 'Not Found');
  };

  // Who an installation token is: `GET /user` refuses it, GraphQL's `viewer` names the App's bot.
  const identityReply = (segments: readonly string[], body: unknown): StubReply => {
    const any = [...repos.values()][0]?.state;
    if (any === undefined) throw new StubHttpError(404, 'Not Found');
    if (segments.length === 1 && segments[0] === 'user') return authenticatedUser(any);
    if (segments.length === 1 && segments[0] === 'graphql') return graphql(any, 'login', body);
    throw new StubHttpError(404, 'Not Found');
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const parsed = new URL(request.url ?? '/', 'http://stub.invalid');
    const method = request.method ?? 'GET';
    const segments = parsed.pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    const body = await readJsonBody(request).catch(() => undefined);
    const kind = kindOf(method, segments, body);
    const record: OrgStubRequest = {
      method,
      path: parsed.pathname,
      kind,
      repository: segments[0] === 'repos' ? `${segments[1]}/${segments[2]}` : undefined,
      status: 0,
    };
    requests.push(record);
    let reply: RawReply;
    let limitHeaders: Record<string, string> = {};
    try {
      const authorization = request.headers.authorization;
      if (kind === 'app' || kind === 'token') {
        checkJwt(authorization);
        if (kind === 'app')
          reply = { status: 200, body: [{ id: installationId, account: { login: options.owner } }] };
        else if (segments[2] !== String(installationId)) throw new StubHttpError(404, 'Not Found');
        else {
          minted += 1;
          const token = `ghs_stub${minted}`;
          const expires = now() + (options.tokenLifeMs ?? 3_600_000);
          tokens.set(token, expires);
          reply = {
            status: 201,
            body: {
              token,
              expires_at: new Date(expires).toISOString().replace('.000Z', 'Z'),
              permissions: { contents: 'write' },
              repository_selection: 'all',
            },
          };
        }
      } else {
        const token = authorization?.replace(/^(token|bearer) /i, '') ?? '';
        const expires = tokens.get(token);
        if (expires === undefined || expires <= now()) throw new StubHttpError(401, 'Bad credentials');
        const verdict = limits.check(kind === 'write');
        limitHeaders = verdict.headers;
        if (verdict.refusal !== undefined) {
          reply = {
            status: verdict.refusal.status,
            headers: verdict.refusal.headers,
            body: new StubHttpError(verdict.refusal.status, verdict.refusal.message).body,
          };
        } else {
          const inner =
            kind === 'listing'
              ? listing(parsed.searchParams)
              : segments[0] === 'repos'
                ? repositoryReply(
                    method,
                    segments,
                    parsed.searchParams,
                    body,
                    kind,
                    request.headers.accept ?? '',
                  )
                : identityReply(segments, body);
          reply = { ...inner, headers: { ...verdict.headers, ...inner.headers } };
        }
      }
    } catch (error) {
      reply =
        error instanceof StubHttpError
          ? { status: error.status, body: error.body, headers: limitHeaders }
          : { status: 500, body: { message: String(error) } };
    }
    record.status = reply.status;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.raw !== undefined) {
      response
        .writeHead(reply.status, { ...headers, 'content-type': 'application/vnd.github.raw' })
        .end(reply.raw);
    } else if (reply.body === undefined) response.writeHead(reply.status, headers).end();
    else
      response
        .writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(reply.body));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      response.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const { state } of repos.values()) state.apiUrl = url;

  return {
    url,
    owner: options.owner,
    requests,
    count: (kind, repository) =>
      requests.filter(
        (r) =>
          r.kind === kind &&
          (repository === undefined || r.repository?.toLowerCase() === repository.toLowerCase()),
      ).length,
    state: (name) => {
      const repo = repos.get(name.toLowerCase());
      if (repo === undefined) throw new Error(`github org stub: no repository ${name}`);
      return repo.state;
    },
    limits,
    tokensMinted: () => minted,
    resetRequests: () => {
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A reply whose body is bytes as they are (a raw blob), not JSON. */
type RawReply = StubReply & { readonly raw?: Buffer };

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handler: RouteHandler;
}

function kindOf(method: string, segments: readonly string[], body: unknown): RequestKind {
  if (segments[0] === 'app')
    return segments[1] === 'installations' && segments[3] === 'access_tokens' ? 'token' : 'app';
  if (segments[0] === 'installation') return 'listing';
  if (segments[0] === 'graphql') {
    const query = String((body as { query?: unknown } | undefined)?.query ?? '');
    return /^\s*mutation\b/.test(query) ? 'write' : 'read';
  }
  if (method !== 'GET' && method !== 'HEAD') return 'write';
  if (segments[3] === 'git' && segments[4] === 'trees') return 'tree';
  if (segments[3] === 'git' && segments[4] === 'blobs') return 'blob';
  return 'read';
}

/**
 * A recursive listing as GitHub gives it when too large: the first half, `truncated: true`. `over` is true
 * for the root tree only, or the entry count past which any listing is cut.
 */
function truncate(state: StubState, sha: string, reply: StubReply, over: true | number): StubReply {
  const body = reply.body as { tree: unknown[] };
  if (over === true) {
    const root = state.git.commits.get(sha)?.tree ?? sha;
    const isRoot = [...state.refs.values()].some((ref) => state.git.commitOf(ref).tree === root);
    if (!isRoot) return reply;
  } else if (body.tree.length <= over) return reply;
  return {
    ...reply,
    body: { ...body, tree: body.tree.slice(0, Math.ceil(body.tree.length / 2)), truncated: true },
  };
}
