/**
 * `npm run bench`: synthetic monorepos served by real local registries,
 * pinned by the bundled CLI, at two sizes side by side (1,000 Dockerfiles
 * naming 200 images, 20,000 naming 2,000). Prints figures; asserts nothing
 * (targets are in README.md). BENCH_SIZES=files:images,… changes the sizes;
 * BENCH_NODE_OPTIONS is passed to the measured CLI runs as NODE_OPTIONS;
 * BENCH_STARTUP_ONLY=1 measures the CLI's cold start alone; BENCH_ORG_ONLY=1 the organisation run alone
 * (bench/org.ts, BENCH_ORG_REPOS repositories); `node bench/manifests.ts` the extraction of the other
 * kinds of files alone.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileChanges } from '../src/pin/plan-pins.ts';
import type { Update } from '../src/update/update.ts';
import { isPinnableSite } from '../src/dockerfile/site.ts';
import { scanDockerfiles } from '../src/scan/scan.ts';
import { extractImageSites } from '../src/dockerfile/index.ts';
import { openFileWorkspace } from '../src/workspace/file-workspace.ts';
import { startCountingProxy, type CountingProxy } from '../test/support/counting-proxy.ts';
import { pushIndex } from '../test/support/push.ts';
import { startRegistry, type RunningRegistry } from '../test/support/registry-server.ts';
import { benchChangelog } from './changelog.ts';
import { benchOrg } from './org.ts';
import { coldStartLines, measureColdStart } from './cold-start.ts';
import { generateRepo, type BenchImage } from './generate.ts';
import { benchManifests } from './manifests.ts';

const sizes = (process.env.BENCH_SIZES ?? '1000:200,20000:2000').split(',').map((size) => {
  const [files, images] = size.split(':').map(Number);
  return { files: files ?? 1000, images: images ?? 200 };
});
const imageCount = Math.max(...sizes.map((size) => size.images));
const hostCount = 3;
const stageCount = 10_000;
const fakeDigest = `sha256:${'b'.repeat(64)}`;

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

async function pushImages(proxies: readonly CountingProxy[]): Promise<BenchImage[]> {
  const indexes = Array.from({ length: imageCount }, (_, i) => i);
  return inBatches(indexes, 8, async (i) => {
    const proxy = proxies[i % proxies.length]!;
    const repository = `team-${i % 17}/svc-${i}`;
    const tag = `1.${i % 5}`;
    const platforms = ['linux/amd64', 'linux/arm64'];
    // Every seventh tag has moved since some Dockerfiles pinned it.
    const stale =
      i % 7 === 0 ? await pushIndex(proxy, repository, tag, platforms, { seed: `old-${i}` }) : undefined;
    const current = await pushIndex(proxy, repository, tag, platforms, { seed: `new-${i}` });
    return { name: `${proxy.host}/${repository}`, tag, digest: current.digest, staleDigest: stale?.digest };
  });
}

/**
 * Runs the bundled CLI as users do and reads its peak RSS from inside the child,
 * under an open-file limit of BENCH_OPEN_FILES (default 256, macOS's default:
 * a tree of 20,000 files must not need one descriptor a file).
 * BENCH_NODE_OPTIONS is handed to the child as NODE_OPTIONS (e.g. `--max-semi-space-size=16`).
 */
const openFileLimit = process.env.BENCH_OPEN_FILES ?? '256';

function runCli(cwd: string, hosts: readonly string[], command: 'pin' | 'check') {
  const rssFile = join(cwd, '..', 'rss.json');
  const preload = `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify(process.resourceUsage())));`;
  const args = [
    '--import',
    `data:text/javascript,${encodeURIComponent(preload)}`,
    join(import.meta.dirname, '../dist/cli.js'),
    command,
    '.',
    '--json',
    ...hosts.flatMap((host) => ['--insecure-registry', host]),
  ];
  const env = { ...process.env, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '' };
  const started = performance.now();
  return new Promise<{
    ms: number;
    report: { updates: unknown[]; unchanged: unknown[]; errors: unknown[] };
    maxRssKb: number;
    code: number;
  }>((resolve, reject) => {
    // `ulimit` is a shell builtin: bash lowers the limit, then becomes node (exec), so RSS is node's own.
    const limited = ['-c', 'ulimit -n "$BENCH_OPEN_FILES" && exec "$@"', 'bench', process.execPath, ...args];
    const child = spawn('bash', limited, {
      cwd,
      env: { ...env, BENCH_OPEN_FILES: openFileLimit },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number };
      const report = JSON.parse(Buffer.concat(out).toString()) as {
        updates: unknown[];
        unchanged: unknown[];
        errors: unknown[];
      };
      resolve({ ms, report, maxRssKb: usage.maxRSS, code: code ?? -1 });
    });
  });
}

