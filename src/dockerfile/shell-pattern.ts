/**
 * Shell patterns of `${X#pattern}`, `${X%pattern}` and `${X/pattern/word}`,
 * as BuildKit's lexer reads them (moby/buildkit frontend/dockerfile/shell/lex.go
 * `convertShellPatternToRegex`, `trimPrefix`, `trimSuffix`): `*` and `?`
 * wildcards, no bracket expressions.
 */
import { ShellSyntaxError } from './shell-error.ts';

/** lex.go `convertShellPatternToRegex`: `*` and `?` wildcards, no bracket expressions. */
export function shellPattern(pattern: string, greedy: boolean, anchored: boolean, flags = 'u'): RegExp {
  const chars = Array.from(pattern);
  let source = anchored ? '^' : '';
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === '*') source += greedy ? '[^]*' : '[^]*?';
    else if (char === '?') source += '.';
    else if (char === '\\') {
      const after = chars[index + 1];
      if (after === '}' || after === '/') continue;
      index++;
      if (after !== '*' && after !== '?' && after !== '\\') {
        throw new ShellSyntaxError(`invalid pattern (${pattern}) in substitution: invalid escape`);
      }
      source += `\\${after}`;
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
  }
  return new RegExp(source, flags);
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = shellPattern(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}

export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  // As lex.go: reverse both so the shortest suffix becomes the shortest prefix.
  const reversed = Array.from(value).reverse().join('');
  const trimmed = trimPrefix(reversePattern(pattern), reversed, greedy);
  return Array.from(trimmed).reverse().join('');
}

function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let index = 0; index <= last;) {
    const char = chars[index] as string;
    if (char === '\\' && index !== last) {
      out[last - index - 1] = char;
      out[last - index] = chars[index + 1] as string;
      index += 2;
    } else {
      out[last - index] = char;
      index++;
    }
  }
  return out.join('');
}
