import { describe, expect, it } from 'vitest';
import { InvalidSiteError } from '../../src/update/failure.ts';
import type { PinReport } from '../../src/update/pin-report.ts';
import { pinReportJsonChunks, updatesJson } from '../../src/pipeline/report-json.ts';
import { scanJsonChunks } from '../../src/cli/scan-report.ts';
import { extractImageSites } from '../../src/dockerfile/index.ts';
import { RegistryError } from '../../src/registry/index.ts';
import { movedTo, updateOf } from '../support/update.ts';

// `--json` is written a chunk at a time (so a 20,000-file run keeps its memory bounded); the text must be the one JSON.stringify made.

const digest = (c: string) => `sha256:${c.repeat(64)}`;

function report(updates: number): PinReport {
  return {
    sites: [],
    updates: Array.from({ length: updates }, (_, i) => {
      const written = `registry.example/team/svc-${i}:1.${i % 3}${i % 2 ? `@${digest('a')}` : ''}`;
      const update = updateOf(
        { file: 'Dockerfile', text: `FROM ${written}\n`, written, to: digest('b') },
        i % 5 === 0 ? { fromMirror: 'mirror.example' } : {},
      );
      // A path with a quote and a line separator: the chunks must escape as JSON.stringify does.
      return movedTo(update, `svc-${i}/"quoted" \u2028/Dockerfile`, i + 1);
    }),
    unchanged: [{ file: 'Dockerfile', line: 4, kind: 'from', reference: `alpine:3.20@${digest('c')}` }],
    skipped: [
      {
        file: 'Dockerfile',
        line: 5,
        kind: 'from',
        reference: '${BASE}',
        reason: 'the image comes from an ARG',
      },
    ],
    errors: [
      {
        file: 'a/Dockerfile',
        line: 1,
        reference: 'Alpine',
        error: new InvalidSiteError('repository name must be lowercase'),
      },
      {
        file: 'b/Dockerfile',
        line: 2,
        reference: 'gone:1',
        error: new RegistryError({
          status: 404,
          code: 'MANIFEST_UNKNOWN',
          retryable: false,
          message: 'no such tag\nsecond line',
        }),
      },
    ],
    changes: [],
    dockerHubPulls: 3,
  };
}

describe('pin --json in chunks', () => {
  it.each([0, 1, 999, 1000, 1001, 2500])(
    'is compact JSON holding every entry in order, as JSON.stringify would write it (%i updates)',
    (count) => {
      const text = [...pinReportJsonChunks(report(count))].join('');
      const parsed = JSON.parse(text) as Record<string, unknown[]>;
      expect(JSON.stringify(parsed)).toBe(text);
      expect(Object.keys(parsed)).toEqual(['updates', 'unchanged', 'skipped', 'errors', 'dockerHubPulls']);
      expect(parsed['updates']).toEqual(updatesJson(report(count)));
      expect([parsed['unchanged']?.length, parsed['skipped']?.length, parsed['errors']?.length]).toEqual([
        1, 1, 2,
      ]);
    },
  );

  it('writes a large report in several chunks, each ending between entries', () => {
    const chunks = [...pinReportJsonChunks(report(2500))];
    expect(chunks.length).toBeGreaterThan(3);
    // Every chunk boundary falls outside a JSON string: the redactor sees each value whole.
    let text = '';
    for (const chunk of chunks.slice(0, -1)) {
      text += chunk;
      expect(insideString(text)).toBe(false);
    }
    const parsed = JSON.parse(chunks.join('')) as {
      updates: unknown[];
      errors: { code: string; error: string }[];
    };
    expect(parsed.updates).toHaveLength(2500);
    expect(parsed.errors.map((error) => error.code)).toEqual(['INVALID_REFERENCE', 'MANIFEST_UNKNOWN']);
    expect(parsed.errors[1]?.error).toContain('no such tag');
  });
});

describe('scan --json in chunks', () => {
  it('is the JSON it was before chunking', () => {
    const sites = extractImageSites('Dockerfile', 'ARG V=3.19\nFROM alpine:${V}\nFROM ${X}\nFROM Alpine\n');
    const before = JSON.stringify({
      sites: sites.map((site) => ({
        file: site.file,
        line: site.line,
        kind: site.kind,
        reference: site.written,
        resolved: site.resolved ?? null,
        status: site.status,
        reason: site.reason ?? null,
      })),
    });
    expect([...scanJsonChunks(sites)].join('')).toBe(before);
    expect([...scanJsonChunks([])].join('')).toBe('{"sites":[]}');
  });
});

/** Whether the JSON text so far ends inside a string literal. */
function insideString(text: string): boolean {
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && inside) i++;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}
