import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson, readJson } from '../../src/text/read-json.ts';

const Auth = z.object({ auths: z.record(z.string(), z.object({ auth: z.string() })) });

describe('readJson', () => {
  it('reads text or UTF-8 bytes through the schema', () => {
    const text = '{"auths":{"r.example":{"auth":"dTpw"}}}';
    const expected = { ok: true, value: { auths: { 'r.example': { auth: 'dTpw' } } } };
    expect(readJson(text, Auth)).toEqual(expected);
    expect(readJson(new TextEncoder().encode(text), Auth)).toEqual(expected);
  });

  it('keeps where a syntax error is, and never the text around it', () => {
    const secret = 'hunter2-very-secret';
    const text = `{\n  "auths": {"x": {"auth": ${secret}}}\n}`;
    const reading = readJson(text, Auth);
    expect(reading).toEqual({
      ok: false,
      problem: {
        kind: 'syntax',
        problem: expect.any(String),
        line: 2,
        column: expect.any(Number),
        message: expect.stringMatching(/^not JSON: .+ at line 2, column \d+$/),
      },
    });
    expect(JSON.stringify(reading)).not.toContain('hunter2');
    // JSON.parse itself would have quoted it.
    expect(() => JSON.parse(text)).toThrow('hunter2');
  });

  it('names the path and the schema’s words for a value of the wrong shape', () => {
    expect(readJson('{"auths":{"x":{"auth":42}}}', Auth)).toEqual({
      ok: false,
      problem: {
        kind: 'schema',
        path: 'auths.x.auth',
        issue: expect.stringContaining('expected string'),
        message: expect.stringMatching(/^auths\.x\.auth: .*expected string/),
      },
    });
    expect(readJson('[]', Auth)).toMatchObject({ ok: false, problem: { kind: 'schema', path: '' } });
    expect(readJson('[]', Auth)).toMatchObject({
      problem: { message: expect.stringMatching(/^\(root\): /) },
    });
  });

  it.each(['', '{', '{"a":1,}', 'nul', '"\\x"', '[1 2]'])('%j is a syntax error', (text) => {
    const reading = parseJson(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem.kind).toBe('syntax');
  });
});
