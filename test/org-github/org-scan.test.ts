import { afterEach, describe, expect, it } from 'vitest';
import { GitHubError } from '../../src/github/errors.ts';
import {
  orgExitCode,
  renderOrgSummary,
  resumeOrder,
  selectRepositories,
  skippedRow,
  type RepositoryRow,
} from '../../src/org/index.ts';
import {
  ApiRepository,
  BlobCache,
  createOrgClient,
  EmptyRepositoryError,
  listInstallationRepositories,
  readBranchHead,
  TreeTooLargeError,
  WritePacer,
} from '../../src/org-github/index.ts';
import { createGitHubOrgStub, type GitHubOrgStub } from '../support/github-org-stub.ts';
import { simulatedOrganisation } from '../support/simulated-org.ts';

let stub: GitHubOrgStub;
afterEach(async () => {
  await stub?.stop();
});

/**
 * The parts of an organisation run's read side put together, as the run composes them: the installation's
 * repositories, the selection, the resume order, then per repository its branch head, its tree and the
 * blobs it has not read yet. Each failure is one repository's row.
 */
describe('scanning an organisation through the API', () => {
  it('costs each repository 1 ref + 1 tree + the blobs the run has not read yet; failures are rows', async () => {
    const org = simulatedOrganisation({
      repositories: 30,
      archived: 3,
      forks: 2,
      empty: 2,
      truncated: 2,
      failing: 5,
    });
    stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories: org.repositories,
      staticTokens: ['ghs_ready'],
    });
    const { octokit } = await createOrgClient({
      auth: { kind: 'token', token: 'ghs_ready' },
      pacer: new WritePacer(),
      baseUrl: stub.url,
      retryDelayUnitMs: 1,
    });
    const { selected, skipped } = selectRepositories(await listInstallationRepositories(octokit), {
      kind: 'all',
    });
    expect(skipped.map((s) => s.reason).sort()).toEqual(['archived', 'archived', 'archived', 'fork', 'fork']);

    const blobs = new BlobCache();
    const seen = new Set<string>();
    const rows: RepositoryRow[] = skipped.map(skippedRow);
    for (const repository of resumeOrder(selected, {})) {
      const repo = { owner: repository.owner, repo: repository.name };
      stub.resetRequests();
      try {
        const head = await readBranchHead(octokit, repo, repository.defaultBranch);
        const opened = await ApiRepository.open(octokit, repo, head, blobs);
        const { listed } = await opened.workspace();
        const state = stub.state(repository.name);
        const shas = listed.map((path) => blobSha(state, head, path));
        const fresh = new Set(shas.filter((sha) => !seen.has(sha)));
        for (const sha of shas) seen.add(sha);
        if (org.repositories.find((r) => r.name === repository.name)?.truncated === undefined) {
          expect(stub.count('tree')).toBe(1);
        }
        expect(stub.count('read')).toBe(1);
        expect(stub.count('blob')).toBe(fresh.size);
        rows.push({
          repository: repository.fullName,
          state: 'current',
          dockerfiles: listed.length,
          updates: 0,
          pullRequests: [],
        });
      } catch (error) {
        if (error instanceof EmptyRepositoryError) {
          rows.push(skippedRow({ repository: repository.fullName, reason: 'empty' }));
          continue;
        }
        if (!(error instanceof GitHubError) && !(error instanceof TreeTooLargeError)) throw error;
        rows.push({
          repository: repository.fullName,
          state: 'failed',
          dockerfiles: 0,
          updates: 0,
          pullRequests: [],
          error: error.message,
        });
      }
    }
    const failed = rows
      .filter((row) => row.state === 'failed')
      .map((row) => row.repository.slice('acme/'.length));
    expect(failed.sort()).toEqual(
      [...org.failing]
        .filter(([, way]) => ['tree refused', 'blob failing', 'tree too large'].includes(way))
        .map(([name]) => name)
        .sort(),
    );
    expect(rows.filter((row) => row.error === 'empty')).toHaveLength(2);
    expect(rows).toHaveLength(30);
    expect(orgExitCode(rows)).toBe(2);
    expect(renderOrgSummary(rows, 'https://github.com')).toMatch(
      /30 repositories: 20 current, 3 failed, 7 skipped\./,
    );
    // Content-addressed: far fewer blob reads than Dockerfiles read.
    const dockerfiles = rows.reduce((sum, row) => sum + row.dockerfiles, 0);
    expect(blobs.stats().requests).toBeLessThan(dockerfiles);
  });
});

function blobSha(state: ReturnType<GitHubOrgStub['state']>, commit: string, path: string): string {
  const leaf = state.git.flatten(state.git.commitOf(commit).tree).get(path);
  if (leaf === undefined) throw new Error(`no ${path}`);
  return leaf.sha;
}
