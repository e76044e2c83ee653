/**
 * Parser directives, read twice as BuildKit reads them
 * (moby/buildkit frontend/dockerfile/parser/directives.go):
 * - the parser (`Parse`) takes `# escape=` from the leading comment lines,
 *   each left-trimmed; a `#!` line is an ordinary comment and ends them;
 * - the frontend selection (`DetectSyntax`, used by builder/build.go) skips a
 *   `#!` shebang line, wants `#` in the first column (or `//` when no `#`
 *   form names a syntax), and uses the value up to its first space as the
 *   frontend image; the rest are frontend options.
 * A directive's value is never empty: `# syntax=` is a comment.
 */
import type { SourceRange } from './site.ts';
import { isGoSpace } from './shell-lex.ts';

export interface PhysicalLine {
  /** Offset of the first character (after a BOM on line 1). */
  readonly start: number;
  /** Offset after the last character, before the line's trailing `\r`s and `\n`. */
  readonly end: number;
}

/** The `# syntax=` frontend image: the value's first space-separated part. */
export interface SyntaxDirective {
  readonly value: string;
  readonly range: SourceRange;
  /** 1-based line. */
  readonly line: number;
}

const knownDirectives = new Set(['syntax', 'escape', 'check']);
// directives.go `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, Go's `\s` and `.` spelled out.
const directivePattern = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/d;

interface Parsed {
  readonly name: string;
  readonly value: string;
  /** Offset of the value within the line. */
  readonly at: number;
}

/** `DirectiveParser.ParseLine` after the comment prefix: a known `name=value`, or undefined. */
function parseDirective(line: string, prefix: string): Parsed | undefined {
  if (!line.startsWith(prefix)) return undefined;
  let from = prefix.length;
  while (from < line.length && isGoSpace(line[from] as string)) from++;
  const match = directivePattern.exec(line.slice(from));
  const name = match?.[1]?.toLowerCase();
  const value = match?.[2];
  const indices = match?.indices?.[2];
  if (name === undefined || value === undefined || !indices || !knownDirectives.has(name)) return undefined;
  return { name, value, at: from + indices[0] };
}

/** The escape character the parser uses: `# escape=` among the leading directive lines. */
export function parserEscape(lines: readonly PhysicalLine[], text: string): string {
  const seen = new Set<string>();
  for (const line of lines) {
    let raw = text.slice(line.start, line.end);
    let from = 0;
    while (from < raw.length && isGoSpace(raw[from] as string)) from++;
    raw = raw.slice(from);
    const directive = parseDirective(raw, '#');
    // A repeated directive or a bad escape value fails BuildKit's parse; the default is the best guess.
    if (!directive || seen.has(directive.name)) break;
    seen.add(directive.name);
    if (directive.name === 'escape') return directive.value === '`' ? '`' : '\\';
  }
  return '\\';
}

/** The frontend image named by `# syntax=` (or `//syntax=`), as `DetectSyntax` finds it. */
export function detectSyntax(lines: readonly PhysicalLine[], text: string): SyntaxDirective | undefined {
  const lineText = (index: number): string => {
    const line = lines[index] as PhysicalLine;
    return text.slice(line.start, line.end);
  };
  const first = lines.length > 0 && lineText(0).startsWith('#!') ? 1 : 0;
  for (const prefix of ['#', '//']) {
    const seen = new Set<string>();
    for (let index = first; index < lines.length; index++) {
      const directive = parseDirective(lineText(index), prefix);
      if (!directive || seen.has(directive.name)) break;
      seen.add(directive.name);
      if (directive.name !== 'syntax') continue;
      const space = directive.value.indexOf(' ');
      const value = space === -1 ? directive.value : directive.value.slice(0, space);
      if (value === '') return undefined;
      const start = (lines[index] as PhysicalLine).start + directive.at;
      return { value, range: { start, end: start + value.length }, line: index + 1 };
    }
  }
  return undefined;
}
