import { BadReferenceError, parseImageReference } from '../../reference/index.ts';

/**
 * Comment text → command value. Anyone who can comment writes this text, so it is read here with
 * plain string operations only: no shell, no regular expression built from it, and nothing of it is echoed
 * except through `codeSpan` (src/text/markdown.ts).
 */

/** Longest comment read at all; GitHub allows 65,536 characters and nothing valid comes near this. */
export const maxCommentChars = 65_536;
/** Longest first line read as a command: the longest valid one (`/basepin unignore <255-char name>:<128-char tag>`) fits. */
export const maxCommandLineChars = 512;

export const commandPrefix = '/basepin';

/** An image, or one tag of it, that basepin stops proposing updates for. */
export interface IgnoreTarget {
  /** Fully qualified repository: `docker.io/library/alpine`. */
  readonly repository: string;
  /** Undefined: every tag. */
  readonly tag: string | undefined;
}

export type Command =
  | { readonly name: 'rebase' }
  | { readonly name: 'recreate' }
  | { readonly name: 'ignore'; readonly target: IgnoreTarget }
  | { readonly name: 'unignore'; readonly target: IgnoreTarget }
  | { readonly name: 'ignored' }
  | { readonly name: 'pin' }
  | { readonly name: 'help' };

export type CommandName = Command['name'];

/**
 * - `none`: not addressed to basepin; ignore it without a reply.
 * - `invalid`: addressed to basepin but unusable; reply with `reason` (our own words only) and the help.
 */
export type CommandParse =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'command'; readonly command: Command };

const noArgument: readonly CommandName[] = ['rebase', 'recreate', 'ignored', 'pin', 'help'];
const withImage: readonly CommandName[] = ['ignore', 'unignore'];
export const commandNames: readonly CommandName[] = [
  'rebase',
  'recreate',
  'ignore',
  'unignore',
  'ignored',
  'pin',
  'help',
];

/** ASCII space and tab separate words; every other character (NBSP, look-alikes) is part of a word. */
function isSeparator(char: string): boolean {
  return char === ' ' || char === '\t';
}

function words(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    if (isSeparator(char)) {
      if (current !== '') out.push(current);
      current = '';
    } else current += char;
  }
  if (current !== '') out.push(current);
  return out;
}

/** The first line, without a trailing `\r` and without leading ASCII blanks (a BOM is not a blank). */
function firstLine(body: string): string {
  const end = body.indexOf('\n');
  const line = end === -1 ? body : body.slice(0, end);
  let start = 0;
  while (start < line.length && isSeparator(line.charAt(start))) start += 1;
  return (line.endsWith('\r') ? line.slice(0, -1) : line).slice(start);
}

function isCommandName(word: string): word is CommandName {
  return (commandNames as readonly string[]).includes(word);
}

/** `alpine`, `alpine:3.20`, `ghcr.io/org/app:1` → the repository and tag; a digest or anything else is refused. */
export function parseIgnoreTarget(text: string): IgnoreTarget | string {
  let reference;
  try {
    reference = parseImageReference(text);
  } catch (error) {
    if (error instanceof BadReferenceError) return 'the image is not a valid image reference';
    throw error;
  }
  if (reference.digest !== undefined) return 'give an image and optionally a tag, not a digest';
  return { repository: reference.name, tag: reference.tag };
}

export function parseCommand(body: string): CommandParse {
  if (body.length > maxCommentChars) {
    return firstLine(body.slice(0, maxCommandLineChars + 1)).startsWith(commandPrefix)
      ? { kind: 'invalid', reason: `the comment is longer than ${maxCommentChars} characters` }
      : { kind: 'none' };
  }
  const line = firstLine(body);
  if (!line.startsWith(commandPrefix)) return { kind: 'none' };
  const after = line.charAt(commandPrefix.length);
  // `/basepinfoo` is another word; `/basepin` must stand alone.
  if (after !== '' && !isSeparator(after)) return { kind: 'none' };
  if (line.length > maxCommandLineChars) {
    return { kind: 'invalid', reason: `the command line is longer than ${maxCommandLineChars} characters` };
  }
  const [, name, ...args] = words(line);
  if (name === undefined) return { kind: 'invalid', reason: 'no command was given' };
  const lower = /^[A-Za-z]+$/.test(name) ? name.toLowerCase() : name;
  if (!isCommandName(lower)) return { kind: 'invalid', reason: 'that is not a basepin command' };
  if (noArgument.includes(lower)) {
    if (args.length > 0) return { kind: 'invalid', reason: `\`${lower}\` takes no argument` };
    return { kind: 'command', command: { name: lower } as Command };
  }
  if (withImage.includes(lower)) {
    const [image, ...extra] = args;
    if (image === undefined) {
      return { kind: 'invalid', reason: `\`${lower}\` needs an image, e.g. \`/basepin ${lower} alpine\`` };
    }
    if (extra.length > 0) return { kind: 'invalid', reason: `\`${lower}\` takes one image` };
    const target = parseIgnoreTarget(image);
    if (typeof target === 'string') return { kind: 'invalid', reason: target };
    return { kind: 'command', command: { name: lower as 'ignore' | 'unignore', target } };
  }
  return { kind: 'invalid', reason: 'that is not a basepin command' };
}
