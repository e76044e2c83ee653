/**
 * Where a digest goes when it has a key of its own: the value of an existing
 * `digest:` key (inside its quotes, so the key keeps its quoting), or a new
 * `digest:` key appended to a mapping with the mapping's indentation and line
 * ending.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { DigestKey, SourceRange } from '../dockerfile/index.ts';

export interface DigestTarget {
  readonly range: SourceRange;
  readonly key: DigestKey;
  /** The digest written there now; empty when none. */
  readonly current: string;
}

const inPlace: DigestKey = { before: '', after: '' };

/** The value of an existing `digest:` key; undefined when it is not a one-line scalar. */
export function existingDigest(value: Node | null, text: string): DigestTarget | undefined {
  if (!isScalar(value) || !value.range) return undefined;
  const [start, end] = value.range;
  const current = typeof value.value === 'string' ? value.value : '';
  switch (value.type) {
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE':
      return { range: { start: start + 1, end: end - 1 }, key: inPlace, current };
    case 'PLAIN':
      // `digest:` with no value (maybe a comment): the digest goes right after the colon, so the
      // blanks before a comment stay and keep it a comment.
      if (start === end) {
        let colon = start - 1;
        while (text[colon] === ' ' || text[colon] === '\t') colon--;
        if (text[colon] !== ':') return undefined;
        return { range: { start: colon + 1, end: colon + 1 }, key: { before: ' ', after: '' }, current };
      }
      // `digest: ~` / `digest: null` is replaced; `digest: sha256:…` refreshed.
      return { range: { start, end }, key: inPlace, current };
    default:
      return undefined;
  }
}

/** A new `digest:` key at the end of a mapping; undefined for a mapping with no pairs. */
export function newDigestKey(map: Node, text: string): DigestTarget | undefined {
  if (!isMap(map) || map.items.length === 0) return undefined;
  const last = map.items.at(-1);
  const lastNode = (last?.value ?? last?.key) as Node | null | undefined;
  const lastEnd = lastNode?.range?.[1];
  if (lastEnd === undefined) return undefined;
  if (map.flow)
    return { range: { start: lastEnd, end: lastEnd }, key: { before: ', digest: ', after: '' }, current: '' };
  const firstKey = map.items[0]?.key as Node | null | undefined;
  const keyStart = firstKey?.range?.[0];
  if (keyStart === undefined) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', keyStart - 1), text.lastIndexOf('\r', keyStart - 1)) + 1;
  // `- name: x`: the entry's keys sit after the dash, so the new key's indentation is that column.
  const indent = ' '.repeat(keyStart - lineStart);
  let point = lastEnd;
  while (point < text.length && text[point] !== '\n' && text[point] !== '\r') point++;
  return {
    range: { start: point, end: point },
    key: { before: `${lineEnding(text, point)}${indent}digest: `, after: '' },
    current: '',
  };
}

/** The line ending at `point`, else the file's first one, else `\n`. */
function lineEnding(text: string, point: number): string {
  if (text.startsWith('\r\n', point)) return '\r\n';
  if (text[point] === '\n') return '\n';
  if (text[point] === '\r') return '\r';
  const first = /\r\n|\n|\r/.exec(text);
  return first ? first[0] : '\n';
}
