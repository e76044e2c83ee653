import { applyUpdates } from '../../src/app/apply-updates.ts';
// Shared inputs for the open-prs tests: base Dockerfile texts and the PlannedUpdates a pin run reports for them.
import type { FileChange, PinReport, PlannedUpdate } from '../../src/app/pin-report.ts';

export const digest = (seed: string): string => `sha256:${seed.repeat(64).slice(0, 64)}`;

export const baseSha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
export const movedBaseSha = '7dcb09b5b57875f334f61aebed695e2e4193db5f';

export const rootDockerfile = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';
export const apiDockerfile = `# syntax=docker/dockerfile:1\nFROM node:22-slim@${digest('a')} AS build\nRUN npm ci\nFROM ghcr.io/org/app:1\nCOPY --from=build /app /app\n`;

interface UpdateOptions {
  readonly file: string;
  readonly text: string;
  /** The reference text as written, located in `text`. */
  readonly written: string;
  readonly repository: string;
  readonly tag: string;
  readonly to: string;
  readonly addLatestTag?: boolean;
}

export function plannedUpdate(options: UpdateOptions): PlannedUpdate {
  const start = options.text.indexOf(options.written);
  if (start < 0) throw new Error(`${options.written} not in ${options.file}`);
  const at = options.written.indexOf('@');
  return {
    file: options.file,
    line: options.text.slice(0, start).split('\n').length,
    kind: 'from',
    reference: options.written,
    repository: options.repository,
    tag: options.tag,
    from: at >= 0 ? options.written.slice(at + 1) : undefined,
    to: options.to,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    pin: {
      range: { start, end: start + options.written.length },
      digestRange: {
        start: start + (at >= 0 ? at : options.written.length),
        end: start + options.written.length,
      },
      addLatestTag: options.addLatestTag ?? false,
    },
  };
}

export const alpineUpdate = (to = digest('1')): PlannedUpdate =>
  plannedUpdate({
    file: 'Dockerfile',
    text: rootDockerfile,
    written: 'alpine:3.20',
    repository: 'docker.io/library/alpine',
    tag: '3.20',
    to,
  });

export const nodeUpdate = (to = digest('2')): PlannedUpdate =>
  plannedUpdate({
    file: 'services/api/Dockerfile',
    text: apiDockerfile,
    written: `node:22-slim@${digest('a')}`,
    repository: 'docker.io/library/node',
    tag: '22-slim',
    to,
  });

export const appUpdate = (to = digest('3')): PlannedUpdate =>
  plannedUpdate({
    file: 'services/api/Dockerfile',
    text: apiDockerfile,
    written: 'ghcr.io/org/app:1',
    repository: 'ghcr.io/org/app',
    tag: '1',
    to,
  });

/** A report holding `updates`, with the base texts of the files they touch. */
export function reportOf(updates: readonly PlannedUpdate[], errors: PinReport['errors'] = []): PinReport {
  const texts: Record<string, string> = {
    Dockerfile: rootDockerfile,
    'services/api/Dockerfile': apiDockerfile,
  };
  const changes: FileChange[] = [...new Set(updates.map((u) => u.file))].map((file) => ({
    file,
    before: texts[file] ?? '',
    // As planPins computes it: every update of the file applied to its base text.
    after: applyUpdates(
      texts[file] ?? '',
      updates.filter((u) => u.file === file),
    ),
    encoding: 'utf-8',
  }));
  return { sites: [], updates, unchanged: [], skipped: [], errors, changes };
}
