import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GitHubStub, GitHubStubOptions, StubFault, StubRequest } from './github-stub-api.ts';
import { gitRoutes } from './github-stub-git-routes.ts';
import { addComment, issueRoutes } from './github-stub-issues.ts';
import {
  matchRoute,
  notFound,
  readJsonBody,
  send,
  StubHttpError,
  type RouteHandler,
  type StubReply,
} from './github-stub-http.ts';
import { mergePullRequest, closePull, openPullRequest, pullRoutes } from './github-stub-pulls.ts';
import {
  commitOnBranch,
  createState,
  now,
  resolveCommitish,
  type StoredPullRequest,
  type StubState,
} from './github-stub-state.ts';
import { authenticatedUser, graphql } from './github-stub-viewer.ts';
import { view } from './github-stub-view.ts';
import { checkRequest } from './openapi-requests.ts';

export type {
  GitHubStub,
  GitHubStubOptions,
  StubFault,
  StubPullRequest,
  StubRequest,
} from './github-stub-api.ts';
export { stubViewers, type StubViewer } from './github-stub-viewer.ts';
export { readFilesFromDir } from './github-stub-view.ts';

/**
 * An in-memory GitHub REST API on 127.0.0.1 for end-to-end runs of the bundled action
 * (`GITHUB_API_URL=stub.url`) and for adapter tests. It serves what `src/github/` calls, with GitHub's
 * validations and error messages where basepin reacts to them; anything else is a recorded 404.
 *
 * The server runs in the test's own process: start the action with an asynchronous spawn (never
 * `spawnSync`/`execFileSync`), or the stub cannot answer.
 */

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly handler: RouteHandler;
}

function routesOf(state: StubState): Route[] {
  return Object.entries({ ...gitRoutes(state), ...pullRoutes(state), ...issueRoutes(state) }).map(
    ([key, handler]) => {
      const [method = '', pattern = ''] = key.split(' ');
      return { method, pattern, handler };
    },
  );
}

