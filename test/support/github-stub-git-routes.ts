import type { FlatTree, GitCommitObject } from './github-stub-git.ts';
import { notFound, objectBody, requireString, StubHttpError, type RouteHandler } from './github-stub-http.ts';
import {
  actorPerson,
  now,
  removeBranch,
  resolveCommitish,
  repositoryJson,
  repoUrl,
  setBranch,
  type StubState,
} from './github-stub-state.ts';

/** Git Data API routes: https://docs.github.com/en/rest/git */

function blobUrl(state: StubState, sha: string): string {
  return `${repoUrl(state)}/git/blobs/${sha}`;
}

function commitJson(state: StubState, commit: GitCommitObject): Record<string, unknown> {
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha}`,
    url: `${repoUrl(state)}/git/commits/${commit.sha}`,
    html_url: `${state.serverUrl}/${state.owner}/${state.repo}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${repoUrl(state)}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${repoUrl(state)}/git/commits/${sha}`,
      html_url: `${state.serverUrl}/${state.owner}/${state.repo}/commit/${sha}`,
    })),
    verification: {
      verified: commit.verified,
      reason: commit.verified ? 'valid' : 'unsigned',
      signature: null,
      payload: null,
    },
  };
}

function refJson(state: StubState, branch: string, sha: string): Record<string, unknown> {
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${branch}`,
    url: `${repoUrl(state)}/git/refs/heads/${branch}`,
    object: { sha, type: 'commit', url: `${repoUrl(state)}/git/commits/${sha}` },
  };
}

function treeJson(state: StubState, sha: string, recursive: boolean): Record<string, unknown> {
  const entries = recursive
    ? [...walk(state, sha, '')]
    : (state.git.trees.get(sha) ?? []).map((e) => ({ path: e.name, mode: e.mode, type: e.type, sha: e.sha }));
  return {
    sha,
    url: `${repoUrl(state)}/git/trees/${sha}`,
    tree: entries.map((entry) => ({
      ...entry,
      ...(entry.type === 'blob'
        ? { size: state.git.blobs.get(entry.sha)?.length ?? 0, url: blobUrl(state, entry.sha) }
        : entry.type === 'tree'
          ? { url: `${repoUrl(state)}/git/trees/${entry.sha}` }
          : {}),
    })),
    truncated: false,
  };
}

function* walk(
  state: StubState,
  sha: string,
  prefix: string,
): Generator<{ path: string; mode: string; type: string; sha: string }> {
  for (const entry of state.git.trees.get(sha) ?? []) {
    yield { path: `${prefix}${entry.name}`, mode: entry.mode, type: entry.type, sha: entry.sha };
    if (entry.type === 'tree') yield* walk(state, entry.sha, `${prefix}${entry.name}/`);
  }
}

