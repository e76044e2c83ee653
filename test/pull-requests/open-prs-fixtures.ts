import { applyUpdates } from '../../src/update/apply-updates.ts';
import { repositoryPath } from '../../src/dockerfile/index.ts';
// Shared inputs for the open-prs tests: base Dockerfile texts and the Updates a pin run reports for them.
import type { FileChange, PinReport } from '../../src/update/pin-report.ts';
import type { Update } from '../../src/update/update.ts';
import { updateOf } from '../support/update.ts';

export { movedTo, updateOf } from '../support/update.ts';

export const digest = (seed: string): string => `sha256:${seed.repeat(64).slice(0, 64)}`;

export const baseSha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
export const movedBaseSha = '7dcb09b5b57875f334f61aebed695e2e4193db5f';

export const rootDockerfile = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';
export const apiDockerfile = `# syntax=docker/dockerfile:1\nFROM node:22-slim@${digest('a')} AS build\nRUN npm ci\nFROM ghcr.io/org/app:1\nCOPY --from=build /app /app\n`;

export const alpineUpdate = (to = digest('1')): Update =>
  updateOf({
    file: 'Dockerfile',
    text: rootDockerfile,
    written: 'alpine:3.20',
    to,
  });

export const nodeUpdate = (to = digest('2')): Update =>
  updateOf({
    file: 'services/api/Dockerfile',
    text: apiDockerfile,
    written: `node:22-slim@${digest('a')}`,
    to,
  });

export const appUpdate = (to = digest('3')): Update =>
  updateOf({
    file: 'services/api/Dockerfile',
    text: apiDockerfile,
    written: 'ghcr.io/org/app:1',
    to,
  });

/** A report holding `updates`, with the base texts of the files they touch. */
export function reportOf(updates: readonly Update[], errors: PinReport['errors'] = []): PinReport {
  const texts: Record<string, string> = {
    Dockerfile: rootDockerfile,
    'services/api/Dockerfile': apiDockerfile,
  };
  const changes: FileChange[] = [...new Set(updates.map((u) => u.site.file))].map((file) => ({
    file: repositoryPath(file),
    before: texts[file] ?? '',
    // As planPins computes it: every update of the file applied to its base text.
    after: applyUpdates(
      texts[file] ?? '',
      updates.filter((u) => u.site.file === file),
    ),
    encoding: 'utf-8',
  }));
  return { sites: [], updates, unchanged: [], skipped: [], errors, changes };
}
