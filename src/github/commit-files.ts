import { BaseTree, type TreeTarget } from './base-tree.ts';
import type { GitHubClient } from './client.ts';
import { GitHubError, GitHubMessage, parseReply, withGitHubError } from './errors.ts';
import { GitCommitSchema, GitObjectSchema, type GitCommit } from './schemas.ts';
import type { FileWrite, RepoRef } from './types.ts';
import { refPath } from './ref-path.ts';

export interface CommitFilesInput {
  readonly branch: string;
  /** The commit the new commit sits on; its tree is the `base_tree`. */
  readonly baseSha: string;
  readonly message: string;
  readonly files: readonly FileWrite[];
}

/**
 * Commits `files` on top of `baseSha` through the Git Data API and points `refs/heads/<branch>` at it
 * (created, or force-moved). No author or committer is sent, so GitHub authors the commit as the token's
 * identity and signs it: it shows as verified and needs no git credentials in the workspace.
 * https://docs.github.com/en/rest/git/commits#create-a-commit
 */
export async function commitFiles(
  octokit: GitHubClient,
  repo: RepoRef,
  input: CommitFilesInput,
  baseCommits: Map<string, Promise<GitCommit>> = new Map(),
  baseTree: BaseTree = new BaseTree(octokit, repo),
): Promise<string> {
  const sha = await writeCommit(octokit, repo, input, baseCommits, baseTree);
  await moveBranch(octokit, repo, input.branch, sha);
  return sha;
}

/**
 * Blob → tree → commit on `baseSha`, signed by GitHub as the token's identity; no ref moves. Returns its sha.
 * Each file keeps its mode in the base tree (an executable stays `100755`), and a symlinked file's bytes go
 * to the file the link names, so a link stays a link (`base-tree.ts`).
 */
export async function writeCommit(
  octokit: GitHubClient,
  repo: RepoRef,
  input: Omit<CommitFilesInput, 'branch'> & { readonly branch?: string },
  baseCommits: Map<string, Promise<GitCommit>> = new Map(),
  baseTree: BaseTree = new BaseTree(octokit, repo),
): Promise<string> {
  const where = `in ${repo.owner}/${repo.repo}`;
  const target = input.branch ?? input.baseSha;
  // Every group of a run sits on the same base: read it once.
  let pending = baseCommits.get(input.baseSha);
  if (pending === undefined) {
    pending = readCommit(octokit, repo, input.baseSha);
    baseCommits.set(input.baseSha, pending);
    pending.catch(() => baseCommits.delete(input.baseSha));
  }
  const base = await pending;
  const targets = new Map<string, { readonly target: TreeTarget; readonly bytes: Buffer }>();
  for (const file of input.files) {
    const target = await baseTree.target(base.tree.sha, file.path);
    // base64 carries the file's own bytes, encoded by the caller as the file was read.
    const bytes = Buffer.from(file.bytes);
    const same = targets.get(target.path);
    if (same !== undefined && !same.bytes.equals(bytes)) {
      throw new GitHubError('commit', `${file.path} ${where}`, undefined, [
        `${file.path} and another path name the same file ${target.path} with different contents: not committed`,
      ]);
    }
    targets.set(target.path, { target, bytes });
  }
  const tree: { path: string; mode: TreeTarget['mode']; type: 'blob'; sha: string }[] = [];
  for (const { target, bytes } of targets.values()) {
    const blob = await withGitHubError('create blob', `${target.path} ${where}`, () =>
      octokit.rest.git.createBlob({
        ...repo,
        content: bytes.toString('base64'),
        encoding: 'base64',
      }),
    );
    const sha = parseReply(GitObjectSchema, blob.data, 'create blob', `${target.path} ${where}`).sha;
    tree.push({ path: target.path, mode: target.mode, type: 'blob', sha });
  }
  const newTree = await withGitHubError('create tree', `for ${target} ${where}`, () =>
    octokit.rest.git.createTree({ ...repo, base_tree: base.tree.sha, tree }),
  );
  const commit = await withGitHubError('create commit', `on ${target} ${where}`, () =>
    octokit.rest.git.createCommit({
      ...repo,
      message: input.message,
      tree: parseReply(GitObjectSchema, newTree.data, 'create tree', `for ${target} ${where}`).sha,
      parents: [base.sha],
    }),
  );
  return parseReply(GitObjectSchema, commit.data, 'create commit', `on ${target} ${where}`).sha;
}

async function readCommit(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<GitCommit> {
  const resource = `${sha} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('read commit', resource, () =>
    octokit.rest.git.getCommit({ ...repo, commit_sha: sha }),
  );
  return parseReply(GitCommitSchema, response.data, 'read commit', resource);
}

/** Points the branch at `sha`: force-update when it exists, else create (and force-update if a racing run created it). */
async function moveBranch(octokit: GitHubClient, repo: RepoRef, branch: string, sha: string): Promise<void> {
  const resource = `refs/heads/${branch} in ${repo.owner}/${repo.repo}`;
  const exists = await branchExists(octokit, repo, branch);
  const update = () =>
    withGitHubError('update branch', resource, () =>
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{+ref}', {
        ...repo,
        ref: refPath(`heads/${branch}`),
        sha,
        force: true,
      }),
    );
  if (exists) {
    await update();
    return;
  }
  try {
    await withGitHubError('create branch', resource, () =>
      octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha }),
    );
  } catch (error) {
    if (
      error instanceof GitHubError &&
      error.status === 422 &&
      error.mentions(GitHubMessage.ReferenceExists)
    ) {
      await update();
      return;
    }
    throw error;
  }
}

/** https://docs.github.com/en/rest/git/refs#get-a-reference (404 when missing: the expected case, not logged) */
async function branchExists(octokit: GitHubClient, repo: RepoRef, branch: string): Promise<boolean> {
  try {
    await withGitHubError('read branch', `refs/heads/${branch} in ${repo.owner}/${repo.repo}`, () =>
      octokit.request('GET /repos/{owner}/{repo}/git/ref/{+ref}', {
        ...repo,
        ref: refPath(`heads/${branch}`),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404) return false;
    throw error;
  }
}
