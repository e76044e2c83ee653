import type { ImageSite } from '../dockerfile/index.ts';
import { describeProblem, problemJson, type ManifestProblem } from '../manifests/index.ts';
import { jsonArrayChunks } from '../text/json-chunks.ts';
import { plain, type Paint, type Style } from './colour.ts';

// The `scan` report, apart from ./report.ts so that `scan` loads none of the pin report's modules.

const statusStyle: Record<ImageSite['status'], Style> = {
  pinned: 'green',
  pinnable: 'yellow',
  skipped: 'dim',
  invalid: 'red',
};

/**
 * The `scan --json` contract, `{"sites":[…]}` with repository paths, a chunk at a time for writing as it is
 * made (a 20,000-file scan is 14 MB of JSON).
 */
export function* scanJsonChunks(
  sites: readonly ImageSite[],
  problems: readonly ManifestProblem[] = [],
): Generator<string> {
  yield* jsonArrayChunks('{"sites":', sites, (site) => ({
    file: site.file,
    line: site.line,
    kind: site.kind,
    reference: site.written,
    resolved: site.resolved ?? null,
    status: site.status,
    reason: site.reason ?? null,
  }));
  // Only when a file could not be read, so a scan without warnings keeps its bytes.
  if (problems.length > 0) yield* jsonArrayChunks(',"warnings":', problems, problemJson);
  yield '}';
}

/**
 * One line a site: `file:line kind reference status reason`. The first four
 * fields never contain spaces, so scripts can split on them; what an ARG
 * resolves to comes last, as `(= alpine:3.19)`.
 */
export function scanText(sites: readonly ImageSite[], paint: Paint = plain): string {
  return sites
    .map((site) => {
      const resolved = site.resolved && site.resolved !== site.written ? `(= ${site.resolved})` : '';
      // An empty image (`image: ""`) is still a field: `""`, so the status stays the fourth.
      const reference = site.written === '' ? '""' : site.written;
      const place = `${site.file}:${site.line} ${site.kind} ${reference}`;
      const fields = [place, paint(statusStyle[site.status], site.status), site.reason ?? '', resolved];
      return `${fields.filter(Boolean).join(' ')}\n`;
    })
    .join('');
}

/** One `warning:` line a file that could not be read as its kind: `file:line:column: reason`. */
export function problemLines(problems: readonly ManifestProblem[], paint: Paint = plain): string {
  return problems.map((problem) => `${paint('yellow', 'warning:')} ${describeProblem(problem)}\n`).join('');
}
