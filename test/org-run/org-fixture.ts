import { runAction } from '../../src/action-run/index.ts';
import { runSettings, type SettingsInput } from '../../src/config/settings.ts';
import type { SettingSource } from '../../src/config/sources.ts';
import { createGitHubRepository } from '../../src/github/index.ts';
import type { RepositorySelection } from '../../src/org/index.ts';
import { BlobCache, createOrgClient, WritePacer } from '../../src/org-github/index.ts';
import { runOrganisation, type OrgRunDeps, type OrgRunResult } from '../../src/org-run/index.ts';
import { createRegistryClient, type RegistryClient } from '../../src/registry/index.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { fakeClock } from '../org-github/fake-clock.ts';
import type { CountingProxy } from '../support/counting-proxy.ts';
import type { GitHubOrgStub, OrgStubRepository } from '../support/github-org-stub.ts';

/** The run's clock for changelog ages and `minimum-age`: fixed, so bodies compare equal across runs. */
export const runDate = new Date('2026-12-07T12:00:00Z');

/** Docker Hub's names answered by the local registry behind the counting proxy: files stay as they are. */
export function orgSources(proxy: CountingProxy, extra: SettingSource['values'] = {}): SettingsInput {
  return {
    cwd: '.',
    sources: [
      {
        label: (key) => `--${key}`,
        values: {
          'registry-aliases': { kind: 'pairs', value: [['docker.io', proxy.url]] },
          'insecure-registries': { kind: 'list', value: [proxy.host] },
          ...extra,
        },
      },
    ],
  };
}

/** The run's registry client, built from the org-wide settings as the entries build it. */
export function registryFor(org: SettingsInput, dir: string): RegistryClient {
  const settings = runSettings(org);
  return createRegistryClient({
    registryAliases: settings.registryAliases,
    insecureRegistries: settings.insecureRegistries,
    dockerConfigDir: dir,
  });
}

export interface OrgRunOptions {
  readonly stub: GitHubOrgStub;
  readonly registry: RegistryClient;
  readonly org: SettingsInput;
  readonly clock: ReturnType<typeof fakeClock>;
  readonly selection?: RepositorySelection;
  readonly only?: readonly string[];
  readonly stopRequested?: () => boolean;
  readonly onRow?: OrgRunDeps['onRow'];
  readonly dashboardRepo?: string;
}

/** One `basepin org` run over the stand-in, its pacer on the test's fake clock. */
export async function runOrgOnce(options: OrgRunOptions): Promise<OrgRunResult> {
  const { octokit } = await createOrgClient({
    auth: { kind: 'token', token: 'ghs_ready' },
    pacer: new WritePacer({ clock: options.clock }),
    baseUrl: options.stub.url,
    retryDelayUnitMs: 1,
  });
  const warnings: string[] = [];
  return runOrganisation(
    { selection: options.selection ?? { kind: 'patterns', patterns: ['svc-*'] }, only: options.only },
    {
      octokit,
      blobs: new BlobCache(),
      registry: options.registry,
      org: options.org,
      serverUrl: 'https://github.com',
      log: { info: () => undefined, warning: (line) => warnings.push(line) },
      now: () => runDate,
      dashboard: createGitHubRepository(octokit, {
        owner: options.stub.owner,
        repo: options.dashboardRepo ?? 'platform',
      }),
      ...(options.stopRequested === undefined ? {} : { stopRequested: options.stopRequested }),
      ...(options.onRow === undefined ? {} : { onRow: options.onRow }),
    },
  );
}

/** The single-repository path for one repository: the action's `runAction` over its files in memory. */
export async function runSingle(
  stub: GitHubOrgStub,
  spec: OrgStubRepository,
  registry: RegistryClient,
  org: SettingsInput,
): Promise<void> {
  const { octokit } = await createOrgClient({
    auth: { kind: 'token', token: 'ghs_ready' },
    pacer: new WritePacer({ clock: fakeClock() }),
    baseUrl: stub.url,
    retryDelayUnitMs: 1,
  });
  const repo = { owner: stub.owner, repo: spec.name };
  const state = stub.state(spec.name);
  const encoder = new TextEncoder();
  const settings = runSettings(org);
  await runAction(
    settings,
    { repo, ref: 'refs/heads/main', sha: state.refs.get('main')!, serverUrl: 'https://github.com' },
    {
      registry,
      workspace: new MemoryWorkspace(
        Object.entries(spec.files ?? {}).map(([path, text]) => [path, encoder.encode(text)] as const),
      ),
      github: createGitHubRepository(octokit, repo),
      defaultBranch: async () => 'main',
      log: { info: () => undefined, warning: () => undefined },
      now: () => runDate,
    },
  );
}
