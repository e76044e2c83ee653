/**
 * Where a JSON text first breaks the grammar, as line and column, with a
 * description in our own words. `JSON.parse`'s message quotes the text
 * around the error, which in a credentials file is the password (so no secret reaches a log, an output or GitHub);
 * this says where, never what. https://www.rfc-editor.org/rfc/rfc8259
 */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

class Broken extends Error {
  readonly offset: number;
  readonly problem: string;

  constructor(offset: number, problem: string) {
    super(problem);
    this.offset = offset;
    this.problem = problem;
  }
}

/** Nesting deeper than this is refused rather than recursed into. */
const maxDepth = 512;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (problem: string): never => {
    throw new Broken(at, problem);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };
  const expect = (literal: string) => {
    if (!text.startsWith(literal, at)) fail(`expected ${literal}`);
    at += literal.length;
  };
  const string = () => {
    at += 1; // opening quote
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const char = text.charCodeAt(at);
      if (char === 0x22) return void (at += 1);
      if (char < 0x20) fail('control character in a string');
      if (char === 0x5c) {
        const escape = text[at + 1] ?? '';
        if ('"\\/bfnrt'.includes(escape) && escape !== '') at += 2;
        else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else fail('bad escape in a string');
      } else at += 1;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail('unexpected character');
    at += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > maxDepth) fail('nested too deeply');
    space();
    const char = text[at];
    if (char === undefined) fail('unexpected end of the file');
    else if (char === '{') members(depth, '}', key);
    else if (char === '[') members(depth, ']', undefined);
    else if (char === '"') string();
    else if (char === 't') expect('true');
    else if (char === 'f') expect('false');
    else if (char === 'n') expect('null');
    else number();
  };
  const key = () => {
    if (text[at] === '"') return string();
    fail(at >= text.length ? 'unexpected end of the file' : 'expected a key');
  };
  const members = (depth: number, close: string, key: (() => void) | undefined) => {
    at += 1;
    space();
    if (text[at] === close) return void (at += 1);
    for (;;) {
      if (key) {
        space();
        key();
        space();
        if (text[at] !== ':') fail('expected ":"');
        at += 1;
      }
      value(depth + 1);
      space();
      if (text[at] === ',') at += 1;
      else if (text[at] === close) return void (at += 1);
      else fail(text[at] === undefined ? 'unexpected end of the file' : `expected "," or "${close}"`);
    }
  };
  try {
    value(0);
    space();
    if (at < text.length) fail('unexpected text after the value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Broken)) throw error;
    return { ...lineAndColumn(text, error.offset), problem: error.problem };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
    start = index + 1;
  }
  return { line, column: offset - start + 1 };
}
