/**
 * BuildKit's shell word processor (moby/buildkit frontend/dockerfile/shell/lex.go),
 * ported rule for rule because what it decides is what a build does: which
 * words an instruction line has (and so which of them open a heredoc), and
 * what a FROM word or an ARG default becomes after quote removal, escapes
 * and `$VAR` / `${VAR:-word}` / `${VAR:+word}` / `${VAR#pattern}` expansion.
 * https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go
 */
import { shellPattern, trimPrefix, trimSuffix } from './shell-pattern.ts';
import { ShellSyntaxError } from './shell-error.ts';
import { Words } from './shell-words.ts';

export { ShellSyntaxError } from './shell-error.ts';
export { isGoSpace } from './shell-space.ts';

export interface ShellOptions {
  /** The escape character: `\` or the file's `# escape=` value. */
  readonly escape: string;
  /** Keep quote characters in the output (the heredoc scan does). */
  readonly rawQuotes?: boolean;
  /** Keep escape characters in the output (the heredoc scan does). */
  readonly rawEscapes?: boolean;
  /** Leave a reference to an unset variable as written instead of expanding it to nothing. */
  readonly skipUnsetEnv?: boolean;
}

/** A variable's value; `undefined` when it is not set. */
export type ShellEnv = (name: string) => string | undefined;

export interface ShellResult {
  /** The word with quotes removed and variables expanded (`ProcessWord`). */
  readonly result: string;
  /** The same text split at unquoted white space (`ProcessWords`). */
  readonly words: readonly string[];
  /** Variables whose value was looked up and found. */
  readonly matched: ReadonlySet<string>;
  /** Variables whose value was used as is (`$X`, `${X}`, `${X#p}`) while unset. */
  readonly missing: ReadonlySet<string>;
}

const EOF = '';

export function processShell(text: string, env: ShellEnv, options: ShellOptions): ShellResult {
  return new ShellWord(text, env, options).run();
}

class ShellWord {
  private readonly chars: string[];
  private position = 0;
  private rawEscapes: boolean;
  private readonly matched = new Set<string>();
  private readonly missing = new Set<string>();
  private readonly env: ShellEnv;
  private readonly options: ShellOptions;

  constructor(text: string, env: ShellEnv, options: ShellOptions) {
    this.env = env;
    this.options = options;
    this.chars = Array.from(text);
    this.rawEscapes = options.rawEscapes ?? false;
  }

  run(): ShellResult {
    const { result, words } = this.processStopOn(EOF, this.rawEscapes);
    return { result, words, matched: this.matched, missing: this.missing };
  }

  private peek(): string {
    return this.chars[this.position] ?? EOF;
  }

  private next(): string {
    const char = this.peek();
    if (char !== EOF) this.position++;
    return char;
  }

