/**
 * The organisation benchmark: a simulated organisation (BENCH_ORG_REPOS repositories, default 1,000; 5
 * Dockerfiles on average; 300 unique tags with a heavy tail; 30% pinned; 10 archived; 5 failing) served by
 * the organisation stand-in, its images by the real local registry (Docker Hub's names aliased to it), run
 * by `runOrganisation` in this process. GitHub's write pacing runs on a simulated clock shared by the pacer
 * and the stand-in's limits, so the time it imposes is reported, not slept.
 */
import { runSettings, type SettingsInput } from '../src/config/settings.ts';
import { createGitHubRepository } from '../src/github/index.ts';
import { BlobCache, createOrgClient, WritePacer, type PacerClock } from '../src/org-github/index.ts';
import { runOrganisation } from '../src/org-run/index.ts';
import { createRegistryClient } from '../src/registry/index.ts';
import { startCountingProxy } from '../test/support/counting-proxy.ts';
import { createGitHubOrgStub } from '../test/support/github-org-stub.ts';
import { pushImage } from '../test/support/push.ts';
import { startRegistry } from '../test/support/registry-server.ts';
import { simulatedOrganisation } from '../test/support/simulated-org.ts';

const bases = [
  'node',
  'python',
  'golang',
  'alpine',
  'debian',
  'ubuntu',
  'nginx',
  'redis',
  'postgres',
  'eclipse-temurin',
];

function simulatedClock(): PacerClock {
  let now = Date.parse('2026-12-07T10:00:00Z');
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

export async function benchOrg(): Promise<[string, string][]> {
  const repositories = Number(process.env.BENCH_ORG_REPOS ?? 1000);
  const tags = 300;
  const registry = await startRegistry({ auth: 'none' });
  const proxy = await startCountingProxy(registry);
  const clock = simulatedClock();
  try {
    const digests = new Map<string, string>();
    for (let i = 0; i < tags; i++) {
      const image = `${bases[i % bases.length]}:${Math.floor(i / bases.length) + 1}.${i % 7}`;
      const [name = '', tag = ''] = image.split(':');
      digests.set(image, (await pushImage(registry, `library/${name}`, tag, { seed: `org-${i}` })).digest);
    }
    const org = simulatedOrganisation({
      repositories,
      tags,
      archived: 10,
      failing: 5,
      digestOf: (image) => digests.get(image)!,
    });
    const stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories: [...org.repositories, { name: 'platform', files: { 'README.md': '# platform\n' } }],
      staticTokens: ['ghs_bench'],
      limits: { now: clock.now, limit: 1_000_000 },
    });
    const settings: SettingsInput = {
      cwd: '.',
      sources: [
        {
          label: (key) => `--${key}`,
          values: {
            'registry-aliases': { kind: 'pairs', value: [['docker.io', proxy.url]] },
            'insecure-registries': { kind: 'list', value: [proxy.host] },
          },
        },
      ],
    };
    const run = runSettings(settings);
    const pacer = new WritePacer({ clock });
    const { octokit } = await createOrgClient({
      auth: { kind: 'token', token: 'ghs_bench' },
      pacer,
      baseUrl: stub.url,
      retryDelayUnitMs: 1,
    });
    proxy.reset();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { rows } = await runOrganisation(
      { selection: { kind: 'patterns', patterns: ['svc-*'] } },
      {
        octokit,
        blobs: new BlobCache(),
        registry: createRegistryClient({
          registryAliases: run.registryAliases,
          insecureRegistries: run.insecureRegistries,
          dockerConfigDir: registry.dir,
        }),
        org: settings,
        serverUrl: 'https://github.com',
        log: { info: () => undefined, warning: () => undefined },
        now: () => new Date('2026-12-07T12:00:00Z'),
        dashboard: createGitHubRepository(octokit, { owner: 'acme', repo: 'platform' }),
      },
    );
    const wallMs = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpu);
    const reached = rows.filter((row) => row.state !== 'skipped').length;
    const kinds = ['tree', 'blob', 'read', 'write'] as const;
    const perRepo = kinds.map((kind) => `${kind} ${(stub.count(kind) / reached).toFixed(2)}`).join(', ');
    const manifestPaths = proxy.requests.filter(
      (r) => r.path.includes('/manifests/') || r.path.includes('/blobs/'),
    );
    const uniqueAsked = new Set(manifestPaths.map((r) => r.path)).size;
    // 1,000 separate runs, computed from the files (not measured): each run asks each of its own unique
    // references at least once, plus its registry ping.
    const separate = org.repositories
      .filter((r) => r.files !== undefined && !r.archived && !r.fork)
      .map(
        (r) =>
          new Set(
            Object.values(r.files!)
              .map((text) => /^FROM (\S+)/.exec(text)?.[1])
              .filter(Boolean),
          ).size + 1,
      )
      .reduce((a, b) => a + b, 0);
    const pacing = pacer.report();
    await stub.stop();
    return [
      [
        'org: repositories',
        `${repositories} (${rows.filter((r) => r.state === 'skipped').length} skipped, ${rows.filter((r) => r.state === 'failed').length} failed, ${rows.filter((r) => r.state === 'proposed').length} proposed)`,
      ],
      ['org: GitHub requests per repository reached', perRepo],
      [
        'org: blob reads vs files listed',
        `${stub.count('blob')} blobs read (content-addressed, once per run)`,
      ],
      [
        'org: registry requests',
        `${proxy.requests.length} in all; ${manifestPaths.length} manifest/blob reads of ${uniqueAsked} unique paths; ${org.images.length} unique references named`,
      ],
      [
        'org: 1,000 separate runs (computed)',
        `at least ${separate} registry requests (each run its own references + a ping)`,
      ],
      [
        'org: wall time',
        `${(wallMs / 1000).toFixed(1)} s basepin's own; ${(pacing.waitedMs / 60_000).toFixed(1)} min write pacing (simulated) for ${pacing.writes} writes`,
      ],
      [
        'org: CPU',
        `${((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(1)} s (this process, stand-in included)`,
      ],
      [
        'org: peak RSS',
        `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the bench process: stand-in and earlier parts included)`,
      ],
    ];
  } finally {
    await proxy.stop();
    await registry.stop();
  }
}
