/**
 * Extraction speed of the files beyond Dockerfiles: 2,000 YAML and JSON files made of the real fixtures
 * (test/fixtures/manifests) against 2,000 real Dockerfiles (test/fixtures/dockerfiles), in memory, and
 * one 5 MB YAML file. Prints figures; README.md holds the targets (≤5× a Dockerfile per file, a 5 MB
 * file costing a run at most a second).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSites, maxParsedYaml, type FileKind } from '../src/manifests/index.ts';

const fixtures = join(import.meta.dirname, '../test/fixtures');
const fileCount = 2_000;
const rounds = 3;

/** Every fixture of a kind, by the kind its folder names. */
function manifestFixtures(): { kind: FileKind; file: string; text: string }[] {
  const folder = join(fixtures, 'manifests');
  const found: { kind: FileKind; file: string; text: string }[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === 'README.md' || entry.name === 'Chart.yaml') continue;
    const path = join(entry.parentPath, entry.name);
    const kind = path.slice(folder.length + 1).split('/')[0] as FileKind;
    // A chart's templates are Kubernetes files (Go-templated): read as such.
    const read = path.includes('/templates/') ? 'kubernetes' : kind;
    found.push({ kind: read, file: path, text: readFileSync(path, 'utf8') });
  }
  return found;
}

function dockerfileFixtures(): { kind: FileKind; file: string; text: string }[] {
  const folder = join(fixtures, 'dockerfiles');
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('Dockerfile'))
    .map((entry) => ({
      kind: 'dockerfile' as const,
      file: entry.name,
      text: readFileSync(join(folder, entry.name), 'utf8'),
    }));
}

/** Milliseconds to extract `count` files cycling through `files`, after one warm-up pass; and the sites found. */
function timeExtraction(files: readonly { kind: FileKind; file: string; text: string }[], count: number) {
  for (const { kind, file, text } of files) extractSites(kind, file, text);
  let sites = 0;
  let chars = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const { kind, file, text } = files[i % files.length]!;
    sites += extractSites(kind, `${i}/${file}`, text).sites.length;
    chars += text.length;
  }
  return { ms: performance.now() - started, sites, chars };
}

/** A Kubernetes stream of Deployments of about `size` characters. */
function workloads(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n      containers:\n        - name: app\n          image: "registry.example.com/team/app-${i}:1.${i % 10}"\n          env:\n            - name: MODE\n              value: production\n---\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

function timeOne(kind: FileKind, text: string) {
  const started = performance.now();
  const result = extractSites(kind, 'big.yaml', text);
  return { ms: performance.now() - started, sites: result.sites.length, problem: result.problem };
}

export function benchManifests(): [string, string][] {
  // Alternating rounds, the fastest of each side: one busy moment or a cold JIT does not decide the ratio.
  const manifestFiles = manifestFixtures();
  const dockerfileFiles = dockerfileFixtures();
  let manifests = timeExtraction(manifestFiles, fileCount);
  let dockerfiles = timeExtraction(dockerfileFiles, fileCount);
  for (let round = 1; round < rounds; round++) {
    const m = timeExtraction(manifestFiles, fileCount);
    const d = timeExtraction(dockerfileFiles, fileCount);
    if (m.ms < manifests.ms) manifests = m;
    if (d.ms < dockerfiles.ms) dockerfiles = d;
  }
  const perManifest = manifests.ms / fileCount;
  const perDockerfile = dockerfiles.ms / fileCount;
  const big = timeOne('kubernetes', workloads(5_000_000));
  const atCap = timeOne('kubernetes', workloads(maxParsedYaml - 1_000));
  const quiet = timeOne('kubernetes', 'apiVersion: v1\nkind: ConfigMap\n'.padEnd(5_000_000, '#'));
  return [
    [
      `extraction, ${fileCount} mixed manifest files (fixtures; fastest of ${rounds})`,
      `${manifests.ms.toFixed(0)} ms, ${perManifest.toFixed(2)} ms a file, ${manifests.sites} sites`,
    ],
    [
      `extraction, ${fileCount} Dockerfiles (fixtures; fastest of ${rounds})`,
      `${dockerfiles.ms.toFixed(0)} ms, ${perDockerfile.toFixed(2)} ms a file, ${dockerfiles.sites} sites`,
    ],
    ['manifest / Dockerfile, per file (target ≤ 5×)', `${(perManifest / perDockerfile).toFixed(1)}×`],
    [
      'manifest / Dockerfile, per KB of text',
      `${(manifests.ms / manifests.chars / (dockerfiles.ms / dockerfiles.chars)).toFixed(1)}× (files of ${(manifests.chars / fileCount / 1000).toFixed(1)} KB and ${(dockerfiles.chars / fileCount / 1000).toFixed(1)} KB on average)`,
    ],
    [
      '5 MB of Kubernetes workloads (over the 1 MB cap)',
      `${big.ms.toFixed(0)} ms, ${big.problem ? 'one warning' : `${big.sites} sites`}`,
    ],
    ['1 MB of Kubernetes workloads (at the cap), parsed', `${atCap.ms.toFixed(0)} ms, ${atCap.sites} sites`],
    ['5 MB YAML naming no image', `${quiet.ms.toFixed(0)} ms`],
  ];
}

if (process.argv[1] === import.meta.filename) {
  const lines = benchManifests();
  const width = Math.max(...lines.map(([label]) => label.length));
  console.log('basepin bench: manifest extraction, in memory');
  for (const [label, value] of lines) console.log(`  ${label.padEnd(width)}  ${value}`);
}
