/**
 * JSON text read into a typed value: `JSON.parse`, then a schema, with the
 * reason kept when either fails. One place for the pattern every adapter
 * needs (registry replies, credentials files, state blocks, manifests).
 * A syntax error says where and what in our own words (`json-syntax.ts`),
 * never the text around it: in a credentials file or a token reply that
 * text is a secret, and `JSON.parse`'s own message quotes it.
 */
import { findJsonSyntaxError } from './json-syntax.ts';

export type JsonProblem =
  | {
      readonly kind: 'syntax';
      /** What breaks the grammar, in our words (`expected ,`). */
      readonly problem: string;
      /** 1-based; undefined when the grammar checker and `JSON.parse` disagree. */
      readonly line: number | undefined;
      readonly column: number | undefined;
      /** `not JSON: expected , at line 1, column 9`. */
      readonly message: string;
    }
  | {
      readonly kind: 'schema';
      /** Dotted path of the first mismatch (`auths.x.auth`); empty for the root. */
      readonly path: string;
      /** The schema's words for it. */
      readonly issue: string;
      /** `auths.x.auth: Invalid input: expected string, received number`. */
      readonly message: string;
    };

export type JsonReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: JsonProblem };

/** What a zod schema offers (structurally, so this core module needs no schema library). */
export interface JsonSchema<T> {
  safeParse(value: unknown):
    | { readonly success: true; readonly data: T }
    | {
        readonly success: false;
        readonly error: { readonly issues: readonly { message: string; path: readonly PropertyKey[] }[] };
      };
}

const decoder = new TextDecoder();

/** The JSON value of a text (bytes are read as UTF-8), or where it breaks. */
export function parseJson(input: string | Uint8Array): JsonReading<unknown> {
  const text = typeof input === 'string' ? input : decoder.decode(input);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // No cause kept: JSON.parse's message quotes the text.
    const where = findJsonSyntaxError(text);
    const problem = where?.problem ?? 'unreadable';
    const at = where ? ` at line ${where.line}, column ${where.column}` : '';
    return {
      ok: false,
      problem: {
        kind: 'syntax',
        problem,
        line: where?.line,
        column: where?.column,
        message: `not JSON: ${problem}${at}`,
      },
    };
  }
}

/** The value of a JSON text checked against `schema`, or the first reason it is not one. Never throws. */
export function readJson<T>(input: string | Uint8Array, schema: JsonSchema<T>): JsonReading<T> {
  const parsed = parseJson(input);
  if (!parsed.ok) return parsed;
  const checked = schema.safeParse(parsed.value);
  if (checked.success) return { ok: true, value: checked.data };
  const first = checked.error.issues[0];
  const path = first?.path.map(String).join('.') ?? '';
  const issue = first?.message ?? 'does not match';
  return { ok: false, problem: { kind: 'schema', path, issue, message: `${path || '(root)'}: ${issue}` } };
}
