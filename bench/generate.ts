/**
 * A synthetic monorepo for the benchmark: many Dockerfiles naming a smaller
 * set of images, with the shapes real repositories have (multi-stage builds,
 * ARG-fed FROMs, --platform, COPY --from, pins both stale and current).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchImage {
  /** `127.0.0.1:PORT/team-3/svc-17` */
  readonly name: string;
  readonly tag: string;
  /** What the tag points at now. */
  readonly digest: string;
  /** An older digest of the same tag, for stale pins. */
  readonly staleDigest: string | undefined;
}

export interface GeneratedRepo {
  readonly files: number;
  /** References written, counting each FROM/COPY/ARG site once. */
  readonly sites: number;
}

/** Deterministic pseudo-random numbers, so every run benchmarks the same tree. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateRepo(root: string, images: readonly BenchImage[], fileCount: number): GeneratedRepo {
  const random = prng(42);
  const pick = () => images[Math.floor(random() ** 2 * images.length)]!;
  let sites = 0;

  const reference = (image: BenchImage): string => {
    const roll = random();
    sites++;
    if (roll < 0.1 && image.staleDigest) return `${image.name}:${image.tag}@${image.staleDigest}`;
    if (roll < 0.2) return `${image.name}:${image.tag}@${image.digest}`;
    return `${image.name}:${image.tag}`;
  };

  for (let i = 0; i < fileCount; i++) {
    const dir = join(root, `services/group-${i % 25}/svc-${i}`);
    mkdirSync(dir, { recursive: true });
    const builder = pick();
    const runtime = pick();
    const tool = pick();
    const lines: string[] = [];
    // No `# syntax=` line: it names Docker Hub, and the benchmark never leaves 127.0.0.1.
    if (i % 4 === 0) {
      sites++;
      lines.push(
        `ARG BASE=${builder.name}:${builder.tag}`,
        `FROM --platform=$BUILDPLATFORM \${BASE} AS build`,
      );
    } else {
      lines.push(`FROM --platform=$BUILDPLATFORM ${reference(builder)} AS build`);
    }
    lines.push(
      'WORKDIR /src',
      'COPY . .',
      'RUN --mount=type=cache,target=/root/.cache \\',
      '    make build',
      '',
      `FROM ${reference(runtime)} AS runtime`,
      `COPY --from=build /src/out /app`,
      `COPY --from=${reference(tool)} /usr/bin/tool /usr/bin/tool`,
      'USER 65532',
      'ENTRYPOINT ["/app/server"]',
      '',
    );
    writeFileSync(join(dir, 'Dockerfile'), lines.join('\n'));
  }
  return { files: fileCount, sites };
}
