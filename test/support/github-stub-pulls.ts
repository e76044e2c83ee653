import {
  notFound,
  objectBody,
  optionalStrings,
  requireString,
  StubHttpError,
  validationFailed,
  type RouteHandler,
} from './github-stub-http.ts';
import { commentJson, issueJson, labelJson, pullRequestJson } from './github-stub-json.ts';
import {
  nextId,
  now,
  repoUrl,
  setBranch,
  type StoredPullRequest,
  type StubState,
} from './github-stub-state.ts';

/**
 * Pull requests and their issue side (comments, labels, assignees).
 * https://docs.github.com/en/rest/pulls/pulls, https://docs.github.com/en/rest/issues
 */

function pullOf(state: StubState, raw: string | undefined): StoredPullRequest {
  const pr = /^[1-9][0-9]*$/.test(raw ?? '') ? state.pulls.get(Number(raw)) : undefined;
  if (pr === undefined) throw notFound();
  return pr;
}

function openDuplicate(state: StubState, head: string, base: string): StoredPullRequest | undefined {
  return [...state.pulls.values()].find((pr) => pr.state === 'open' && pr.head === head && pr.base === base);
}

const duplicateError = (state: StubState, head: string) =>
  validationFailed({
    resource: 'PullRequest',
    code: 'custom',
    message: `A pull request already exists for ${state.owner}:${head}.`,
  });

export interface OpenPullRequestInput {
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body?: string | null;
  readonly draft?: boolean;
  readonly user?: string;
}

/** What POST /pulls does, validations included. */
export function openPullRequest(state: StubState, input: OpenPullRequestInput): StoredPullRequest {
  const colon = input.head.indexOf(':');
  if (colon !== -1 && input.head.slice(0, colon).toLowerCase() !== state.owner.toLowerCase()) {
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  const head = colon === -1 ? input.head : input.head.slice(colon + 1);
  const headSha = state.refs.get(head);
  if (headSha === undefined)
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  const baseSha = state.refs.get(input.base);
  if (baseSha === undefined)
    throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  if (openDuplicate(state, head, input.base)) throw duplicateError(state, head);
  if (state.git.isAncestor(headSha, baseSha)) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `No commits between ${input.base} and ${head}`,
    });
  }
  const createdAt = now(state);
  const pr: StoredPullRequest = {
    number: state.nextNumber++,
    state: 'open',
    title: input.title,
    body: input.body ?? null,
    head,
    headSha,
    base: input.base,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergeCommitSha: null,
    closedAt: null,
    createdAt,
    updatedAt: createdAt,
    user: input.user ?? state.actor,
    labels: [],
    requestedReviewers: [],
    requestedTeams: [],
    assignees: [],
  };
  state.pulls.set(pr.number, pr);
  return pr;
}

/**
 * What a person pressing "Merge pull request" does: a merge commit of head into base (file-level
 * three-way merge), base moved to it, the pull request closed as merged.
 */
export function mergePullRequest(state: StubState, pr: StoredPullRequest): void {
  if (pr.state !== 'open') throw new Error(`github stub: #${pr.number} is not open`);
  const baseSha = state.refs.get(pr.base);
  if (baseSha === undefined) throw new Error(`github stub: base branch ${pr.base} is gone`);
  const tree = state.git.isAncestor(baseSha, pr.headSha)
    ? state.git.commitOf(pr.headSha).tree
    : state.git.mergeTrees(baseSha, pr.headSha);
  const date = now(state);
  const commit = state.git.putCommit({
    tree,
    parents: [baseSha, pr.headSha],
    message: `Merge pull request #${pr.number} from ${state.owner}/${pr.head}\n\n${pr.title}`,
    author: { name: 'A Person', email: 'person@example.com', date },
    committer: { name: 'GitHub', email: 'noreply@github.com', date },
    verified: true,
  });
  setBranch(state, pr.base, commit.sha);
  closePull(state, pr);
  pr.merged = true;
  pr.mergedAt = pr.closedAt;
  pr.mergeCommitSha = commit.sha;
}

export function closePull(state: StubState, pr: StoredPullRequest): void {
  pr.state = 'closed';
  pr.closedAt = now(state);
  pr.updatedAt = pr.closedAt;
}

