/**
 * Reading a YAML file with the `yaml` package's parser, which keeps every
 * node's source range: basepin finds scalars here and splices their ranges;
 * it never re-serialises a document.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
  type Scalar,
} from 'yaml';
import type { SourceRange } from '../dockerfile/index.ts';
import type { Lines } from './lines.ts';
import type { ManifestProblem } from './problem.ts';

export type YamlDocument = Document.Parsed;

export type YamlReading =
  | { readonly ok: true; readonly documents: readonly YamlDocument[] }
  | { readonly ok: false; readonly problem: ManifestProblem };

/** Every document of a YAML stream, or the first syntax error as a problem naming its line and column. */
export function readYaml(file: string, text: string, lines: Lines): YamlReading {
  // The parser's own duplicate-key check compares each key with every key before it: minutes for
  // a large values file. `firstDuplicateKey` does the same in one pass.
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(documents)) return { ok: true, documents: [] };
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const { line, column } = lines.position(error.pos[0]);
      const reason = firstLine(error.message);
      return { ok: false, problem: { file, line, column, reason } };
    }
    const duplicate = firstDuplicateKey(document);
    if (duplicate !== undefined) {
      const { line, column } = lines.position(duplicate);
      return { ok: false, problem: { file, line, column, reason: 'Map keys must be unique' } };
    }
  }
  return { ok: true, documents };
}

/** Where the first key that repeats a key of its mapping starts, as the tools that read these files refuse it. */
function firstDuplicateKey(document: YamlDocument): number | undefined {
  let found: number | undefined;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        // `<<` may repeat: each brings in another mapping.
        if (value !== '<<' && seen.has(value)) {
          found = pair.key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(value);
      }
      return undefined;
    },
  });
  return found;
}

function firstLine(message: string): string {
  const line = message.split(/\r?\n/, 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** An alias read as the node it names; `undefined` for a dangling alias. */
export function resolved(document: YamlDocument, node: unknown): Node | undefined {
  let current = node;
  // An alias names an anchor before it, never another alias, but stay bounded on hostile input.
  for (let hops = 0; hops < 8 && isAlias(current); hops++) current = current.resolve(document);
  return isAlias(current) ? undefined : (current as Node | undefined);
}

/**
 * The value of `key` in a mapping: its own pair, else one a merge key
 * (`<<: *base`, `<<: [*a, *b]`) brings in, first match winning as in YAML 1.1.
 * `null` when the key is there with no value, `undefined` when absent.
 */
export function lookup(
  document: YamlDocument,
  map: unknown,
  key: string,
  depth = 0,
): Node | null | undefined {
  const node = resolved(document, map);
  if (!isMap(node) || depth > 8) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key) return (pair.value as Node | null) ?? null;
  }
  for (const pair of node.items) {
    if (!isScalar(pair.key) || pair.key.value !== '<<') continue;
    const merged = resolved(document, pair.value);
    const sources = isSeq(merged) ? merged.items : [merged];
    for (const source of sources) {
      const found = lookup(document, source, key, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The value of `key` in a mapping's own pairs, never one a merge key brings
 * in: a digest is written where it is read, and a merged one belongs to the
 * mapping it was written in. `null` when the key is there with no value.
 */
export function ownValue(document: YamlDocument, map: unknown, key: string): Node | null | undefined {
  const node = resolved(document, map);
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key) return (pair.value as Node | null) ?? null;
  }
  return undefined;
}

/** The keys of a mapping, its own first, then those merge keys bring in. */
export function keysOf(document: YamlDocument, map: unknown, depth = 0): string[] {
  const node = resolved(document, map);
  if (!isMap(node) || depth > 8) return [];
  const keys: string[] = [];
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    if (pair.key.value === '<<') {
      const merged = resolved(document, pair.value);
      for (const source of isSeq(merged) ? merged.items : [merged])
        keys.push(...keysOf(document, source, depth + 1));
    } else keys.push(String(pair.key.value));
  }
  return [...new Set(keys)];
}

/** The items of a sequence (aliases read), or none. */
export function itemsOf(document: YamlDocument, seq: unknown): Node[] {
  const node = resolved(document, seq);
  if (!isSeq(node)) return [];
  return node.items
    .map((item) => resolved(document, item))
    .filter((item): item is Node => item !== undefined);
}

/**
 * What a scalar says as text: a string as is; a number, boolean or null
 * as written (`image: 123` is the repository `123` to the tools that read it).
 */
export function scalarText(node: Scalar, text: string): string {
  if (typeof node.value === 'string') return node.value;
  const [start, end] = node.range ?? [0, 0];
  return text.slice(start, end);
}

/**
 * The range of a scalar's characters in the file, inside its quotes, when
 * they are exactly its value; undefined when the value is written with
 * escapes or folded across lines (no byte-exact edit then).
 */
export function valueRange(node: Scalar, text: string): SourceRange | undefined {
  const [start, end] = node.range ?? [0, 0];
  const source = text.slice(start, end);
  const value = scalarText(node, text);
  switch (node.type) {
    case 'PLAIN':
      // An empty value (`key:`) has no characters to replace: text there would join the key.
      return source === value && start < end ? { start, end } : undefined;
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE':
      return source.slice(1, -1) === value ? { start: start + 1, end: end - 1 } : undefined;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      // One line of content: `|-` then `  nginx:1.27`; the value's trailing line break is the block's.
      const content = value.replace(/\n+$/, '');
      if (content === '' || content.includes('\n')) return undefined;
      const header = source.search(/\r?\n/);
      const at = header === -1 ? -1 : source.indexOf(content, header);
      return at === -1 ? undefined : { start: start + at, end: start + at + content.length };
    }
    default:
      return undefined;
  }
}

export { isAlias, isMap, isScalar, isSeq };