/** Scan + rewrite in memory (no network), then the CLI's pin run, counted at the proxies. */
async function measure(
  root: string,
  proxies: readonly CountingProxy[],
  images: readonly BenchImage[],
  files: number,
) {
  const repo = join(root, `repo-${files}`);
  mkdirSync(repo);
  try {
    const generated = generateRepo(repo, images, files);
    const scanStarted = performance.now();
    const scan = await scanDockerfiles({ paths: ['.'], include: [], exclude: [] }, openFileWorkspace(repo));
    const target = { digest: fakeDigest, mediaType: '' };
    const updates = scan.sites.flatMap((site): Update[] => (isPinnableSite(site) ? [{ site, target }] : []));
    const rewritten = fileChanges(scan.files, updates).changes;
    const scanMs = performance.now() - scanStarted;

    // The minimum a correct run needs: per unique tag one HEAD; per tag some site of which must change,
    // one HEAD of the new digest (the registry shows it serves it before it is written); per unique
    // stale pin one HEAD of the old digest (index or single-platform pin?); one ping per host.
    const current = new Map(images.map((image) => [`${image.name}:${image.tag}`, image.digest]));
    const tags = new Set<string>();
    const toConfirm = new Set<string>();
    const stalePins = new Set<string>();
    for (const site of scan.sites) {
      const ref = site.pin ? site.reference : undefined;
      if (!ref) continue;
      const key = `${ref.name}:${ref.trackedTag}`;
      tags.add(key);
      if (ref.digest !== current.get(key)) toConfirm.add(key);
      if (ref.digest !== undefined && ref.digest !== current.get(key)) stalePins.add(`${key}@${ref.digest}`);
    }
    const hosts = proxies.map((proxy) => proxy.host);
    // check first, while every file still needs its pins; then the pin run, counted at the proxies.
    const check = await runCli(repo, hosts, 'check');
    for (const proxy of proxies) proxy.reset();
    const run = await runCli(repo, hosts, 'pin');
    const count = (method: string, path: RegExp) =>
      proxies.reduce((sum, proxy) => sum + proxy.count({ method, path }), 0);
    const requests = {
      ping: count('GET', /^\/v2\/?$/),
      head: count('HEAD', /\/manifests\//),
      get: count('GET', /\/(manifests|blobs)\//),
    };
    return {
      generated,
      sites: scan.sites.length,
      unique: tags.size,
      stale: stalePins.size,
      rewritten: rewritten.length,
      scanMs,
      run,
      check,
      requests,
      total: requests.ping + requests.head + requests.get,
      minimum: tags.size + toConfirm.size + stalePins.size + hostCount,
    };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/** One Dockerfile with many stages, each FROM naming the one before: extraction must stay linear. */
function manyStages(): number {
  const lines = ['FROM alpine:3.20 AS stage-0'];
  for (let i = 1; i < stageCount; i++) lines.push(`FROM stage-${i - 1} AS stage-${i}`, 'RUN true');
  const started = performance.now();
  extractImageSites('Dockerfile', lines.join('\n'));
  return performance.now() - started;
}

async function main(): Promise<void> {
  // First, while nothing else of the bench runs: a figure of whole-process wall time.
  console.log('basepin bench: CLI cold start (median of alternating runs)');
  for (const line of coldStartLines(measureColdStart())) console.log(`  ${line}`);
  if (process.env.BENCH_STARTUP_ONLY) return;
  if (process.env.BENCH_ORG_ONLY) return printOrg();
  // In memory, before the registries start: extraction of the other kinds of files against Dockerfiles.
  const manifestLines = benchManifests();
  const manifestWidth = Math.max(...manifestLines.map(([label]) => label.length));
  console.log('basepin bench: manifest extraction, in memory');
  for (const [label, value] of manifestLines) console.log(`  ${label.padEnd(manifestWidth)}  ${value}`);

  const registries: RunningRegistry[] = [];
  const proxies: CountingProxy[] = [];
  const root = mkdtempSync(join(tmpdir(), 'basepin-bench-'));
  try {
    for (let i = 0; i < hostCount; i++) {
      const registry = await startRegistry({ auth: 'none' });
      registries.push(registry);
      proxies.push(await startCountingProxy(registry));
    }
    const pushStarted = performance.now();
    const images = await pushImages(proxies);
    const pushMs = performance.now() - pushStarted;
    const results: Awaited<ReturnType<typeof measure>>[] = [];
    for (const size of sizes)
      results.push(await measure(root, proxies, images.slice(0, size.images), size.files));

    const column = (pick: (result: (typeof results)[number]) => string) => results.map(pick);
    const rows: [string, string[]][] = [
      ['Dockerfiles', column((r) => String(r.generated.files))],
      ['image sites', column((r) => String(r.sites))],
      ['unique references (repository:tag)', column((r) => String(r.unique))],
      ['unique stale pins', column((r) => String(r.stale))],
      [
        'files rewritten in memory / updates by the CLI',
        column((r) => `${r.rewritten} / ${r.run.report.updates.length}`),
      ],
      ['scan + rewrite, in memory', column((r) => `${r.scanMs.toFixed(0)} ms`)],
      ['pin run, whole CLI process (wall)', column((r) => `${r.run.ms.toFixed(0)} ms, exit ${r.run.code}`)],
      ['wall per unique reference', column((r) => `${(r.run.ms / r.unique).toFixed(1)} ms`)],
      ['peak RSS of the pin run', column((r) => `${(r.run.maxRssKb / 1024).toFixed(0)} MB`)],
      [
        'check run (wall, peak RSS)',
        column(
          (r) =>
            `${r.check.ms.toFixed(0)} ms, ${(r.check.maxRssKb / 1024).toFixed(0)} MB, exit ${r.check.code}`,
        ),
      ],
      [
        'requests: ping / HEAD / GET',
        column((r) => `${r.requests.ping} / ${r.requests.head} / ${r.requests.get}`),
      ],
      ['requests made / minimum', column((r) => `${r.total} / ${r.minimum}`)],
      ['errors', column((r) => String(r.run.report.errors.length))],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    const widths = results.map((_, i) => Math.max(...rows.map(([, values]) => values[i]!.length)));
    const [load1, load5] = loadavg();
    console.log(
      `basepin bench: load average ${load1!.toFixed(1)} / ${load5!.toFixed(1)} (1 / 5 min) on ${availableParallelism()} cores` +
        `; the CLI runs under ulimit -n ${openFileLimit}` +
        (process.env.BENCH_NODE_OPTIONS ? `; NODE_OPTIONS=${process.env.BENCH_NODE_OPTIONS}` : ''),
    );
    console.log(
      `basepin bench: ${imageCount} images pushed to ${hostCount} local registries in ${(pushMs / 1000).toFixed(0)} s`,
    );
    for (const [label, values] of rows) {
      console.log(
        `  ${label.padEnd(width)}  ${values.map((value, i) => value.padStart(widths[i]!)).join('   ')}`,
      );
    }
    console.log(
      '  minimum: 1 HEAD per unique tag, 1 HEAD of the new digest per tag to change, 1 HEAD per stale pin, 1 ping per host',
    );
    console.log(`  one Dockerfile with ${stageCount} stages: extracted in ${manyStages().toFixed(0)} ms`);
    const changelog = await benchChangelog(proxies[0]!);
    const changelogWidth = Math.max(...changelog.map(([label]) => label.length));
    for (const [label, value] of changelog) console.log(`  ${label.padEnd(changelogWidth)}  ${value}`);
    await printOrg();
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await Promise.all(registries.map((registry) => registry.stop()));
    rmSync(root, { recursive: true, force: true });
  }
}

/** The organisation run (bench/org.ts): BENCH_ORG_REPOS repositories, default 1,000. */
async function printOrg(): Promise<void> {
  const lines = await benchOrg();
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, value] of lines) console.log(`  ${label.padEnd(width)}  ${value}`);
}

await main();
