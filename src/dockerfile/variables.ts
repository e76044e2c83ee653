/**
 * `$NAME` and `${NAME…}` references, as BuildKit's shell lexer reads them
 * in instruction arguments. https://docs.docker.com/reference/dockerfile/#environment-replacement
 */

export type Modifier = '' | ':-' | '-' | ':+' | '+' | 'other';

export interface VariableRef {
  readonly name: string;
  /** Index of `$` in the scanned text. */
  readonly start: number;
  /** Index after the reference. */
  readonly end: number;
  readonly modifier: Modifier;
  /** The word after the modifier (`alpine:3.20` in `${BASE:-alpine:3.20}`). */
  readonly word: string;
  /** Index of `word` in the scanned text. */
  readonly wordStart: number;
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Every variable reference in `text`; an escaped `$` is literal. Never throws. */
export function findVariableRefs(text: string, escape: string): VariableRef[] {
  const refs: VariableRef[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === escape) {
      index++;
      continue;
    }
    if (char !== '$') continue;
    const ref = text[index + 1] === '{' ? bracedRef(text, index) : bareRef(text, index);
    if (ref) {
      refs.push(ref);
      index = ref.end - 1;
    }
  }
  return refs;
}

function bareRef(text: string, dollar: number): VariableRef | undefined {
  const name = namePattern.exec(text.slice(dollar + 1, dollar + 257))?.[0];
  if (name === undefined) return undefined;
  const end = dollar + 1 + name.length;
  return { name, start: dollar, end, modifier: '', word: '', wordStart: end };
}

function bracedRef(text: string, dollar: number): VariableRef | undefined {
  const open = dollar + 1;
  let depth = 0;
  let close = -1;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) {
      close = index;
      break;
    }
  }
  if (close === -1) return undefined;
  const inside = text.slice(open + 1, close);
  const name = namePattern.exec(inside)?.[0];
  if (name === undefined) return undefined;
  const rest = inside.slice(name.length);
  const operator = /^(:-|-|:\+|\+)/.exec(rest)?.[0];
  const modifier: Modifier = rest === '' ? '' : ((operator as Modifier | undefined) ?? 'other');
  const operatorLength = modifier === '' || modifier === 'other' ? 0 : modifier.length;
  const wordStart = open + 1 + name.length + operatorLength;
  return { name, start: dollar, end: close + 1, modifier, word: text.slice(wordStart, close), wordStart };
}