/** Every REST request is checked against GitHub's description; GraphQL queries against its schema (`graphql`). */
function requestProblems(method: string, url: URL, body: unknown): string[] {
  if (url.pathname === '/graphql') return [];
  return checkRequest({ method, rawPath: url.pathname, query: Object.fromEntries(url.searchParams), body });
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export async function createGitHubStub(options: GitHubStubOptions): Promise<GitHubStub> {
  const state = createState({
    owner: options.owner,
    repo: options.repo,
    defaultBranch: options.defaultBranch ?? 'main',
    serverUrl: (options.serverUrl ?? 'https://github.com').replace(/\/+$/, ''),
    actor: options.actor ?? 'github-actions[bot]',
    collaborators: options.collaborators,
    permissions: options.permissions,
  });
  commitOnBranch(state, state.defaultBranch, options.files, 'Initial commit', 'a-person', options.modes);
  const routes = routesOf(state);
  const requests: StubRequest[] = [];
  const validate = options.validateRequests ?? true;
  const faults: { fault: StubFault; left: number }[] = [];

  /** Serves one request under `/repos/{owner}/{repo}`; a path no route knows is marked on `record`. */
  function dispatch(
    record: StubRequest,
    segments: string[],
    query: URLSearchParams,
    accept: string,
  ): StubReply {
    const [root, owner, repo, ...rest] = segments;
    if (record.method === 'GET' && root === 'user' && owner === undefined) return authenticatedUser(state);
    if (record.method === 'POST' && root === 'graphql' && owner === undefined) {
      return graphql(state, options.viewer ?? 'login', record.body);
    }
    const ours =
      root === 'repos' &&
      owner?.toLowerCase() === state.owner.toLowerCase() &&
      repo?.toLowerCase() === state.repo.toLowerCase();
    for (const route of ours ? routes : []) {
      if (route.method !== record.method) continue;
      const params =
        route.pattern === '' ? (rest.length === 0 ? {} : undefined) : matchRoute(route.pattern, rest);
      if (params !== undefined) return route.handler({ params, query, body: record.body, accept });
    }
    record.routed = false;
    throw notFound();
  }

  function injectedFault(record: StubRequest): StubReply | undefined {
    const found = faults.find(
      ({ fault }) =>
        (fault.method === undefined || fault.method.toUpperCase() === record.method) &&
        (typeof fault.path === 'string' ? fault.path === record.path : fault.path.test(record.path)),
    );
    if (found === undefined) return undefined;
    found.left -= 1;
    if (found.left <= 0) faults.splice(faults.indexOf(found), 1);
    record.fault = true;
    const error = new StubHttpError(found.fault.status, found.fault.message ?? 'Injected by the GitHub stub');
    return { status: error.status, body: error.body, headers: found.fault.headers ?? {} };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stub.invalid');
    let body: unknown;
    let badBody: StubHttpError | undefined;
    try {
      body = await readJsonBody(request);
    } catch (error) {
      if (!(error instanceof StubHttpError)) throw error;
      badBody = error;
    }
    const record: StubRequest = {
      method: request.method ?? 'GET',
      path: decodePath(url.pathname),
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      routed: true,
      fault: false,
      invalid: [],
    };
    requests.push(record);
    let reply: StubReply;
    try {
      if (badBody !== undefined) throw badBody;
      const problems = validate ? requestProblems(request.method ?? 'GET', url, body) : [];
      if (problems.length > 0) {
        record.invalid = problems;
        throw new StubHttpError(
          400,
          `github stub: not a request GitHub's OpenAPI description allows: ${problems.join('; ')}`,
        );
      }
      reply =
        injectedFault(record) ??
        (request.headers.authorization === undefined
          ? { status: 401, body: new StubHttpError(401, 'Requires authentication').body }
          : dispatch(
              record,
              url.pathname.split('/').filter((segment) => segment !== ''),
              url.searchParams,
              request.headers.accept ?? '',
            ));
    } catch (error) {
      reply =
        error instanceof StubHttpError
          ? { status: error.status, body: error.body }
          : { status: 500, body: { message: `github stub: ${String(error)}` } };
    }
    record.status = reply.status;
    send(response, reply);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.apiUrl = `http://127.0.0.1:${port}`;

  const pull = (number: number): StoredPullRequest => {
    const pr = state.pulls.get(number);
    if (pr === undefined) throw new Error(`github stub: no pull request #${number}`);
    return pr;
  };
  const treeOf = (ref: string): string | undefined => {
    const sha = resolveCommitish(state, ref);
    return sha === undefined ? undefined : state.git.commitOf(sha).tree;
  };

  return {
    url: state.apiUrl,
    owner: state.owner,
    repo: state.repo,
    defaultBranch: state.defaultBranch,
    requests,
    // A GraphQL query is a POST that writes nothing; only a mutation counts.
    writes: () =>
      requests.filter(
        (r) =>
          r.method !== 'GET' &&
          r.method !== 'HEAD' &&
          !(
            r.path === '/graphql' &&
            !/^\s*mutation\b/.test(String((r.body as { query?: unknown })?.query ?? ''))
          ),
      ),
    unhandled: () => requests.filter((r) => !r.routed),
    resetRequests: () => {
      requests.length = 0;
    },
    pullRequests: () => [...state.pulls.values()].map((pr) => view(state, pr)),
    pullRequest: (number) => {
      const pr = state.pulls.get(number);
      return pr === undefined ? undefined : view(state, pr);
    },
    fileAt: (ref, path) => {
      const tree = treeOf(ref);
      return tree === undefined ? undefined : state.git.readPath(tree, path)?.toString('utf8');
    },
    filesAt: (ref) => {
      const tree = treeOf(ref);
      if (tree === undefined) return undefined;
      const files: Record<string, string> = {};
      for (const [path, leaf] of state.git.flatten(tree)) {
        const blob = state.git.blobs.get(leaf.sha);
        if (blob !== undefined) files[path] = blob.toString('utf8');
      }
      return files;
    },
    modeAt: (ref, path) => {
      const tree = treeOf(ref);
      return tree === undefined ? undefined : state.git.flatten(tree).get(path)?.mode;
    },
    branchSha: (branch) => state.refs.get(branch),
    branches: () => [...state.refs.keys()].sort(),
    commit: (sha) => {
      const commit = state.git.commits.get(sha);
      return (
        commit && {
          message: commit.message,
          parents: [...commit.parents],
          tree: commit.tree,
          verified: commit.verified,
        }
      );
    },
    closePullRequest: (number, close = {}) => {
      const pr = pull(number);
      if (close.merged) mergePullRequest(state, pr);
      else if (pr.state === 'open') closePull(state, pr);
    },
    openPullRequest: (input) =>
      openPullRequest(state, { ...input, base: input.base ?? state.defaultBranch, user: 'a-person' }).number,
    advanceBase: (files, message = 'A commit by a person') =>
      commitOnBranch(state, state.defaultBranch, files, message).sha,
    pushCommit: (branch, files, message = 'A commit by a person', login, options = {}) =>
      commitOnBranch(state, branch, files, message, login, {}, options.verified ?? false).sha,
    addComment: (number, user, body) => addComment(state, number, user, body).id,
    reactions: (commentId) => [...(state.reactions.get(commentId) ?? [])],
    comments: (number) => (state.comments.get(number) ?? []).map((c) => ({ user: c.user, body: c.body })),
    issues: () =>
      [...state.issues.values()].map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body ?? '',
        user: i.user,
        labels: [...i.labels],
        state: i.state,
      })),
    editIssue: (number, body) => {
      const issue = state.issues.get(number);
      if (issue === undefined) throw new Error(`github stub: no issue #${number}`);
      issue.body = body;
    },
    openIssue: (input) => {
      const number = state.nextNumber++;
      const at = now(state);
      state.issues.set(number, {
        number,
        state: 'open',
        title: input.title,
        body: input.body ?? null,
        user: input.user,
        labels: [...(input.labels ?? [])],
        createdAt: at,
        updatedAt: at,
      });
      return number;
    },
    failNext: (fault) => {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    invalid: () => requests.filter((r) => r.invalid.length > 0),
    stop: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      const invalid = requests.filter((r) => r.invalid.length > 0);
      if (invalid.length > 0) {
        throw new Error(
          `github stub: ${invalid.length} request(s) GitHub's OpenAPI description does not allow:\n` +
            invalid.flatMap((r) => r.invalid).join('\n'),
        );
      }
    },
  };
}
