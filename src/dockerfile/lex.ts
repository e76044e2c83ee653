/**
 * A small Dockerfile lexer that keeps every character's source offset.
 * It follows BuildKit's parser (frontend/dockerfile/parser/parser.go):
 * comment and blank lines skipped, also inside continuations; a line
 * continues when it ends with the escape character (then only spaces and
 * tabs) that is not itself escaped; heredoc bodies follow the instruction
 * that opens them (`./heredoc.ts` decides which do); directives are read by
 * `./directives.ts`, as the parser and the frontend selection read them.
 * https://docs.docker.com/reference/dockerfile/#parser-directives
 */
import { detectSyntax, parserEscape, type PhysicalLine, type SyntaxDirective } from './directives.ts';
import { heredocMarkers } from './heredoc.ts';
import { isGoSpace } from './shell-lex.ts';

export type { PhysicalLine, SyntaxDirective } from './directives.ts';

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
  /** The frontend image `# syntax=` names, when BuildKit would use it. */
  readonly syntax: SyntaxDirective | undefined;
  readonly escape: string;
  readonly instructions: readonly Instruction[];
  readonly lineStarts: readonly number[];
  /**
   * A heredoc that the end of the file reached before its terminator line: BuildKit refuses the file
   * ("unterminated heredoc"), and every line after the opener was read as its body (a FROM there too).
   */
  readonly unterminatedHeredoc: UnterminatedHeredoc | undefined;
}

export interface UnterminatedHeredoc {
  /** The line of the instruction that opened it. */
  readonly line: number;
  /** The terminator it waited for (`EOF`, or `4))` for `$((1 << 4))`). */
  readonly name: string;
}

const blank = /^[ \t\v\f\r]$/;

export function lexDockerfile(text: string): LexedDockerfile {
  const lines = splitLines(text);
  const lineText = (index: number): string => {
    const line = lines[index] as PhysicalLine;
    return text.slice(line.start, line.end);
  };
  const escape = parserEscape(lines, text);
  const isContinued = (line: string): number | undefined => continuationAt(line, escape);

  const instructions: Instruction[] = [];
  let unterminatedHeredoc: UnterminatedHeredoc | undefined;
  // Directive lines are comments to the instruction reader.
  let index = 0;
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
    let cut = isContinued(first);
    append(index, leading, cut ?? first.length);
    index++;
    while (cut !== undefined && index < lines.length) {
      const raw = lineText(index);
      if (isCommentOrBlank(raw)) {
        index++;
        continue;
      }
      cut = isContinued(raw);
      append(index, 0, cut ?? raw.length);
      index++;
    }
    // A bare continuation followed by nothing is still an (empty, unknown) instruction to BuildKit.
    const instruction = splitKeyword(chars, offsets, startLine + 1);
    const heredocs: string[] = [];
    for (const heredoc of heredocMarkers(instruction.keyword, instruction.args, escape)) {
      const body: string[] = [];
      let closed = false;
      while (index < lines.length) {
        const raw = lineText(index++);
        closed = (heredoc.stripTabs ? raw.replace(/^\t+/, '') : raw) === heredoc.name;
        if (closed) break;
        body.push(raw);
      }
      if (!closed) unterminatedHeredoc ??= { line: instruction.line, name: heredoc.name };
      heredocs.push(body.join('\n'));
    }
    instructions.push({ ...instruction, heredocs });
  }
  return {
    syntax: detectSyntax(lines, text),
    escape,
    instructions,
    lineStarts: lines.map((line) => line.start),
    unterminatedHeredoc,
  };
}

/**
 * Where a line's continuation starts, or undefined when the line ends the
 * instruction. parser.go: the escape character, then only spaces and tabs,
 * not itself escaped (`RUN echo \\` ends the instruction).
 */
function continuationAt(line: string, escape: string): number | undefined {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end === 0 || line[end - 1] !== escape) return undefined;
  if (end >= 2 && line[end - 2] === escape) return undefined;
  return end - 1;
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

/** Lines split at `\n`, the `\r`s before it dropped, as parser.go's `trimNewline` does. */
function splitLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    let end = stop;
    while (end > start && text.charCodeAt(end - 1) === 13) end--;
    lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

function isCommentOrBlank(line: string): boolean {
  const trimmed = line.slice(leadingBlanks(line));
  return trimmed === '' || trimmed.startsWith('#');
}

/** parser.go trims with `unicode.IsSpace`: U+00A0 and U+0085 too, but not U+FEFF. */
function leadingBlanks(line: string): number {
  let count = 0;
  while (count < line.length && isGoSpace(line[count] as string)) count++;
  return count;
}

/**
 * split_command.go: the line trimmed (`strings.TrimSpace`, so a line that a
 * bare continuation left starting with blanks still has its keyword), split at
 * the first run of `[\t\v\f\r ]`, the arguments trimmed again.
 */
function splitKeyword(chars: string, offsets: number[], line: number): Omit<Instruction, 'heredocs'> {
  let start = 0;
  while (start < chars.length && isGoSpace(chars[start] as string)) start++;
  let keywordEnd = start;
  while (keywordEnd < chars.length && !blank.test(chars[keywordEnd] as string)) keywordEnd++;
  let from = keywordEnd;
  while (from < chars.length && isGoSpace(chars[from] as string)) from++;
  let to = chars.length;
  while (to > from && isGoSpace(chars[to - 1] as string)) to--;
  return {
    keyword: chars.slice(start, keywordEnd).toUpperCase(),
    line,
    args: chars.slice(from, to),
    offsets: offsets.slice(from, to),
  };
}