function listPulls(state: StubState, query: URLSearchParams): ReturnType<RouteHandler> {
  const wanted = query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(wanted))
    throw validationFailed({ field: 'state', code: 'invalid' });
  const head = query.get('head');
  const [headOwner, headBranch] = head?.includes(':')
    ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)]
    : [state.owner, head];
  const base = query.get('base');
  const sort = query.get('sort') ?? 'created';
  const ascending = (query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc')) === 'asc';
  const key = (pr: StoredPullRequest) => (sort === 'updated' ? pr.updatedAt : pr.createdAt);
  const matching = [...state.pulls.values()]
    .filter((pr) => wanted === 'all' || pr.state === wanted)
    .filter(
      (pr) =>
        head === null || (headOwner.toLowerCase() === state.owner.toLowerCase() && pr.head === headBranch),
    )
    .filter((pr) => base === null || pr.base === base)
    .sort((a, b) => (key(a).localeCompare(key(b)) || a.number - b.number) * (ascending ? 1 : -1));
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(matching.length / perPage), 1);
  const pageUrl = (n: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(n));
    return `<${repoUrl(state)}/pulls?${params.toString()}>`;
  };
  // https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
  const links = [
    ...(page < last ? [`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`] : []),
    ...(page > 1 ? [`${pageUrl(1)}; rel="first"`, `${pageUrl(page - 1)}; rel="prev"`] : []),
  ];
  return {
    status: 200,
    body: matching.slice((page - 1) * perPage, page * perPage).map((pr) => pullRequestJson(state, pr)),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

export function pullRoutes(state: StubState): Record<string, RouteHandler> {
  return {
    'GET pulls': ({ query }) => listPulls(state, query),
    'POST pulls': ({ body }) => {
      const input = objectBody(body);
      const pr = openPullRequest(state, {
        head: requireString(input, 'head'),
        base: requireString(input, 'base'),
        title: requireString(input, 'title'),
        body: typeof input['body'] === 'string' ? input['body'] : null,
        draft: input['draft'] === true,
      });
      return { status: 201, body: pullRequestJson(state, pr, true) };
    },
    'GET pulls/:number': ({ params }) => ({
      status: 200,
      body: pullRequestJson(state, pullOf(state, params['number']), true),
    }),
    'PATCH pulls/:number': ({ params, body }) => {
      const pr = pullOf(state, params['number']);
      const input = objectBody(body);
      if (input['base'] !== undefined) {
        const base = requireString(input, 'base');
        if (!state.refs.has(base))
          throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
        pr.base = base;
      }
      if (typeof input['title'] === 'string') pr.title = input['title'];
      if (typeof input['body'] === 'string' || input['body'] === null) pr.body = input['body'];
      if (input['state'] === 'closed' && pr.state === 'open') closePull(state, pr);
      else if (input['state'] === 'open' && pr.state === 'closed') {
        if (pr.merged)
          throw validationFailed({
            resource: 'PullRequest',
            code: 'custom',
            message: 'Cannot reopen a merged pull request',
          });
        const sha = state.refs.get(pr.head);
        if (sha === undefined) {
          throw validationFailed({
            resource: 'PullRequest',
            code: 'custom',
            message: `state cannot be changed. The ${pr.head} branch has been deleted.`,
          });
        }
        if (openDuplicate(state, pr.head, pr.base)) throw duplicateError(state, pr.head);
        pr.state = 'open';
        pr.closedAt = null;
        pr.headSha = sha;
      } else if (input['state'] !== undefined && input['state'] !== pr.state) {
        throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
      }
      pr.updatedAt = now(state);
      return { status: 200, body: pullRequestJson(state, pr, true) };
    },
    'POST pulls/:number/requested_reviewers': ({ params, body }) => {
      const pr = pullOf(state, params['number']);
      const input = objectBody(body);
      const users = optionalStrings(input, 'reviewers');
      const teams = optionalStrings(input, 'team_reviewers');
      if (users.some((u) => u.toLowerCase() === pr.user.toLowerCase())) {
        throw new StubHttpError(422, 'Review cannot be requested from pull request author.');
      }
      if (state.collaborators && users.some((u) => !state.collaborators?.has(u.toLowerCase()))) {
        throw new StubHttpError(
          422,
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${state.owner}/${state.repo} repository.`,
        );
      }
      pr.requestedReviewers = [...new Set([...pr.requestedReviewers, ...users])];
      pr.requestedTeams = [...new Set([...pr.requestedTeams, ...teams])];
      pr.updatedAt = now(state);
      return { status: 201, body: pullRequestJson(state, pr) };
    },
    'GET issues/:number': ({ params }) => ({
      status: 200,
      body: issueJson(state, pullOf(state, params['number'])),
    }),
    'GET issues/:number/comments': ({ params }) => {
      const pr = pullOf(state, params['number']);
      return {
        status: 200,
        body: (state.comments.get(pr.number) ?? []).map((c) => commentJson(state, pr.number, c)),
      };
    },
    'POST issues/:number/comments': ({ params, body }) => {
      const pr = pullOf(state, params['number']);
      const comment = {
        id: nextId(state),
        body: requireString(objectBody(body), 'body'),
        user: state.actor,
        createdAt: now(state),
      };
      state.comments.set(pr.number, [...(state.comments.get(pr.number) ?? []), comment]);
      pr.updatedAt = comment.createdAt;
      return { status: 201, body: commentJson(state, pr.number, comment) };
    },
    'POST issues/:number/labels': ({ params, body }) => {
      const pr = pullOf(state, params['number']);
      // The body is `{labels: [...]}` or the bare array.
      const names = Array.isArray(body)
        ? optionalStrings({ labels: body }, 'labels')
        : optionalStrings(objectBody(body), 'labels');
      for (const name of names) {
        if (!state.labels.has(name.toLowerCase()))
          state.labels.set(name.toLowerCase(), { id: nextId(state), name, color: 'ededed' });
        const canonical = state.labels.get(name.toLowerCase())?.name ?? name;
        if (!pr.labels.includes(canonical)) pr.labels.push(canonical);
      }
      pr.updatedAt = now(state);
      return { status: 200, body: pr.labels.map((name) => labelJson(state, name)) };
    },
    'POST issues/:number/assignees': ({ params, body }) => {
      const pr = pullOf(state, params['number']);
      // GitHub silently leaves out assignees who may not be assigned.
      const names = optionalStrings(objectBody(body), 'assignees').filter(
        (name) => state.collaborators === undefined || state.collaborators.has(name.toLowerCase()),
      );
      pr.assignees = [...new Set([...pr.assignees, ...names])];
      pr.updatedAt = now(state);
      return { status: 201, body: issueJson(state, pr) };
    },
  };
}
