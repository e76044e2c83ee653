import { GitStore, type GitCommitObject, type GitPerson } from './github-stub-git.ts';
import { StubHttpError } from './github-stub-http.ts';

/** A pull request as the stub keeps it; `github-stub-pulls.ts` renders GitHub's JSON from it. */
export interface StoredPullRequest {
  readonly number: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  readonly head: string;
  /** Follows the head branch while the pull request is open; frozen once closed (as on GitHub). */
  headSha: string;
  base: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  readonly createdAt: string;
  updatedAt: string;
  readonly user: string;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  assignees: string[];
}

export interface StoredComment {
  readonly id: number;
  readonly body: string;
  readonly user: string;
  readonly createdAt: string;
}

export interface StoredIssue {
  readonly number: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  readonly user: string;
  labels: string[];
  readonly createdAt: string;
  updatedAt: string;
}

export interface StubState {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  /** The stub's REST root, known once it listens. */
  apiUrl: string;
  /** For `html_url`s (`GITHUB_SERVER_URL`). */
  readonly serverUrl: string;
  /** Who the token belongs to: author of pull requests and comments, committer of signed commits. */
  readonly actor: string;
  /** When set, reviewers and assignees outside it are refused or dropped as GitHub does. */
  readonly collaborators: ReadonlySet<string> | undefined;
  readonly git: GitStore;
  /** Branch name → commit sha. */
  readonly refs: Map<string, string>;
  readonly pulls: Map<number, StoredPullRequest>;
  /** Comments by issue (pull request) number. */
  readonly comments: Map<number, StoredComment[]>;
  /** Plain issues (not pull requests) by number. */
  readonly issues: Map<number, StoredIssue>;
  /** Reactions by comment id, in order. */
  readonly reactions: Map<number, string[]>;
  /** Repository role by lower-cased login; a login not here is GitHub's 404. */
  readonly permissions: Map<string, string>;
  /** Labels of the repository, by lower-cased name (GitHub's label names are case-insensitive). */
  readonly labels: Map<string, { readonly id: number; readonly name: string; readonly color: string }>;
  /** Pull requests and issues share one sequence on GitHub. */
  nextNumber: number;
  nextId: number;
  /** A logical clock: each write is one second after the previous, so sorting by time is deterministic. */
  tick: number;
}

const epoch = Date.parse('2026-01-01T00:00:00Z');

export function now(state: StubState): string {
  state.tick += 1;
  return new Date(epoch + state.tick * 1000).toISOString().replace('.000Z', 'Z');
}

export function nextId(state: StubState): number {
  state.nextId += 1;
  return state.nextId;
}

export function createState(options: {
  owner: string;
  repo: string;
  defaultBranch: string;
  serverUrl: string;
  actor: string;
  collaborators: readonly string[] | undefined;
  permissions?: Readonly<Record<string, string>> | undefined;
}): StubState {
  return {
    ...options,
    apiUrl: '',
    collaborators: options.collaborators
      ? new Set(options.collaborators.map((c) => c.toLowerCase()))
      : undefined,
    git: new GitStore(),
    refs: new Map(),
    pulls: new Map(),
    comments: new Map(),
    issues: new Map(),
    reactions: new Map(),
    permissions: new Map(Object.entries(options.permissions ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    labels: new Map(),
    nextNumber: 1,
    nextId: 1000,
    tick: 0,
  };
}

export function actorPerson(state: StubState, date: string): GitPerson {
  return { name: state.actor, email: `41898282+${state.actor}@users.noreply.github.com`, date };
}

/** A branch name, `heads/x`, `refs/heads/x` or a full commit sha, to a commit sha. */
export function resolveCommitish(state: StubState, ref: string): string | undefined {
  if (/^[0-9a-f]{40}$/.test(ref) && state.git.commits.has(ref)) return ref;
  return state.refs.get(ref.replace(/^refs\//, '').replace(/^heads\//, ''));
}

/** Moves (or creates) a branch; open pull requests from it follow, as a push updates them on GitHub. */
export function setBranch(state: StubState, branch: string, sha: string): void {
  state.refs.set(branch, sha);
  for (const pr of state.pulls.values()) {
    if (pr.state === 'open' && pr.head === branch && pr.headSha !== sha) {
      pr.headSha = sha;
      pr.updatedAt = now(state);
    }
  }
}

/** Deletes a branch; GitHub closes the open pull requests whose head it was. */
export function removeBranch(state: StubState, branch: string): void {
  if (branch === state.defaultBranch) {
    throw new StubHttpError(422, 'Cannot delete the default branch');
  }
  if (!state.refs.delete(branch)) throw new StubHttpError(422, 'Reference does not exist');
  for (const pr of state.pulls.values()) {
    if (pr.state === 'open' && pr.head === branch) {
      pr.state = 'closed';
      pr.closedAt = now(state);
      pr.updatedAt = pr.closedAt;
    }
  }
}

/** Commits `files` (null deletes) on top of `branch` and moves it; what a person's push would do. */
export function commitOnBranch(
  state: StubState,
  branch: string,
  files: Readonly<Record<string, string | null>>,
  message: string,
  login = 'a-person',
  modes: Readonly<Record<string, string>> = {},
  verified = false,
): GitCommitObject {
  const parent = state.refs.get(branch);
  const flat = parent === undefined ? new Map() : state.git.flatten(state.git.commitOf(parent).tree);
  for (const [path, content] of Object.entries(files)) {
    if (content === null) flat.delete(path);
    else
      flat.set(path, {
        mode: modes[path] ?? '100644',
        type: 'blob',
        sha: state.git.putBlob(Buffer.from(content, 'utf8')),
      });
  }
  const date = now(state);
  const person = { name: 'A Person', email: `${login}@example.com`, date };
  const commit = state.git.putCommit({
    tree: state.git.writeFlat(flat),
    parents: parent === undefined ? [] : [parent],
    message,
    author: person,
    committer: person,
    verified,
  });
  setBranch(state, branch, commit.sha);
  return commit;
}

export function repoUrl(state: StubState): string {
  return `${state.apiUrl}/repos/${state.owner}/${state.repo}`;
}

export function ownerJson(state: StubState): Record<string, unknown> {
  return { login: state.owner, id: 1, type: 'Organization', url: `${state.apiUrl}/users/${state.owner}` };
}

export function userJson(state: StubState, login: string): Record<string, unknown> {
  const bot = login.endsWith('[bot]');
  return {
    login,
    id: 2,
    type: bot ? 'Bot' : 'User',
    url: `${state.apiUrl}/users/${encodeURIComponent(login)}`,
  };
}

/** https://docs.github.com/en/rest/repos/repos#get-a-repository */
export function repositoryJson(state: StubState): Record<string, unknown> {
  return {
    id: 1,
    node_id: 'R_stub',
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: ownerJson(state),
    private: false,
    fork: false,
    visibility: 'public',
    html_url: `${state.serverUrl}/${state.owner}/${state.repo}`,
    url: repoUrl(state),
    default_branch: state.defaultBranch,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}
