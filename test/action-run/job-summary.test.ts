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
