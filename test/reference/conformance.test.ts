import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BadReferenceError, parseImageReference, parseReference } from '../../src/reference/index.ts';

// Vectors from distribution/reference's own tests (test/fixtures/reference/README.md).
const vectorsPath = fileURLToPath(new URL('../fixtures/reference/references.json', import.meta.url));

interface Vector {
  input: string;
  valid: boolean;
  error?: string;
  note?: string;
  name?: string;
  domain?: string;
  path?: string;
  tag?: string;
  digest?: string;
  familiar?: string;
  string?: string;
  familiar_string?: string;
}
const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8')) as { parse: Vector[]; normalize: Vector[] };

// Upstream fails this one only because its test binary registers no sha512;
// the OCI spec registers sha512, so basepin accepts a well-formed one.
const acceptsSha512 = (v: Vector) => v.input.startsWith('validname@sha512:');

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadReferenceError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('parse vectors (reference.Parse)', () => {
  it.each(vectors.parse.filter((v) => !acceptsSha512(v)).map((v) => [v.input.slice(0, 60), v] as const))(
    '%s',
    (_label, v) => {
      if (!v.valid) {
        expect(codeOf(() => parseReference(v.input))).toBe(v.error);
        return;
      }
      const parsed = parseReference(v.input);
      if (v.name !== undefined) expect(parsed.name).toBe(v.name);
      if (v.domain !== undefined) expect(parsed.domain).toBe(v.domain);
      if (v.path !== undefined) expect(parsed.path).toBe(v.path);
      if (v.tag !== undefined) expect(parsed.tag ?? '').toBe(v.tag);
      if (v.digest !== undefined) expect(parsed.digest ?? '').toBe(v.digest);
    },
  );

  it('accepts a well-formed sha512 digest (registered by the OCI image spec)', () => {
    const v = vectors.parse.find(acceptsSha512)!;
    expect(parseReference(v.input).digest).toMatch(/^sha512:f{128}$/);
  });
});

describe('normalize vectors (ParseNormalizedNamed)', () => {
  it.each(vectors.normalize.map((v) => [v.input.slice(0, 60), v] as const))('%s', (_label, v) => {
    if (!v.valid) {
      expect(codeOf(() => parseImageReference(v.input))).toBe(v.error);
      return;
    }
    const ref = parseImageReference(v.input);
    if (v.name !== undefined) expect(ref.name).toBe(v.name);
    if (v.domain !== undefined) expect(ref.domain).toBe(v.domain);
    if (v.path !== undefined) expect(ref.path).toBe(v.path);
    if (v.familiar !== undefined) expect(ref.familiarName).toBe(v.familiar);
    if (v.string !== undefined) expect(ref.fullString).toBe(v.string);
    if (v.familiar_string !== undefined) expect(ref.familiarString).toBe(v.familiar_string);
    if (v.tag !== undefined) expect(ref.tag ?? '').toBe(v.tag);
    if (v.digest !== undefined) expect(ref.digest ?? '').toBe(v.digest);
  });
});
