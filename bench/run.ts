/**
 * `npm run bench`: a synthetic monorepo served by real local registries,
 * pinned by the bundled CLI, and the CLI's cold start. Prints figures; asserts
 * nothing (targets are in README.md). BENCH_FILES and BENCH_IMAGES change the
 * size; BENCH_STARTUP_ONLY=1 measures the cold start alone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileChanges } from '../src/app/pin.ts';
import type { PlannedUpdate } from '../src/app/pin-report.ts';
import { scanDockerfiles } from '../src/app/scan.ts';
import { startCountingProxy, type CountingProxy } from '../test/support/counting-proxy.ts';
import { pushIndex } from '../test/support/push.ts';
import { startRegistry, type RunningRegistry } from '../test/support/registry-server.ts';
import { coldStartLines, measureColdStart } from './cold-start.ts';
import { generateRepo, type BenchImage } from './generate.ts';

const fileCount = Number(process.env.BENCH_FILES ?? 1000);
const imageCount = Number(process.env.BENCH_IMAGES ?? 200);
const hostCount = 3;
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

/** Runs the bundled CLI as users do and reads its peak RSS from inside the child. */
function runPin(cwd: string, hosts: readonly string[]) {
  const rssFile = join(cwd, '..', 'rss.json');
  const preload = `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify(process.resourceUsage())));`;
  const args = [
    '--import',
    `data:text/javascript,${encodeURIComponent(preload)}`,
    join(import.meta.dirname, '../dist/cli.js'),
    'pin',
    '.',
    '--json',
    ...hosts.flatMap((host) => ['--insecure-registry', host]),
  ];
  const started = performance.now();
  return new Promise<{
    ms: number;
    report: { updates: unknown[]; unchanged: unknown[]; errors: unknown[] };
    maxRssKb: number;
    code: number;
  }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number };
      resolve({ ms, report: JSON.parse(out), maxRssKb: usage.maxRSS, code: code ?? -1 });
    });
  });
}

async function main(): Promise<void> {
  // First, while nothing else of the bench runs: a figure of whole-process wall time.
  console.log('basepin bench: CLI cold start (median of alternating runs)');
  for (const line of coldStartLines(measureColdStart())) console.log(`  ${line}`);
  if (process.env.BENCH_STARTUP_ONLY) return;

  const registries: RunningRegistry[] = [];
  const proxies: CountingProxy[] = [];
  const root = mkdtempSync(join(tmpdir(), 'basepin-bench-'));
  const repo = join(root, 'repo');
  try {
    for (let i = 0; i < hostCount; i++) {
      const registry = await startRegistry({ auth: 'none' });
      registries.push(registry);
      proxies.push(await startCountingProxy(registry));
    }
    const pushStarted = performance.now();
    const images = await pushImages(proxies);
    const pushMs = performance.now() - pushStarted;
    const generated = generateRepo(repo, images, fileCount);

    // Scan + rewrite in memory, no network: the part that grows with the repository.
    const scanStarted = performance.now();
    const scan = await scanDockerfiles({
      cwd: repo,
      paths: ['.'],
      include: [],
      exclude: [],
    });
    const updates = scan.sites.flatMap((site): PlannedUpdate[] =>
      site.pin && site.reference
        ? [
            {
              file: site.file,
              line: site.line,
              kind: site.kind,
              reference: site.written,
              repository: site.reference.name,
              tag: site.reference.trackedTag,
              from: site.reference.digest,
              to: fakeDigest,
              mediaType: '',
              pin: site.pin,
            },
          ]
        : [],
    );
    const rewritten = fileChanges(scan.files, updates).changes;
    const scanMs = performance.now() - scanStarted;
    const unique = new Set(updates.map((update) => `${update.repository}:${update.tag}`));
    const uniquePins = new Set(
      scan.sites
        .filter((s) => s.reference?.digest)
        .map((s) => `${s.reference!.name}:${s.reference!.trackedTag}@${s.reference!.digest}`),
    );
    // A stale pin needs one more request (a HEAD of the old digest) to tell an index pin from a
    // single-platform pin, which must stay single-platform.
    const currentDigests = new Set(images.map((image) => image.digest));
    const stalePins = [...uniquePins].filter(
      (pin) => !currentDigests.has(pin.slice(pin.lastIndexOf('@') + 1)),
    );

    for (const proxy of proxies) proxy.reset();
    const run = await runPin(
      repo,
      proxies.map((proxy) => proxy.host),
    );
    const count = (method: string, path: RegExp) =>
      proxies.reduce((sum, proxy) => sum + proxy.count({ method, path }), 0);
    const requests = {
      ping: count('GET', /^\/v2\/?$/),
      head: count('HEAD', /\/manifests\//),
      get: count('GET', /\/(manifests|blobs)\//),
    };
    const total = requests.ping + requests.head + requests.get;
    const minimum = unique.size + stalePins.length + hostCount;

    const rows: [string, string][] = [
      ['files', String(generated.files)],
      ['image sites', String(scan.sites.length)],
      ['unique references (repository:tag)', String(unique.size)],
      [
        'existing pins (unique): current / stale',
        `${uniquePins.size - stalePins.length} / ${stalePins.length}`,
      ],
      ['files rewritten', `${rewritten.length} in memory; ${run.report.updates.length} updates by the CLI`],
      ['scan + rewrite, in memory', `${scanMs.toFixed(0)} ms`],
      ['pin run (whole CLI process)', `${run.ms.toFixed(0)} ms, exit ${run.code}`],
      ['peak RSS of the pin run', `${(run.maxRssKb / 1024).toFixed(0)} MB`],
      [
        'registry requests: ping / token / HEAD / GET',
        `${requests.ping} / 0 / ${requests.head} / ${requests.get}`,
      ],
      [
        'requests made / minimum (1 per unique reference and stale pin, 1 ping per host)',
        `${total} / ${minimum}`,
      ],
      ['errors', String(run.report.errors.length)],
      ['(setup: pushing images)', `${pushMs.toFixed(0)} ms`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(
      `basepin bench: ${fileCount} Dockerfiles, ${imageCount} images on ${hostCount} local registries`,
    );
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    await Promise.all(registries.map((registry) => registry.stop()));
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
