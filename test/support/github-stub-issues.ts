import {
  notFound,
  objectBody,
  optionalStrings,
  requireString,
  StubHttpError,
  type RouteHandler,
} from './github-stub-http.ts';
import { commentJson, htmlUrl, issueJson, labelJson } from './github-stub-json.ts';
import {
  nextId,
  now,
  repoUrl,
  resolveCommitish,
  userJson,
  type StoredComment,
  type StubState,
} from './github-stub-state.ts';

/**
 * Plain issues, comments on issues and pull requests, reactions, collaborator permissions, compare and
 * pull-request files: what the comment commands and the dashboard call.
 * https://docs.github.com/en/rest/issues, …/reactions, …/collaborators, …/commits/commits#compare-two-commits
 */

/** An issue or pull request number the stub knows. */
function numberOf(state: StubState, raw: string | undefined): number {
  const number = /^[1-9][0-9]*$/.test(raw ?? '') ? Number(raw) : 0;
  if (!state.pulls.has(number) && !state.issues.has(number)) throw notFound();
  return number;
}

function plainIssueJson(state: StubState, number: number): Record<string, unknown> {
  const issue = state.issues.get(number);
  if (issue === undefined) return issueJson(state, state.pulls.get(number)!);
  return {
    id: 300_000 + number,
    url: `${repoUrl(state)}/issues/${number}`,
    html_url: `${state.serverUrl}/${state.owner}/${state.repo}/issues/${number}`,
    number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userJson(state, issue.user),
    labels: issue.labels.map((name) => labelJson(state, name)),
    assignees: [],
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: null,
  };
}

/** A login's commit email: the token's identity for GitHub-signed commits, `login@example.com` otherwise. */
function loginOfEmail(state: StubState, email: string): string | null {
  if (email.endsWith(`+${state.actor}@users.noreply.github.com`)) return state.actor;
  return email.endsWith('@example.com') ? email.slice(0, -'@example.com'.length) : null;
}

export function addComment(state: StubState, number: number, user: string, body: string): StoredComment {
  const comment = { id: nextId(state), body, user, createdAt: now(state) };
  state.comments.set(number, [...(state.comments.get(number) ?? []), comment]);
  return comment;
}

