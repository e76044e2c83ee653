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

/** Where a block sits in a body: its whole text `[start, end)` and the JSON inside it. */
export interface BlockPlace {
  readonly start: number;
  readonly end: number;
  readonly json: string;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * The first `<!-- marker … -->` block of a body, found the one way for pull requests, the dashboard and
 * replies: spaces around the marker may vary (a person may have edited the body), the block ends at the
 * first `-->` (the JSON escapes `>`, so none is inside it). `unclosed` when it starts but never ends.
 */
export function findHiddenBlock(body: string, marker: string): BlockPlace | 'unclosed' | undefined {
  for (let open = body.indexOf('<!--'); open !== -1; open = body.indexOf('<!--', open + 4)) {
    let at = open + 4;
    while (isSpace(body[at])) at += 1;
    if (!body.startsWith(marker, at) || !isSpace(body[at + marker.length])) continue;
    const jsonStart = at + marker.length;
    const close = body.indexOf('-->', jsonStart);
    if (close === -1) return 'unclosed';
    return { start: open, end: close + 3, json: body.slice(jsonStart, close).trim() };
  }
  return undefined;
}

/** The block of a body read back through its schema: absent, invalid (with a reason for a warning) or valid. */
export function readHiddenBlock<T>(
  body: string,
  marker: string,
  schema: z.ZodType<T>,
  version: number,
): BlockReading<T> {
  const place = findHiddenBlock(body, marker);
  if (place === undefined) return { kind: 'absent' };
  if (place === 'unclosed') return { kind: 'invalid', reason: `the ${marker} block is not closed` };
  return parseHiddenBlock(place.json, marker, schema, version);
}

/** The body with its block replaced by `block`; undefined when it has no whole block (the caller appends). */
export function replaceHiddenBlock(body: string, marker: string, block: string): string | undefined {
  const place = findHiddenBlock(body, marker);
  if (place === undefined || place === 'unclosed') return undefined;
  return body.slice(0, place.start) + block + body.slice(place.end);
}
