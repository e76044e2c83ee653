// A GitHub stub holding the open-prs fixture repository, the real adapters over it, and a registry stand-in:
// what the comment-command tests run against.
import { createHash } from 'node:crypto';
import type { IgnoreRule } from '../../src/dashboard/issue-body/state.ts';
import type { CommentDeps, CommentEvent, CommentSettings } from '../../src/comments/handle-comment.ts';
import { applyIgnoreRules } from '../../src/hold-back/index.ts';
import {
  openPullRequests,
  type OpenPullRequestsInput,
  type Steering,
} from '../../src/pull-requests/open-prs.ts';
import { planFiles } from '../../src/pin/plan-files.ts';
import { runSettings } from '../../src/config/settings.ts';
import { createGitHubClient } from '../../src/github/client.ts';
import { createGitHubRepository, type GitHubRepository } from '../../src/github/repository.ts';
import type { RegistryClient } from '../../src/registry/types.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';
import { recordingLog } from '../github/nock-github.ts';
import { apiDockerfile, rootDockerfile } from '../pull-requests/open-prs-fixtures.ts';

export const indexType = 'application/vnd.oci.image.index.v1+json';

/** The digest the stand-in registry serves for `name:tag` in generation `seed`. */
export function served(name: string, tag: string, seed = 'one'): string {
  return `sha256:${createHash('sha256').update(`${seed} ${name}:${tag}`).digest('hex')}`;
}

/** Every tag points at an index whose digest is derived from its name (and `generation.seed`). */
export function fakeRegistry(generation = { seed: 'one' }): RegistryClient {
  return {
    resolveTag: async (ref) => ({
      digest: served(ref.name, ref.trackedTag, generation.seed),
      mediaType: indexType,
    }),
    describeManifest: async (ref, tagOrDigest) => ({
      digest: tagOrDigest.startsWith('sha256:')
        ? tagOrDigest
        : served(ref.name, tagOrDigest, generation.seed),
      mediaType: indexType,
    }),
    fetchManifest: async () => {
      throw new Error('not served');
    },
    fetchBlob: async () => {
      throw new Error('not served');
    },
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
  };
}

export const repoFiles = { Dockerfile: rootDockerfile, 'services/api/Dockerfile': apiDockerfile };

export const permissions = {
  ada: 'admin',
  max: 'maintain',
  wes: 'write',
  tri: 'triage',
  rea: 'read',
  non: 'none',
} as const;

export async function startStub(): Promise<GitHubStub> {
  return createGitHubStub({ owner: 'octo', repo: 'app', files: repoFiles, permissions });
}

export function repositoryOn(stub: GitHubStub): GitHubRepository {
  const octokit = createGitHubClient({
    token: 'ghs_test',
    baseUrl: stub.url,
    paceWrites: false,
    retryDelayUnitMs: 1,
  });
  return createGitHubRepository(
    octokit,
    { owner: stub.owner, repo: stub.repo },
    { consistencyRetry: { attempts: 2, delayMs: 1 } },
  );
}

const { cwd: _cwd, paths: _paths, ...defaults } = runSettings({ cwd: '.', sources: [] });
export const pinSettings = { ...defaults, concurrency: 2 };

export function commentSettings(stub: GitHubStub, changes: Partial<CommentSettings> = {}): CommentSettings {
  return {
    commandPermission: 'write',
    branchPrefix: 'basepin/',
    baseBranch: 'main',
    excludeImages: ['ghcr.io/org/*'],
    commitMessagePrefix: '',
    repo: { owner: stub.owner, repo: stub.repo },
    serverUrl: 'https://github.com',
    ...changes,
  };
}

export interface Harness {
  readonly stub: GitHubStub;
  readonly github: GitHubRepository;
  readonly registry: RegistryClient;
  readonly generation: { seed: string };
  readonly log: ReturnType<typeof recordingLog>;
  readonly groupBy: OpenPullRequestsInput['groupBy'];
  /** A scheduled run on main as it is now: plan the repository's files, apply the rules, bring PRs in line. */
  propose(steer?: Steering, rules?: readonly IgnoreRule[]): ReturnType<typeof openPullRequests>;
  deps(github?: CommentDeps['github']): CommentDeps;
}

export function harness(stub: GitHubStub, groupBy: OpenPullRequestsInput['groupBy'] = 'all'): Harness {
  const github = repositoryOn(stub);
  const generation = { seed: 'one' };
  const registry = fakeRegistry(generation);
  const log = recordingLog();
  const propose = async (
    steer: Steering = {},
    rules: readonly IgnoreRule[] = [],
    on: CommentDeps['github'] = github,
  ) => {
    const files = new Map(Object.entries(stub.filesAt('main') ?? {}).map(([p, t]) => [p, Buffer.from(t)]));
    const plan = applyIgnoreRules(await planFiles(files, pinSettings, { registry }), rules);
    return openPullRequests(
      {
        report: plan,
        baseBranch: 'main',
        baseSha: stub.branchSha('main')!,
        groupBy,
        branchPrefix: 'basepin/',
        labels: [],
        reviewers: [],
        assignees: [],
        draft: false,
        commitMessagePrefix: '',
        dryRun: false,
        maxPullRequests: 10,
        repo: { owner: stub.owner, repo: stub.repo },
        serverUrl: 'https://github.com',
        steer,
      },
      { github: on, log },
    );
  };
  return {
    stub,
    github,
    registry,
    generation,
    log,
    groupBy,
    propose,
    deps: (on = github) => ({
      github: on,
      log,
      proposePullRequests: async (steer, rules) => (await propose(steer, rules, on)).pullRequests,
      planFiles: (files) => planFiles(files, pinSettings, { registry }),
    }),
  };
}

/** A person's comment, posted on the stub, as the event that reports it. */
export function comment(
  stub: GitHubStub,
  number: number,
  author: string,
  body: string,
  changes: Partial<CommentEvent> = {},
): CommentEvent {
  const commentId = stub.addComment(number, author, body);
  return {
    action: 'created',
    issueNumber: number,
    onPullRequest: stub.pullRequest(number) !== undefined,
    commentId,
    body,
    author,
    authorType: 'User',
    ...changes,
  };
}

/** Writes (GraphQL's read-only viewer query aside). */
export function writes(stub: GitHubStub) {
  return stub.writes().filter((w) => w.path !== '/graphql');
}

/** Writes other than the command's own reactions and reply. */
export function otherWrites(stub: GitHubStub) {
  return writes(stub).filter(
    (w) => !/\/issues\/comments\/\d+\/reactions$/.test(w.path) && !/\/issues\/\d+\/comments$/.test(w.path),
  );
}
