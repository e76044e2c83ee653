/**
 * Words of an instruction's arguments, with their positions, and the
 * flag (`--from=x`) and mount option (`type=cache,from=x`) forms built on
 * them. Positions are indices into `Instruction.args`.
 */
import { isGoSpace } from './shell-space.ts';

export interface Word {
  /** The word exactly as written, quotes included. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

/** A value inside a word, without surrounding quotes when it is wholly quoted. */
export interface ValueSpan {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** False when quotes or escapes sit inside the value, so its text is not what a build reads. */
  readonly plain: boolean;
}

export interface Flag {
  /** Lower-cased name without dashes: `from`, `platform`, `mount`. */
  readonly name: string;
  /** Undefined for `--name` without `=`, which BuildKit refuses for every flag that takes a value. */
  readonly value: ValueSpan | undefined;
  /** The whole flag word as written. */
  readonly word: Word;
}

/** Splits at unquoted blanks; quotes and the escape character keep blanks inside a word. */
export function splitWords(args: string, escape: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  let quote = '';
  for (let index = 0; index <= args.length; index++) {
    const char = args[index];
    if (char === undefined || (quote === '' && /[ \t\v\f\r]/.test(char))) {
      if (start !== -1) words.push({ raw: args.slice(start, index), start, end: index });
      start = -1;
      continue;
    }
    if (start === -1) start = index;
    if (char === escape && quote !== "'") index++;
    else if (quote === '' && (char === '"' || char === "'")) quote = char;
    else if (char === quote) quote = '';
  }
  return words;
}

/** Splits at blanks only, as BuildKit does for FROM (`parseStringsWhitespaceDelimited`). */
export function splitBlankWords(args: string): Word[] {
  const words: Word[] = [];
  for (const match of args.matchAll(/[^ \t\v\f\r]+/g)) {
    words.push({ raw: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/**
 * Where the arguments after the leading builder flags start, as BuildKit's
 * `extractBuilderFlags` (parser/split_command.go) reads them: a flag word
 * keeps quoted blanks and escaped characters, `--` alone ends the flags, and
 * a flag that never closes its quote takes the rest of the line.
 */
export function builderFlagsEnd(args: string, escape: string): number {
  let pos = 0;
  for (;;) {
    while (pos < args.length && isGoSpace(args[pos] as string)) pos++;
    if (pos >= args.length) return args.length;
    if (!args.startsWith('--', pos)) return pos;
    const start = pos;
    let quote = '';
    for (; pos < args.length; pos++) {
      const char = args[pos] as string;
      if (quote === '' && isGoSpace(char)) break;
      if (quote === '' && (char === '"' || char === "'")) quote = char;
      else if (quote !== '' && char === quote) quote = '';
      else if (char === escape) pos++;
    }
    if (pos >= args.length) return args.length;
    if (args.slice(start, pos) === '--') return pos;
  }
}

/** The leading `--name[=value]` words; `rest` is the index of the first other word. */
export function leadingFlags(words: readonly Word[]): { flags: Flag[]; rest: number } {
  const flags: Flag[] = [];
  let rest = 0;
  for (; rest < words.length; rest++) {
    const word = words[rest] as Word;
    if (!word.raw.startsWith('--')) break;
    const equals = word.raw.indexOf('=');
    const name = word.raw.slice(2, equals === -1 ? undefined : equals).toLowerCase();
    const value = equals === -1 ? undefined : unquote(word.raw.slice(equals + 1), word.start + equals + 1);
    flags.push({ name, value, word });
  }
  return { flags, rest };
}

/** A value with one pair of surrounding quotes removed; `plain` when nothing else needs unescaping. */
export function unquote(raw: string, start: number): ValueSpan {
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0];
  const inner = quoted ? raw.slice(1, -1) : raw;
  const innerStart = quoted ? start + 1 : start;
  return {
    value: inner,
    start: innerStart,
    end: innerStart + inner.length,
    plain: !/["'\\`]/.test(inner),
  };
}

/**
 * Options of `--mount=type=cache,from=x,…`: comma-separated `key=value`
 * fields (BuildKit reads them as CSV, so a field may be double-quoted).
 * Positions are relative to the start of `mount`.
 */
export function mountOptions(mount: ValueSpan): Map<string, ValueSpan> {
  const options = new Map<string, ValueSpan>();
  let fieldStart = 0;
  let inQuotes = false;
  const text = mount.value;
  for (let index = 0; index <= text.length; index++) {
    const char = text[index];
    if (char === '"') inQuotes = !inQuotes;
    if (char !== undefined && (char !== ',' || inQuotes)) continue;
    const field = unquote(text.slice(fieldStart, index), mount.start + fieldStart);
    const equals = field.value.indexOf('=');
    if (equals > 0) {
      const key = field.value.slice(0, equals).trim().toLowerCase();
      const value = field.value.slice(equals + 1);
      const start = field.start + equals + 1;
      options.set(key, { value, start, end: start + value.length, plain: field.plain && mount.plain });
    }
    fieldStart = index + 1;
  }
  return options;
}
