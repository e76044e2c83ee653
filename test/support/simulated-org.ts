import type { OrgStubRepository } from './github-org-stub.ts';

/**
 * An organisation of mixed repositories for the organisation stand-in, the same for the same options: image
 * tags drawn with a heavy tail (a few images everywhere, most in a repository or two), a share of the
 * references already pinned, some repositories archived, forked, empty or with a truncated tree, and some
 * failing, each a different way (no access to the tree, a blob GitHub fails to serve, a bad settings file,
 * a ruleset refusing writes, a tree too large to walk in the run's limits).
 */
export interface SimulatedOrgOptions {
  readonly repositories: number;
  /** Average Dockerfiles per repository (1 to twice this less 1). Default 5. */
  readonly dockerfiles?: number;
  /** Unique image tags across the organisation. Default 300. */
  readonly tags?: number;
  /** Share of references already pinned. Default 0.3. */
  readonly pinned?: number;
  readonly archived?: number;
  readonly forks?: number;
  readonly empty?: number;
  /** Repositories with a truncated tree (they list fine, through more requests). */
  readonly truncated?: number;
  /** Failing repositories, at most 5 (one per way of failing). Default 5. */
  readonly failing?: number;
  /** The digest a pinned reference carries; default a made-up one from the image's name. */
  readonly digestOf?: (image: string) => string;
  readonly seed?: number;
}

export interface SimulatedOrg {
  readonly repositories: OrgStubRepository[];
  /** Every image reference as the Dockerfiles name it, tag included (`node:20-slim`), unique. */
  readonly images: readonly string[];
  /** Names of the repositories meant to fail, with how. */
  readonly failing: ReadonlyMap<string, string>;
}

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

/** A small deterministic generator (mulberry32), so every run builds the same organisation. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function madeUpDigest(image: string): string {
  let hash = 0;
  for (const char of image) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `sha256:${hash.toString(16).padStart(8, '0').repeat(8)}`;
}

export function simulatedOrganisation(options: SimulatedOrgOptions): SimulatedOrg {
  const next = random(options.seed ?? 20);
  const tagCount = options.tags ?? 300;
  const images = Array.from(
    { length: tagCount },
    (_, i) => `${bases[i % bases.length]}:${Math.floor(i / bases.length) + 1}.${i % 7}`,
  );
  // Zipf weights: image i is 1/(i+1) as likely as the first.
  const weights = images.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): string => {
    let left = next() * total;
    for (const [i, weight] of weights.entries()) {
      left -= weight;
      if (left <= 0) return images[i]!;
    }
    return images.at(-1)!;
  };
  const average = options.dockerfiles ?? 5;
  const pinnedShare = options.pinned ?? 0.3;
  const digestOf = options.digestOf ?? madeUpDigest;
  const repositories: OrgStubRepository[] = [];
  const failing = new Map<string, string>();
  const counts = {
    archived: options.archived ?? 0,
    fork: options.forks ?? 0,
    empty: options.empty ?? 0,
    truncated: options.truncated ?? 0,
    failing: Math.min(5, options.failing ?? 5),
  };
  const ways = ['tree refused', 'blob failing', 'bad settings', 'ruleset refusing writes', 'tree too large'];
  for (let index = 0; index < options.repositories; index++) {
    const name = `svc-${String(index).padStart(5, '0')}`;
    const files: Record<string, string> = { 'README.md': `# ${name}\n` };
    const dockerfiles = 1 + Math.floor(next() * (2 * average - 1));
    for (let d = 0; d < dockerfiles; d++) {
      const image = pick();
      const written = next() < pinnedShare ? `${image}@${digestOf(image)}` : image;
      files[d === 0 ? 'Dockerfile' : `services/s${d}/Dockerfile`] = `FROM ${written}\nRUN make\n`;
    }
    // Shapes are spread from the end, so the first repositories stay plain.
    const from = options.repositories - 1 - index;
    let shape: Partial<OrgStubRepository> = {};
    if (from < counts.failing) {
      const way = ways[from]!;
      failing.set(name, way);
      if (way === 'tree refused')
        shape = { failing: { kind: 'tree', status: 403, message: 'Resource not accessible by integration' } };
      if (way === 'blob failing') shape = { failing: { kind: 'blob', status: 500, message: 'Server Error' } };
      if (way === 'bad settings') files['.github/basepin.yml'] = 'group-by: [this is not\n';
      if (way === 'ruleset refusing writes')
        shape = { failing: { kind: 'write', status: 422, message: 'Repository rule violations found' } };
      if (way === 'tree too large') {
        // Every listing is cut, so walking it takes a request per folder: more than a run allows.
        shape = { truncated: 1 };
        for (let f = 0; f < 200; f++) files[`vendor/v${f}/file.txt`] = `${f}\n`;
      }
    } else if (from < counts.failing + counts.archived) shape = { archived: true };
    else if (from < counts.failing + counts.archived + counts.fork) shape = { fork: true };
    else if (from < counts.failing + counts.archived + counts.fork + counts.empty) {
      repositories.push({ name });
      continue;
    } else if (from < counts.failing + counts.archived + counts.fork + counts.empty + counts.truncated)
      shape = { truncated: true };
    repositories.push({ name, files, ...shape });
  }
  const used = new Set<string>();
  for (const repository of repositories) {
    for (const text of Object.values(repository.files ?? {})) {
      const from = /^FROM ([^@\s]+)/.exec(text)?.[1];
      if (from !== undefined) used.add(from);
    }
  }
  return { repositories, images: [...used].sort(), failing };
}