  private processStopOn(stop: string, rawEscapes: boolean): { result: string; words: string[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new Words();
      while (this.peek() !== EOF) {
        const char = this.peek();
        if (stop !== EOF && char === stop) {
          this.next();
          return { result, words: words.finish() };
        }
        if (char === '$') {
          const value = this.processDollar();
          result += value;
          words.addString(value);
        } else if (char === '<') {
          const value = this.processPossibleHeredoc();
          result += value;
          words.addRaw(value);
        } else if (char === "'" || char === '"') {
          const value = char === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += value;
          words.addRaw(value);
        } else {
          let taken = this.next();
          if (taken === this.options.escape) {
            if (this.rawEscapes) {
              words.addRaw(taken);
              result += taken;
            }
            taken = this.next();
            if (taken === EOF) break;
            words.addRaw(taken);
          } else words.addChar(taken);
          result += taken;
        }
      }
      if (stop !== EOF)
        throw new ShellSyntaxError(`unexpected end of statement while looking for matching ${stop}`);
      return { result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    const raw = this.options.rawQuotes ?? false;
    const open = this.next();
    let result = raw ? open : '';
    for (;;) {
      const char = this.next();
      if (char === EOF)
        throw new ShellSyntaxError('unexpected end of statement while looking for matching single-quote');
      if (char === "'") return raw ? result + char : result;
      result += char;
    }
  }

  private processDoubleQuote(): string {
    const raw = this.options.rawQuotes ?? false;
    const open = this.next();
    let result = raw ? open : '';
    for (;;) {
      const peeked = this.peek();
      if (peeked === EOF) {
        throw new ShellSyntaxError('unexpected end of statement while looking for matching double-quote');
      }
      if (peeked === '"') {
        const char = this.next();
        return raw ? result + char : result;
      }
      if (peeked === '$') {
        result += this.processDollar();
        continue;
      }
      let char = this.next();
      if (char === this.options.escape) {
        if (this.rawEscapes) result += char;
        const after = this.peek();
        // An escape at the very end is dropped; the loop then reports the missing quote.
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.options.escape) char = this.next();
      }
      result += char;
    }
  }

  private lookup(name: string): string | undefined {
    const value = this.env(name);
    if (value !== undefined) this.matched.add(name);
    return value;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.lookup(name);
      if (value === undefined) {
        if (this.options.skipUnsetEnv) return `$${name}`;
        this.missing.add(name);
      }
      return value ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ShellSyntaxError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':')
      throw new ShellSyntaxError('syntax error: bad substitution');
    const name = this.processName();
    let char = this.next();
    let modifier = char;
    if (char === '}') {
      const value = this.lookup(name);
      if (value === undefined) {
        if (this.options.skipUnsetEnv) return `\${${name}}`;
        this.missing.add(name);
      }
      return value ?? '';
    }
    if (char === '/') return this.processReplace(name);
    let nullIsUnset = false;
    if (char === ':') {
      nullIsUnset = true;
      char = this.next();
      modifier += char;
    } else if (!['+', '-', '?', '#', '%'].includes(char)) {
      throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
    const trims = char === '#' || char === '%';
    if (nullIsUnset && trims)
      throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn('}', trims).result;
    } catch (error) {
      if (this.peek() === EOF) throw new ShellSyntaxError("syntax error: missing '}'");
      throw error;
    }
    const value = this.lookup(name);
    if (value === undefined && this.options.skipUnsetEnv) return `\${${name}${modifier}${word}}`;
    const empty = value === undefined || (nullIsUnset && value === '');
    switch (char) {
      case '-':
        return empty ? word : (value ?? '');
      case '+':
        return empty ? '' : word;
      case '?':
        if (value === undefined)
          throw new ShellSyntaxError(`${name}: ${word || 'is not allowed to be unset'}`, name);
        if (nullIsUnset && value === '') {
          throw new ShellSyntaxError(`${name}: ${word || 'is not allowed to be empty'}`, name);
        }
        return value;
      case '#':
      case '%': {
        if (value === undefined) this.missing.add(name);
        const greedy = word.startsWith(char);
        const pattern = greedy ? word.slice(1) : word;
        return char === '%'
          ? trimSuffix(pattern, value ?? '', greedy)
          : trimPrefix(pattern, value ?? '', greedy);
      }
      default:
        throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    const part = (stop: string, missing: string): string => {
      try {
        return this.processStopOn(stop, true).result;
      } catch (error) {
        if (this.peek() === EOF) throw new ShellSyntaxError(missing);
        throw error;
      }
    };
    const pattern = part('/', "syntax error: missing '/' in ${}");
    const replacement = part('}', "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === undefined) {
      if (this.options.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
      this.missing.add(name);
    }
    const regex = shellPattern(pattern, true, false, all ? 'gu' : 'u');
    return (value ?? '').replace(regex, () => replacement);
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const char = this.peek();
      if (name === '' && /^\p{Nd}$/u.test(char)) {
        while (/^\p{Nd}$/u.test(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(char)) return this.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(char)) break;
      name += this.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r') space += this.next();
    return `<<${space}`;
  }
}
