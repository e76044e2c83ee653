import { runAction } from '../action-run/index.ts';
import { configTextSource } from '../config/config-text.ts';
import { repositoryRunSettings } from '../config/repository-layer.ts';
import type { SettingsInput } from '../config/settings.ts';
import { createGitHubRepository, type GitHubClient, type GitHubLog, type RepoRef } from '../github/index.ts';
import type { OrgRepository, RepositoryRow } from '../org/index.ts';
import {
  ApiRepository,
  EmptyRepositoryError,
  readBranchHead,
  type BlobCache,
  type TreeLimits,
} from '../org-github/index.ts';
import type { OsvClient } from '../osv/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import type { SignatureTrust } from '../signature-check/index.ts';

/** The repository's own settings file, read from its tree (never from the running checkout). */
export const repositorySettingsPath = '.github/basepin.yml';

/** What every repository of one organisation run shares. */
export interface RepositoryRunDeps {
  /** The run's REST client: every request through the run's write pacer. */
  readonly octokit: GitHubClient;
  /** Blobs read once per run, by sha. */
  readonly blobs: BlobCache;
  /** ONE memoising client for the whole run: each unique question is asked once, its facts shared. */
  readonly registry: RegistryClient;
  /** The org-wide settings sources (inputs or flags, then the running repository's settings file). */
  readonly org: SettingsInput;
  readonly serverUrl: string;
  readonly log: GitHubLog;
  readonly now: () => Date;
  readonly treeLimits?: TreeLimits;
  /**
   * ONE OSV client for the whole run, built from the org-wide `osv-api`: it caches per run, so each package
   * version is asked once for the organisation. Without it no vulnerabilities are asked.
   */
  readonly osv?: OsvClient | undefined;
  /** The run's signature trust, built once from the org-wide settings; without it none are looked for. */
  readonly signatureTrust?: SignatureTrust | undefined;
}

function failedRow(repository: OrgRepository, error: unknown, dockerfiles = 0): RepositoryRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    repository: repository.fullName,
    state: 'failed',
    dockerfiles,
    updates: 0,
    pullRequests: [],
    error: message.split('\n')[0] ?? message,
  };
}

/**
 * One repository of an organisation run, as the per-repository action runs it: its branch head, its tree
 * and the blobs it scans (no clone), its settings file over the org-wide defaults, then `runAction` (the
 * one plan pipeline, pull requests and its own dashboard) over a `GitHubRepository` on the paced client.
 * Any failure is this repository's row; an empty repository is skipped.
 */
export async function runRepository(
  repository: OrgRepository,
  deps: RepositoryRunDeps,
): Promise<RepositoryRow> {
  const repo: RepoRef = { owner: repository.owner, repo: repository.name };
  const shown = repository.fullName;
  try {
    let head = await readBranchHead(deps.octokit, repo, repository.defaultBranch);
    let opened = await ApiRepository.open(deps.octokit, repo, head, deps.blobs, deps.treeLimits);
    const file = await opened.readFile(repositorySettingsPath);
    const fileSource =
      file === undefined
        ? undefined
        : configTextSource(repositorySettingsPath, new TextDecoder().decode(file));
    const settings = repositoryRunSettings(deps.org, fileSource);
    const baseBranch = settings.baseBranch ?? repository.defaultBranch;
    if (baseBranch !== repository.defaultBranch) {
      // The repository asks for another base: scan that branch's commit, which its pull requests sit on.
      head = await readBranchHead(deps.octokit, repo, baseBranch);
      opened = await ApiRepository.open(deps.octokit, repo, head, deps.blobs, deps.treeLimits);
    }
    const { workspace, unread } = await opened.workspace({
      include: settings.include,
      exclude: settings.exclude,
    });
    for (const skipped of unread) deps.log.warning(`${shown}: ${skipped.path} not read: ${skipped.reason}`);
    const result = await runAction(
      { ...settings, baseBranch },
      { repo, ref: `refs/heads/${baseBranch}`, sha: head, serverUrl: deps.serverUrl },
      {
        registry: deps.registry,
        workspace,
        github: createGitHubRepository(deps.octokit, repo),
        defaultBranch: () => Promise.resolve(repository.defaultBranch),
        log: prefixedLog(deps.log, shown),
        now: deps.now,
        osv: deps.osv,
        signatureTrust: deps.signatureTrust,
      },
    );
    const pullRequests = result.pullRequests
      .filter((pr) => pr.number !== undefined && pr.operation !== 'closed')
      .map((pr) => ({ number: pr.number!, operation: pr.operation }));
    const base = {
      repository: shown,
      dockerfiles: result.plan.files.length,
      updates: result.plan.updates.length,
      pullRequests,
    };
    if (result.pullRequests.some((pr) => pr.operation === 'failed'))
      return { ...base, state: 'failed', error: result.failure ?? 'GitHub refused a change' };
    return { ...base, state: result.plan.updates.length > 0 ? 'proposed' : 'current' };
  } catch (error) {
    if (error instanceof EmptyRepositoryError)
      return {
        repository: shown,
        state: 'skipped',
        dockerfiles: 0,
        updates: 0,
        pullRequests: [],
        error: 'empty',
      };
    return failedRow(repository, error);
  }
}

function prefixedLog(log: GitHubLog, repository: string): GitHubLog {
  return {
    info: (message) => log.info(`${repository}: ${message}`),
    warning: (message) => log.warning(`${repository}: ${message}`),
    debug: (message) => log.debug?.(`${repository}: ${message}`),
  };
}
