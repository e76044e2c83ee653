import type { z } from 'zod';
import { readJson } from './read-json.ts';

/**
 * A hidden `<!-- marker {json} -->` block: basepin's state kept in a body on GitHub (a pull request's, the
 * dashboard's). Whoever can edit the body can edit the block, so it is read back through a schema.
 */

export type BlockReading<T> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'valid'; readonly state: T };

/** `<`, `>` and `&` are escaped in the JSON so no value can end the comment early. */
export function renderHiddenBlock(marker: string, value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!-- ${marker} ${json} -->`;
}

/** The block's JSON text checked against `schema`; a reason for a warning when it does not fit, never a throw. */
export function parseHiddenBlock<T>(
  json: string,
  marker: string,
  schema: z.ZodType<T>,
  version: number,
): BlockReading<T> {
  const read = readJson(json, schema);
  if (read.ok) return { kind: 'valid', state: read.value };
  const { problem } = read;
  if (problem.kind === 'syntax') {
    return { kind: 'invalid', reason: `the ${marker} block is ${problem.message}` };
  }
  return {
    kind: 'invalid',
    reason: `the ${marker} block does not match schema v${version}: ${problem.path || '(root)'} ${problem.issue}`,
  };
}
