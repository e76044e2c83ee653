import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { basepinLabel, hasDashboardMark } from '../../src/text/marks.ts';
import type { RunTarget } from './basepin-run.ts';

/** The scratch repository the smoke test works in, and the client it reads and sets it up with. */
export interface Scratch {
  readonly octokit: Octokit;
  readonly owner: string;
  readonly repo: string;
  readonly apiUrl: string;
}

/** An installation token of the App for the scratch repository; undefined when no App is given. */
export async function installationToken(
  apiUrl: string,
  owner: string,
  repo: string,

  appId: string | undefined,
  privateKey: string | undefined,
): Promise<string | undefined> {
  if (appId === undefined || privateKey === undefined) return undefined;
  const app = new Octokit({ authStrategy: createAppAuth, auth: { appId, privateKey }, baseUrl: apiUrl });
  const { data: installation } = await app.rest.apps.getRepoInstallation({ owner, repo });
  const auth = createAppAuth({ appId, privateKey, installationId: installation.id });
  return (await auth({ type: 'installation', repositoryNames: [repo] })).token;
}

/** GitHub's message of a failed request (`message` and each `errors[].message`). */
export function refusal(error: unknown): string {
  const data = (error as { response?: { data?: { message?: string; errors?: { message?: string }[] } } })
    .response?.data;
  return (
    [data?.message, ...(data?.errors ?? []).map((e) => e.message)].filter(Boolean).join(': ') || String(error)
  );
}

export async function refusedWith(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return refusal(error);
  }
}

/** Ten Dockerfiles of ten images: ten pull requests with group-by image. */
export const images = [
  'alpine:3.20',
  'busybox:1.36',
  'debian:bookworm-slim',
  'ubuntu:24.04',
  'node:22-alpine',
  'python:3.12-slim',
  'golang:1.23-alpine',
  'nginx:1.27-alpine',
  'redis:7-alpine',
  'postgres:16-alpine',
];
/** A new base branch holding the ten Dockerfiles, and the same files in a local workspace to run on. */
export async function setUp(scratch: Scratch, base: string): Promise<RunTarget> {
  const { octokit: bot, owner, repo, apiUrl } = scratch;
  const { data: repoData } = await bot.rest.repos.get({ owner, repo });
  const { data: head } = await bot.rest.git.getRef({ owner, repo, ref: `heads/${repoData.default_branch}` });
  const workspace = mkdtempSync(join(tmpdir(), 'basepin-smoke-ws-'));
  const tree = images.map((image, i) => {
    const path = `smoke/${i}/Dockerfile`;
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), `FROM ${image}\n`);
    return { path, mode: '100644' as const, type: 'blob' as const, content: `FROM ${image}\n` };
  });
  const { data: parent } = await bot.rest.git.getCommit({ owner, repo, commit_sha: head.object.sha });
  const { data: newTree } = await bot.rest.git.createTree({ owner, repo, base_tree: parent.tree.sha, tree });
  const { data: commit } = await bot.rest.git.createCommit({
    owner,
    repo,
    message: 'basepin smoke base',
    tree: newTree.sha,
    parents: [parent.sha],
  });
  await bot.rest.git.createRef({ owner, repo, ref: `refs/heads/${base}`, sha: commit.sha });
  // One dashboard per repository: close what earlier smoke runs left open.
  for (const issue of await bot.paginate(bot.rest.issues.listForRepo, {
    owner,
    repo,
    labels: basepinLabel,
    state: 'open',
  })) {
    if (issue.pull_request === undefined)
      await bot.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed' });
  }
  return { repository: `${owner}/${repo}`, apiUrl, workspace, branch: base, sha: commit.sha };
}

/** The open issues with the dashboard's mark. */
export async function openDashboards(scratch: Scratch): Promise<{ number: number; body: string }[]> {
  const { octokit: bot, owner, repo } = scratch;
  const issues = await bot.paginate(bot.rest.issues.listForRepo, {
    owner,
    repo,
    labels: basepinLabel,
    state: 'open',
  });
  return issues
    .filter((i) =>
      hasDashboardMark({
        number: i.number,
        body: i.body ?? '',
        isPullRequest: i.pull_request !== undefined,
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      }),
    )
    .map((i) => ({ number: i.number, body: i.body ?? '' }));
}
