/**
 * A small Dockerfile lexer that keeps every character's source offset.
 * It follows BuildKit's parser (frontend/dockerfile/parser/parser.go):
 * directives only at the very top, comment and empty lines skipped inside
 * continuations, the continuation is the escape character plus optional
 * trailing blanks, heredoc bodies follow the instruction that opens them.
 * https://docs.docker.com/reference/dockerfile/#parser-directives
 */
import type { SourceRange } from './site.ts';
import { splitWords } from './words.ts';

export interface PhysicalLine {
  /** Offset of the first character (after a BOM on line 1). */
  readonly start: number;
  /** Offset after the last character, before `\r\n` or `\n`. */
  readonly end: number;
}

export interface Directive {
  /** Lower-cased name: `syntax`, `escape`, `check`. */
  readonly name: string;
  readonly value: string;
  readonly valueRange: SourceRange;
}

export interface Instruction {
  /** Upper-cased keyword, `FROM`. */
  readonly keyword: string;
  /** 1-based line of the keyword. */
  readonly line: number;
  /** Everything after the keyword, continuations joined, ends trimmed. */
  readonly args: string;
  /** Source offset of each character of `args`. */
  readonly offsets: readonly number[];
  /** Heredoc bodies read after the instruction (never sites; scanned for ARG uses). */
  readonly heredocs: readonly string[];
}

export interface LexedDockerfile {
  readonly directives: readonly Directive[];
  readonly escape: string;
  readonly instructions: readonly Instruction[];
  readonly lineStarts: readonly number[];
}

const knownDirectives = new Set(['syntax', 'escape', 'check']);
const directivePattern = /^[ \t]*#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const blank = /^[ \t\v\f\r]$/;
const heredocCommands = new Set(['RUN', 'COPY', 'ADD']);
// BuildKit's heredoc word: optional fd, `<<`, optional `-`, a name without `<`.
const heredocWordPattern = /^\d*<<(-?)([^<]+)$/;

export function lexDockerfile(text: string): LexedDockerfile {
  const lines = splitLines(text);
  const lineText = (index: number): string => {
    const line = lines[index] as PhysicalLine;
    return text.slice(line.start, line.end);
  };
  const { directives, next } = readDirectives(lines, lineText);
  const escapeDirective = directives.find((d) => d.name === 'escape')?.value;
  const escape = escapeDirective === '`' ? '`' : '\\';
  const continuation = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*$`);

  const instructions: Instruction[] = [];
  let index = next;
  while (index < lines.length) {
    const first = lineText(index);
    if (isCommentOrBlank(first)) {
      index++;
      continue;
    }
    const startLine = index;
    let chars = '';
    const offsets: number[] = [];
    const append = (lineIndex: number, from: number, to: number): void => {
      const line = lines[lineIndex] as PhysicalLine;
      chars += text.slice(line.start + from, line.start + to);
      for (let k = from; k < to; k++) offsets.push(line.start + k);
    };
    const leading = leadingBlanks(first);
    let match = continuation.exec(first);
    append(index, leading, match ? match.index : first.length);
    index++;
    while (match && index < lines.length) {
      const raw = lineText(index);
      if (isCommentOrBlank(raw)) {
        index++;
        continue;
      }
      match = continuation.exec(raw);
      append(index, 0, match ? match.index : raw.length);
      index++;
    }
    const instruction = splitKeyword(chars, offsets, startLine + 1);
    if (!instruction) continue;
    const heredocs: string[] = [];
    if (heredocCommands.has(instruction.keyword)) {
      for (const heredoc of heredocNames(instruction.args, escape)) {
        const body: string[] = [];
        while (index < lines.length) {
          const raw = lineText(index++);
          if ((heredoc.stripTabs ? raw.replace(/^\t+/, '') : raw) === heredoc.name) break;
          body.push(raw);
        }
        heredocs.push(body.join('\n'));
      }
    }
    instructions.push({ ...instruction, heredocs });
  }
  return { directives, escape, instructions, lineStarts: lines.map((line) => line.start) };
}

/** 1-based line of a source offset. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Lines split at `\n`, a `\r` before it dropped, as Go's bufio.ScanLines does. */
function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Directives are the leading `# name=value` lines with known names; anything else ends them. */
function readDirectives(
  lines: readonly PhysicalLine[],
  lineText: (index: number) => string,
): { directives: Directive[]; next: number } {
  const directives: Directive[] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const raw = lineText(index);
    const match = directivePattern.exec(raw);
    const name = match?.[1]?.toLowerCase();
    if (!match || name === undefined || !knownDirectives.has(name)) break;
    if (directives.some((d) => d.name === name)) break;
    const value = match[2] ?? '';
    const trailing = raw.length - raw.replace(/[ \t]*$/, '').length;
    const start = (lines[index] as PhysicalLine).start + raw.length - trailing - value.length;
    directives.push({ name, value, valueRange: { start, end: start + value.length } });
  }
  return { directives, next: index };
}

function isCommentOrBlank(line: string): boolean {
  const trimmed = line.slice(leadingBlanks(line));
  return trimmed === '' || trimmed.startsWith('#');
}

/** Go's parser trims only ASCII blanks; JavaScript's trim would also eat U+FEFF and U+00A0. */
function leadingBlanks(line: string): number {
  return /^[ \t\v\f\r]*/.exec(line)?.[0].length ?? 0;
}

function splitKeyword(
  chars: string,
  offsets: number[],
  line: number,
): Omit<Instruction, 'heredocs'> | undefined {
  const keyword = /^[^ \t\v\f\r]+/.exec(chars)?.[0];
  if (keyword === undefined) return undefined;
  let from = keyword.length;
  while (from < chars.length && blank.test(chars[from] as string)) from++;
  let to = chars.length;
  while (to > from && blank.test(chars[to - 1] as string)) to--;
  return {
    keyword: keyword.toUpperCase(),
    line,
    args: chars.slice(from, to),
    offsets: offsets.slice(from, to),
  };
}

/**
 * Heredoc delimiters named in an instruction's words, in order (`<<EOF`,
 * `<<-"EOT"`). Words are read with quotes removed, as BuildKit's shell
 * lexer does, so `["sh", "-c", "cat <<EOF"]` opens no heredoc.
 */
function heredocNames(args: string, escape: string): { name: string; stripTabs: boolean }[] {
  const names: { name: string; stripTabs: boolean }[] = [];
  for (const word of splitWords(args, escape)) {
    const match = heredocWordPattern.exec(word.raw.replace(/["']/g, ''));
    const name = match?.[2];
    if (match && name) names.push({ name, stripTabs: match[1] === '-' });
  }
  return names;
}