/** `heads/<branch>` → branch; other namespaces (tags) are not modelled. */
function branchOf(ref: string): string {
  const branch = ref.replace(/^refs\//, '');
  if (!branch.startsWith('heads/') || branch.length === 'heads/'.length) throw notFound();
  return branch.slice('heads/'.length);
}

/** Applies one `tree[]` item of create-a-tree to the flattened base. */
function applyTreeItem(state: StubState, flat: FlatTree, raw: unknown): void {
  const item = objectBody(raw);
  const path = requireString(item, 'path');
  const mode = requireString(item, 'mode');
  const type = requireString(item, 'type');
  if (!['100644', '100755', '040000', '160000', '120000'].includes(mode)) {
    throw new StubHttpError(422, `Invalid tree info: mode ${mode}`);
  }
  if (item['sha'] === null) {
    flat.delete(path);
    for (const key of [...flat.keys()]) if (key.startsWith(`${path}/`)) flat.delete(key);
    return;
  }
  if (type === 'tree') {
    const sha = requireString(item, 'sha');
    if (!state.git.trees.has(sha)) throw new StubHttpError(422, `tree.sha ${sha} is not a valid tree`);
    for (const [sub, leaf] of state.git.flatten(sha)) flat.set(`${path}/${sub}`, leaf);
    return;
  }
  if (type !== 'blob' && type !== 'commit') throw new StubHttpError(422, `Invalid tree info: type ${type}`);
  let sha: string;
  if (typeof item['content'] === 'string') sha = state.git.putBlob(Buffer.from(item['content'], 'utf8'));
  else {
    sha = requireString(item, 'sha');
    if (type === 'blob' && !state.git.blobs.has(sha)) {
      throw new StubHttpError(422, `tree.sha ${sha} is not a valid blob`);
    }
  }
  for (const key of [...flat.keys()]) if (key.startsWith(`${path}/`)) flat.delete(key);
  flat.set(path, { mode, type, sha });
}

export function gitRoutes(state: StubState): Record<string, RouteHandler> {
  return {
    // https://docs.github.com/en/rest/repos/repos#get-a-repository
    GET: () => ({ status: 200, body: repositoryJson(state) }),

    // https://docs.github.com/en/rest/git/blobs
    'POST git/blobs': ({ body }) => {
      const input = objectBody(body);
      const content = requireString(input, 'content');
      const encoding = input['encoding'] ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
        throw new StubHttpError(422, `encoding must be utf-8 or base64, not ${String(encoding)}`);
      }
      const sha = state.git.putBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
      return { status: 201, body: { sha, url: blobUrl(state, sha) } };
    },
    'GET git/blobs/:sha': ({ params }) => {
      const blob = state.git.blobs.get(params['sha'] ?? '');
      if (blob === undefined) throw notFound();
      const sha = params['sha'] as string;
      const content = blob.toString('base64');
      return {
        status: 200,
        body: { sha, size: blob.length, url: blobUrl(state, sha), content, encoding: 'base64' },
      };
    },

    // https://docs.github.com/en/rest/git/trees
    'POST git/trees': ({ body }) => {
      const input = objectBody(body);
      if (!Array.isArray(input['tree']))
        throw new StubHttpError(422, `Invalid request.\n\n"tree" wasn't supplied.`);
      const baseTree = input['base_tree'];
      if (baseTree !== undefined && (typeof baseTree !== 'string' || !state.git.trees.has(baseTree))) {
        throw new StubHttpError(422, 'base_tree is not a valid tree oid');
      }
      const flat: FlatTree = baseTree === undefined ? new Map() : state.git.flatten(baseTree);
      for (const item of input['tree'] as unknown[]) applyTreeItem(state, flat, item);
      return { status: 201, body: treeJson(state, state.git.writeFlat(flat), false) };
    },
    'GET git/trees/:sha': ({ params, query }) => {
      const sha = params['sha'] ?? '';
      const commit = state.git.commits.get(sha);
      const tree = commit?.tree ?? sha;
      if (!state.git.trees.has(tree)) throw notFound();
      return { status: 200, body: treeJson(state, tree, query.has('recursive')) };
    },

    // https://docs.github.com/en/rest/git/commits
    'GET git/commits/:sha': ({ params }) => {
      const commit = state.git.commits.get(params['sha'] ?? '');
      if (commit === undefined) throw notFound();
      return { status: 200, body: commitJson(state, commit) };
    },
    'POST git/commits': ({ body }) => {
      const input = objectBody(body);
      const message = requireString(input, 'message');
      const tree = requireString(input, 'tree');
      if (!state.git.trees.has(tree)) throw new StubHttpError(422, 'Tree SHA does not exist');
      const parents = input['parents'] ?? [];
      if (
        !Array.isArray(parents) ||
        parents.some((p) => typeof p !== 'string' || !state.git.commits.has(p))
      ) {
        throw new StubHttpError(422, 'Parent SHA does not exist or is not a commit object');
      }
      const date = now(state);
      const given = (field: string) => {
        const person = input[field];
        if (person === undefined) return undefined;
        const p = objectBody(person);
        return {
          name: requireString(p, 'name'),
          email: requireString(p, 'email'),
          date: String(p['date'] ?? date),
        };
      };
      const author = given('author') ?? actorPerson(state, date);
      const commit = state.git.putCommit({
        tree,
        parents: parents as string[],
        message,
        author,
        committer: given('committer') ?? (input['author'] === undefined ? actorPerson(state, date) : author),
        // GitHub signs the commits it authors itself.
        verified: input['author'] === undefined && input['committer'] === undefined,
      });
      return { status: 201, body: commitJson(state, commit) };
    },

    // https://docs.github.com/en/rest/git/refs
    'GET git/ref/*ref': ({ params }) => {
      const branch = branchOf(params['ref'] ?? '');
      const sha = state.refs.get(branch);
      if (sha === undefined) throw notFound();
      return { status: 200, body: refJson(state, branch, sha) };
    },
    'POST git/refs': ({ body }) => {
      const input = objectBody(body);
      const ref = requireString(input, 'ref');
      const sha = requireString(input, 'sha');
      if (!/^refs\/heads\/[^/].*$/.test(ref) || ref.endsWith('/') || ref.includes('..')) {
        throw new StubHttpError(422, `${ref} is not a valid ref name.`);
      }
      const branch = ref.slice('refs/heads/'.length);
      if (state.refs.has(branch)) throw new StubHttpError(422, 'Reference already exists');
      if (!state.git.commits.has(sha)) throw new StubHttpError(422, 'Object does not exist');
      setBranch(state, branch, sha);
      return { status: 201, body: refJson(state, branch, sha) };
    },
    'PATCH git/refs/*ref': ({ params, body }) => {
      const branch = branchOf(params['ref'] ?? '');
      const input = objectBody(body);
      const sha = requireString(input, 'sha');
      const current = state.refs.get(branch);
      if (current === undefined) throw new StubHttpError(422, 'Reference does not exist');
      if (!state.git.commits.has(sha)) throw new StubHttpError(422, 'Object does not exist');
      if (input['force'] !== true && !state.git.isAncestor(current, sha)) {
        throw new StubHttpError(422, 'Update is not a fast forward');
      }
      setBranch(state, branch, sha);
      return { status: 200, body: refJson(state, branch, sha) };
    },
    'DELETE git/refs/*ref': ({ params }) => {
      removeBranch(state, branchOf(params['ref'] ?? ''));
      return { status: 204 };
    },

    // https://docs.github.com/en/rest/repos/contents#get-repository-content (files only): the raw media type
    // serves the bytes up to 100 MB; the JSON form refuses files over 1 MB, as GitHub does.
    'GET contents/*path': ({ params, query, accept }) => {
      const path = params['path'] ?? '';
      const commit = state.git.commits.get(
        resolveOrThrow(state, query.get('ref') ?? state.defaultBranch),
      ) as GitCommitObject;
      const leaf = state.git.flatten(commit.tree).get(path);
      const blob = leaf?.type === 'blob' ? state.git.blobs.get(leaf.sha) : undefined;
      if (leaf === undefined || blob === undefined) throw notFound();
      if (accept.includes('application/vnd.github.raw')) {
        return { status: 200, body: blob, headers: { 'content-type': 'application/vnd.github.raw' } };
      }
      if (blob.length > 1024 * 1024) {
        throw new StubHttpError(
          403,
          'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
          [{ resource: 'Blob', field: 'data', code: 'too_large' }],
        );
      }
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: 'base64',
          size: blob.length,
          name: path.split('/').pop(),
          path,
          content: blob.toString('base64'),
          sha: leaf.sha,
          url: `${repoUrl(state)}/contents/${path}`,
        },
      };
    },
  };
}

function resolveOrThrow(state: StubState, ref: string): string {
  const sha = resolveCommitish(state, ref);
  if (sha === undefined) throw new StubHttpError(404, `No commit found for the ref ${ref}`);
  return sha;
}
