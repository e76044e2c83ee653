import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/action-run/job-summary.ts';
import type { PinReport } from '../../src/update/pin-report.ts';
import { pinReportJsonChunks } from '../../src/pipeline/report-json.ts';
import { errorLines } from '../../src/cli/report.ts';
import { RegistryError } from '../../src/registry/errors.ts';
import { errorFromResponse } from '../../src/registry/response-error.ts';
import { createRedactor, minSecretLength } from '../../src/text/redactor.ts';
import { untrustedMarkdown } from '../../src/text/markdown.ts';
import { quoteUntrusted, untrustedText } from '../../src/text/untrusted.ts';

/** A run whose one failure carries `text` as the registry's message, and whose one skip carries it as the reason. */
function reportWith(text: string): PinReport {
  const error = new RegistryError({ status: 403, code: 'DENIED', retryable: false, message: text });
  return {
    sites: [],
    updates: [],
    unchanged: [],
    skipped: [{ file: 'Dockerfile', line: 2, kind: 'from', reference: 'b:1', reason: text }],
    errors: [{ file: 'Dockerfile', line: 1, reference: 'a:1', error }],
    changes: [],
  };
}

/** How a string can leave basepin: each formatter, and each pair of them. */
const formatters: Readonly<Record<string, (text: string) => string>> = {
  plain: (text) => text,
  'registry error body': (text) =>
    errorFromResponse(
      {
        status: 403,
        headers: new Headers(),
        url: new URL('https://registry.example/v2/'),
        body: new TextEncoder().encode(JSON.stringify({ errors: [{ code: 'DENIED', message: text }] })),
      },
      'HEAD registry.example/app:1',
    ).message,
  'registry error': (text) =>
    new RegistryError({ status: 0, code: 'X', retryable: false, message: text }).message,
  'untrusted text': (text) => untrustedText(text),
  'capped text': (text) => untrustedText(text, 40),
  quoted: (text) => quoteUntrusted(text),
  markdown: (text) => untrustedMarkdown(text),
  json: (text) => JSON.stringify({ error: text }),
  'url query': (text) => new URLSearchParams({ q: text }).toString(),
  'uri component': (text) => encodeURIComponent(text),
  'cli error lines': (text) => errorLines(reportWith(text).errors),
  'cli --json': (text) => [...pinReportJsonChunks(reportWith(text))].join(''),
  'job summary': (text) => renderJobSummary(reportWith(text), [], false),
};
const names = Object.keys(formatters);
const chains = [...names.map((a) => [a]), ...names.flatMap((a) => names.map((b) => [a, b]))];

// Secrets are not whitespace: a password of four spaces would survive as the spaces around every word.
const secretArb = fc
  .string({ minLength: minSecretLength, maxLength: 48, unit: 'grapheme' })
  .filter((secret) => secret.replace(/\s/g, '').length >= minSecretLength);
const contextArb = fc.string({ maxLength: 60, unit: 'grapheme-ascii' });

/** Every substring of `text` of at least `length` code units. */
function pieces(text: string, length: number): string[] {
  const out: string[] = [];
  for (let start = 0; start + length <= text.length; start += 1) out.push(text.slice(start, start + length));
  return out;
}

describe('the redactor', () => {
  it('masks a password, its base64 user:password, and tokens', () => {
    const redactor = createRedactor();
    redactor.addCredential('u5203', 'hunter2-secret');
    redactor.add('eyJhbGciOi.payload.signature');
    const basic = Buffer.from('u5203:hunter2-secret').toString('base64');
    expect(
      redactor.redact(
        `403 DENIED: credentials Basic ${basic}; pw=hunter2-secret; Bearer eyJhbGciOi.payload.signature`,
      ),
    ).toBe('403 DENIED: credentials Basic ***; pw=***; Bearer ***');
  });

  it('masks the start of a secret that a length cap cut off', () => {
    const redactor = createRedactor();
    const basic = Buffer.from('someone:a-long-password-here').toString('base64');
    redactor.add(basic);
    const capped = untrustedText(`denied: Basic ${basic}`, 20);
    expect(capped).toMatch(/…$/);
    expect(redactor.redact(capped)).toBe('denied: Basic ***…');
  });

  it('ignores secrets too short to mask without mangling everything', () => {
    const redactor = createRedactor();
    redactor.add('abc');
    expect(redactor.redact('abc def')).toBe('abc def');
  });

  it('lets no secret survive any formatter or pair of formatters (property)', () => {
    fc.assert(
      fc.property(
        secretArb,
        contextArb,
        contextArb,
        fc.constantFrom(...chains),
        fc.boolean(),
        (secret, before, after, chain, asBasic) => {
          const redactor = createRedactor();
          let leaked = secret;
          if (asBasic) {
            redactor.addCredential('user', secret);
            leaked = Buffer.from(`user:${secret}`).toString('base64');
          } else {
            redactor.add(secret);
          }
          const output = redactor.redact(
            chain.reduce((text, name) => formatters[name]!(text), `${before}${leaked}${after}`),
          );
          // The reader sees neither the secret as it was…
          expect(output).not.toContain(leaked);
          // …nor a long piece of it as sanitising and escaping made it.
          const plain = untrustedText(leaked, 10_000);
          const escaped = [
            plain,
            JSON.stringify(plain).slice(1, -1),
            encodeURIComponent(plain),
            new URLSearchParams({ q: plain }).toString().slice(2),
            untrustedMarkdown(plain, 10_000),
          ];
          for (const form of escaped) {
            for (const piece of pieces(form, Math.max(12, Math.ceil(form.length * 0.75))))
              expect(output).not.toContain(piece);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
