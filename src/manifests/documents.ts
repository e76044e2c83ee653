/**
 * The documents of a YAML stream, found by their `---` lines without
 * parsing: a large Kubernetes bundle is mostly documents that name no image
 * (CRDs, RBAC), and only those that may are parsed.
 */
import type { SourceRange } from '../dockerfile/index.ts';

/**
 * Where each document starts and ends. A line starting with `---` and a
 * blank (or nothing) always starts a document: YAML forbids that line inside
 * any content. With directives (`%YAML`) the stream is one part, read whole.
 */
export function documentParts(text: string): SourceRange[] {
  if (/^%/m.test(text)) return [{ start: 0, end: text.length }];
  const parts: SourceRange[] = [];
  let start = 0;
  for (const match of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) {
    if (match.index > start) parts.push({ start, end: match.index });
    start = match.index;
  }
  parts.push({ start, end: text.length });
  return parts;
}
