import { parseDuration, parseHost, parseMirrorUrl, type Mirror, type Parsed } from './values.ts';

// The shape a source turns a setting's text into, and the parsers from a
// shape to a setting's value that ./schema.ts builds its table with.

/** The raw value of a setting after its source turned its text into this shape. */
export type Shape =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'list'; readonly value: readonly string[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'number'; readonly value: number }
  /** host → values, as mirror lines `docker.io=https://…` give them. */
  | { readonly kind: 'pairs'; readonly value: readonly (readonly [string, string])[] };

export type ShapeKind = Shape['kind'];

/** One value, checked item by item for a list. */
export function each<T>(parse: (text: string) => Parsed<T>): (raw: Shape) => Parsed<T[]> {
  return (raw) => {
    const items = raw.kind === 'list' ? raw.value : raw.kind === 'text' ? [raw.value] : [];
    const values: T[] = [];
    for (const item of items) {
      const parsed = parse(item);
      if ('problem' in parsed) return parsed;
      values.push(parsed.value);
    }
    return { value: values };
  };
}

export const text = (raw: Shape): string => (raw.kind === 'text' ? raw.value : String(raw.value));
export const nonEmpty = (item: string): Parsed<string> =>
  item.trim() === '' ? { problem: 'an empty value' } : { value: item };

export function textSetting<T>(parse: (text: string) => Parsed<T>): (raw: Shape) => Parsed<T> {
  return (raw) => parse(text(raw));
}

export function parseMirrors(raw: Shape): Parsed<Record<string, Mirror[]>> {
  if (raw.kind !== 'pairs') return { problem: 'expected HOST=URL pairs' };
  const mirrors: Record<string, Mirror[]> = {};
  for (const [host, url] of raw.value) {
    const parsedHost = parseHost(host);
    if ('problem' in parsedHost) return parsedHost;
    const mirror = parseMirrorUrl(url);
    if ('problem' in mirror) return { problem: `mirror for ${host}: ${mirror.problem}` };
    (mirrors[parsedHost.value] ??= []).push(mirror.value);
  }
  return { value: mirrors };
}

export function parseAliases(raw: Shape): Parsed<Record<string, Mirror>> {
  if (raw.kind !== 'pairs') return { problem: 'expected HOST=URL pairs' };
  const aliases: Record<string, Mirror> = {};
  for (const [host, url] of raw.value) {
    const parsedHost = parseHost(host);
    if ('problem' in parsedHost) return parsedHost;
    if (aliases[parsedHost.value] !== undefined) return { problem: `${host} has more than one alias` };
    const alias = parseMirrorUrl(url);
    if ('problem' in alias) return { problem: `alias for ${host}: ${alias.problem}` };
    aliases[parsedHost.value] = alias.value;
  }
  return { value: aliases };
}

/** At least a second: a shorter deadline would fail healthy registries. */
export function parseDeadline(text: string): Parsed<number> {
  const parsed = parseDuration(text);
  if ('problem' in parsed) return parsed;
  return parsed.value >= 1_000 ? parsed : { problem: `${JSON.stringify(text)} is shorter than 1s` };
}
