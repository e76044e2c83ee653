import { describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/action-run/job-summary.ts';
import type { PinReport } from '../../src/update/pin-report.ts';
import { RegistryError } from '../../src/registry/index.ts';
import { errorFromResponse } from '../../src/registry/response-error.ts';

// A registry's words reach the job summary as text, never as markup.

function reportWith(error: RegistryError, reason: string): PinReport {
  return {
    sites: [],
    updates: [],
    unchanged: [],
    skipped: [{ file: 'Dockerfile', line: 2, kind: 'from', reference: 'b:1', reason }],
    errors: [{ file: 'Dockerfile', line: 1, reference: 'evil.example/app:1', error }],
    changes: [],
  };
}

describe('the job summary quotes registry text as text', () => {
  it('escapes tags, links, hidden comments and code spans in failure messages and codes', () => {
    const hostile =
      '<img src=https://evil.example/p.png> [click](https://evil.example) <!-- basepin-state --> `x`';
    const error = errorFromResponse(
      {
        status: 403,
        headers: new Headers(),
        url: new URL('https://evil.example/v2/'),
        body: new TextEncoder().encode(
          JSON.stringify({ errors: [{ code: 'X`</details>', message: hostile }] }),
        ),
      },
      'GET evil.example/app:1',
    );
    const summary = renderJobSummary(reportWith(error, `skipped: ${hostile}`), [], false);
    const leftAlone = summary.slice(summary.indexOf('<summary>'));
    expect(leftAlone).not.toMatch(/<img|<!--|\]\(https|<\/details>.*<\/details>/s);
    // `:` is escaped too, so no autolink can form.
    expect(leftAlone).toContain('&lt;img src=https\\://evil\\.example/p\\.png&gt;');
    expect(leftAlone).toContain('\\[click\\]\\(https\\://evil\\.example\\)');
    expect(leftAlone).toContain('(`DENIED`)');
    expect(summary.match(/<\/details>/g)).toHaveLength(1);
  });

  it('keeps a plain message readable', () => {
    const error = new RegistryError({
      status: 404,
      code: 'MANIFEST_UNKNOWN',
      retryable: false,
      message: 'not found',
    });
    expect(renderJobSummary(reportWith(error, 'digest-only'), [], false)).toContain(
      '- Dockerfile:1 `evil.example/app:1`: not found (`MANIFEST_UNKNOWN`)',
    );
  });
});

describe('the job summary sums up a host that could not be reached', () => {
  it('shows why at its first reference and counts the others in one line; other failures stay', () => {
    const down = (message: string) =>
      new RegistryError({
        status: 0,
        code: 'NETWORK_ERROR',
        retryable: false,
        message,
        unreachable: 'gcr.io',
      });
    const notFound = new RegistryError({
      status: 404,
      code: 'MANIFEST_UNKNOWN',
      retryable: false,
      message: 'nope',
    });
    const report: PinReport = {
      ...reportWith(notFound, 'digest-only'),
      skipped: [],
      errors: [
        { file: 'Dockerfile', line: 1, reference: 'gcr.io/a:1', error: down('host not found: gcr.io') },
        { file: 'Dockerfile', line: 2, reference: 'ghcr.io/b:1', error: notFound },
        ...[3, 4, 5].map((line) => ({
          file: 'Dockerfile',
          line,
          reference: `gcr.io/c${line}:1`,
          error: down('gcr.io could not be reached earlier in this run (host not found: gcr.io)'),
        })),
      ],
    };
    const summary = renderJobSummary(report, [], false);
    const items = summary.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toEqual([
      '- Dockerfile:1 `gcr.io/a:1`: host not found\\: gcr\\.io (`NETWORK_ERROR`)',
      '- Dockerfile:2 `ghcr.io/b:1`: nope (`MANIFEST_UNKNOWN`)',
      '- gcr\\.io unreachable\\: 3 references not checked',
    ]);
  });
});