export function issueRoutes(state: StubState): Record<string, RouteHandler> {
  return {
    'GET issues': ({ query }) => {
      const creator = query.get('creator');
      const labels = (query.get('labels') ?? '').split(',').filter((l) => l !== '');
      const wanted = query.get('state') ?? 'open';
      const numbers = [...state.issues.keys(), ...state.pulls.keys()].sort((a, b) => a - b);
      const matching = numbers
        .map(
          (n) =>
            plainIssueJson(state, n) as {
              state: string;
              user: { login: string };
              labels: { name: string }[];
            },
        )
        .filter((i) => wanted === 'all' || i.state === wanted)
        .filter((i) => creator === null || i.user.login.toLowerCase() === creator.toLowerCase())
        .filter((i) => labels.every((l) => i.labels.some((x) => x.name.toLowerCase() === l.toLowerCase())));
      return { status: 200, body: matching };
    },
    'POST issues': ({ body }) => {
      const input = objectBody(body);
      const number = state.nextNumber++;
      const createdAt = now(state);
      const labels = optionalStrings(input, 'labels');
      for (const name of labels)
        if (!state.labels.has(name.toLowerCase()))
          state.labels.set(name.toLowerCase(), { id: nextId(state), name, color: 'ededed' });
      state.issues.set(number, {
        number,
        state: 'open',
        title: requireString(input, 'title'),
        body: typeof input['body'] === 'string' ? input['body'] : null,
        user: state.actor,
        labels,
        createdAt,
        updatedAt: createdAt,
      });
      return { status: 201, body: plainIssueJson(state, number) };
    },
    'GET issues/:number': ({ params }) => ({
      status: 200,
      body: plainIssueJson(state, numberOf(state, params['number'])),
    }),
    'PATCH issues/:number': ({ params, body }) => {
      const number = numberOf(state, params['number']);
      const issue = state.issues.get(number);
      if (issue === undefined) throw new StubHttpError(422, 'the stub edits plain issues only');
      const input = objectBody(body);
      if (typeof input['body'] === 'string') issue.body = input['body'];
      if (typeof input['title'] === 'string') issue.title = input['title'];
      if (input['state'] === 'closed' || input['state'] === 'open') issue.state = input['state'];
      issue.updatedAt = now(state);
      return { status: 200, body: plainIssueJson(state, number) };
    },
    'GET issues/:number/comments': ({ params }) => {
      const number = numberOf(state, params['number']);
      return {
        status: 200,
        body: (state.comments.get(number) ?? []).map((c) => commentJson(state, number, c)),
      };
    },
    'POST issues/:number/comments': ({ params, body }) => {
      const number = numberOf(state, params['number']);
      const comment = addComment(state, number, state.actor, requireString(objectBody(body), 'body'));
      const pr = state.pulls.get(number);
      if (pr !== undefined) pr.updatedAt = comment.createdAt;
      return { status: 201, body: commentJson(state, number, comment) };
    },
    'POST issues/comments/:id/reactions': ({ params, body }) => {
      const id = Number(params['id']);
      const known = [...state.comments.values()].some((list) => list.some((c) => c.id === id));
      if (!known) throw notFound();
      const content = requireString(objectBody(body), 'content');
      if (!['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'].includes(content)) {
        throw new StubHttpError(422, 'Validation Failed');
      }
      state.reactions.set(id, [...(state.reactions.get(id) ?? []), content]);
      return { status: 201, body: { id: nextId(state), content, user: userJson(state, state.actor) } };
    },
    'GET collaborators/:user/permission': ({ params }) => {
      const user = params['user'] ?? '';
      const level = state.permissions.get(user.toLowerCase());
      if (level === undefined) throw notFound();
      // The legacy field folds maintain into write and triage into read.
      const legacy = level === 'maintain' ? 'write' : level === 'triage' ? 'read' : level;
      const order = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
      const at = (l: string) => order.indexOf(level) >= order.indexOf(l);
      return {
        status: 200,
        body: {
          permission: legacy,
          role_name: level,
          user: {
            ...userJson(state, user),
            permissions: {
              admin: at('admin'),
              maintain: at('maintain'),
              push: at('write'),
              triage: at('triage'),
              pull: at('read'),
            },
          },
        },
      };
    },
    // With a paging parameter GitHub pages the commits from the earliest; without one it lists at most 250.
    'GET compare/:basehead': ({ params, query }) => {
      const [base = '', head = ''] = (params['basehead'] ?? '').split('...');
      const baseSha = resolveCommitish(state, base);
      const headSha = resolveCommitish(state, head);
      if (baseSha === undefined || headSha === undefined) throw notFound();
      const onBase = new Set(state.git.ancestors(baseSha));
      const commits = state.git
        .ancestors(headSha)
        .filter((sha) => !onBase.has(sha))
        .reverse()
        .map((sha) => {
          const commit = state.git.commitOf(sha);
          const login = loginOfEmail(state, commit.author.email);
          return {
            sha,
            author: login === null ? null : userJson(state, login),
            parents: commit.parents.map((parent) => ({ sha: parent })),
            commit: {
              author: commit.author,
              committer: commit.committer,
              message: commit.message,
              verification: { verified: commit.verified, reason: commit.verified ? 'valid' : 'unsigned' },
            },
          };
        });
      const paged = query.has('per_page') || query.has('page');
      const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100);
      const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
      const shown = paged ? commits.slice((page - 1) * perPage, page * perPage) : commits.slice(-250);
      return { status: 200, body: { status: 'ahead', total_commits: commits.length, commits: shown } };
    },
    'GET pulls/:number/files': ({ params }) => {
      const pr = state.pulls.get(numberOf(state, params['number']));
      if (pr === undefined) throw notFound();
      const baseSha = state.refs.get(pr.base) ?? '';
      const from = state.git.mergeBase(baseSha, pr.headSha) ?? baseSha;
      const before = state.git.flatten(state.git.commitOf(from).tree);
      const after = state.git.flatten(state.git.commitOf(pr.headSha).tree);
      const files = [...new Set([...before.keys(), ...after.keys()])].sort().flatMap((filename) => {
        const a = before.get(filename)?.sha;
        const b = after.get(filename)?.sha;
        if (a === b) return [];
        const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified';
        return [{ sha: b ?? a, filename, status, blob_url: `${htmlUrl(state, pr.number)}/files` }];
      });
      return { status: 200, body: files };
    },
  };
}
