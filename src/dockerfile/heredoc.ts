/**
 * Which heredocs an instruction opens, decided as BuildKit's parser decides
 * (moby/buildkit frontend/dockerfile/parser/parser.go `heredocsFromLine`,
 * `heredocFromMatch`, `canContainHeredoc`):
 * - only RUN, COPY and ADD, also as the trigger of ONBUILD, and not in JSON form;
 * - the line is split into words with quotes and escapes kept (always with `\`,
 *   whatever `# escape=` says); a line the shell lexer rejects (an unmatched
 *   quote, `${}`) opens none;
 * - a word opens a heredoc only when it is `<<NAME`, `<<-NAME`, `<<"NAME"`,
 *   `<<'NAME'` (an optional file descriptor before): `'<<EOF'` or `"a <<EOF"`
 *   start with a quote, so they are text.
 */
import { isGoSpace, processShell, ShellSyntaxError } from './shell-lex.ts';

export interface HeredocMarker {
  /** The terminator line. */
  readonly name: string;
  /** `<<-`: leading tabs are stripped before comparing with the terminator. */
  readonly stripTabs: boolean;
}

const heredocCommands = new Set(['RUN', 'COPY', 'ADD']);
// parser.go `^(\d*)<<(-?)\s*([^<]*)$`.
const heredocWord = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const noEnv = (): undefined => undefined;

/** The heredocs `keyword args` opens, in order; `args` is the joined instruction text after the keyword. */
export function heredocMarkers(keyword: string, args: string, escape: string): HeredocMarker[] {
  const command = keyword === 'ONBUILD' ? splitCommand(args) : { keyword, args };
  if (!command || !heredocCommands.has(command.keyword) || isJsonForm(command.args, escape)) return [];
  if (!args.includes('<<')) return [];
  let words: readonly string[];
  try {
    words = processShell(`${keyword} ${args}`, noEnv, {
      escape: '\\',
      rawQuotes: true,
      rawEscapes: true,
      skipUnsetEnv: true,
    }).words;
  } catch (error) {
    if (error instanceof ShellSyntaxError) return [];
    throw error;
  }
  const markers: HeredocMarker[] = [];
  for (const word of words) {
    const marker = parseHeredocWord(word);
    if (marker) markers.push(marker);
  }
  return markers;
}

function parseHeredocWord(word: string): HeredocMarker | undefined {
  const match = heredocWord.exec(word);
  const rest = match?.[3];
  if (!match || !rest) return undefined;
  try {
    const names = processShell(rest, noEnv, { escape: '\\', skipUnsetEnv: true }).words;
    // BuildKit wants the rest to be exactly one word; a failure there fails the whole parse.
    if (names.length !== 1) return undefined;
    return { name: names[0] as string, stripTabs: match[2] === '-' };
  } catch (error) {
    if (error instanceof ShellSyntaxError) return undefined;
    throw error;
  }
}

/** ONBUILD's trigger: its keyword (upper-cased) and the text after it. */
export function splitCommand(args: string): { keyword: string; args: string; offset: number } | undefined {
  let end = 0;
  while (end < args.length && !isGoSpace(args[end] as string)) end++;
  if (end === 0) return undefined;
  let offset = end;
  while (offset < args.length && isGoSpace(args[offset] as string)) offset++;
  return { keyword: args.slice(0, end).toUpperCase(), args: args.slice(offset), offset };
}

/**
 * parser.go `parseMaybeJSON`: after the builder flags (`--mount=…`), a JSON
 * array of strings. A JSON-form RUN or COPY has no heredocs.
 */
export function isJsonForm(args: string, escape: string): boolean {
  let rest = args;
  for (;;) {
    rest = rest.replace(/^[\t\n\v\f\r ]+/, '');
    if (!rest.startsWith('--')) break;
    const flagEnd = flagLength(rest, escape);
    if (flagEnd === rest.length) return false;
    rest = rest.slice(flagEnd);
  }
  if (!rest.startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(rest);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

/** Length of the leading `--flag` word, quotes keeping blanks inside it (split_command.go). */
function flagLength(text: string, escape: string): number {
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quote !== '') {
      if (char === quote) quote = '';
      else if (char === escape) index++;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === escape) index++;
    else if (isGoSpace(char)) return index;
  }
  return text.length;
}
