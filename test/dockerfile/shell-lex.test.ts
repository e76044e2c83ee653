/**
 * basepin's port of BuildKit's shell word processor against BuildKit's own
 * tables (test/fixtures/buildkit/envVarTest and wordsTest, read as
 * frontend/dockerfile/shell/lex_test.go reads them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processShell, ShellSyntaxError, type ShellEnv } from '../../src/dockerfile/shell-lex.ts';
import { fixtureDir } from './fixtures.ts';

const tables = path.join(fixtureDir, '..', 'buildkit');

/** `EnvsFromSlice`: `K=V` entries, the last one of a key wins. */
function envOf(entries: readonly string[]): ShellEnv {
  const values = new Map<string, string>();
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals === -1) values.set(entry, '');
    else values.set(entry.slice(0, equals), entry.slice(equals + 1));
  }
  return (name) => values.get(name);
}

function attempt(run: () => string | readonly string[]): string | readonly string[] {
  try {
    return run();
  } catch (error) {
    if (error instanceof ShellSyntaxError) return 'error';
    throw error;
  }
}

describe('envVarTest: ProcessWord on Unix', () => {
  const env = envOf(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL=']);
  const rows = readFileSync(path.join(tables, 'envVarTest'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#') && line.trim() !== '')
    .map((line) => line.trim().split('|'))
    .filter(([platform]) => platform?.trim() === 'A' || platform?.trim() === 'U')
    .map(([, source, expected]) => [source?.trim() ?? '', expected?.trim() ?? ''] as const);

  it('has the table', () => expect(rows.length).toBeGreaterThan(150));
  it.each(rows)('%s → %s', (source, expected) => {
    expect(attempt(() => processShell(source, env, { escape: '\\' }).result)).toBe(expected);
  });
});

describe('wordsTest: ProcessWords', () => {
  const rows: { source: string; env: string[]; expected: string[] }[] = [];
  const env: string[] = [];
  for (const line of readFileSync(path.join(tables, 'wordsTest'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    if (line.startsWith('ENV ')) {
      env.push(line.slice(3).replace(/^ +/, ''));
      continue;
    }
    const [source, expected] = line.split('|');
    rows.push({
      source: source?.trim() ?? '',
      env: [...env],
      expected: (expected ?? '').replace(/^ +/, '').split(','),
    });
  }

  it('has the table', () => expect(rows.length).toBeGreaterThan(20));
  it.each(rows)('$source', ({ source, env: entries, expected }) => {
    const words = attempt(() => processShell(source, envOf(entries), { escape: '\\' }).words);
    expect(words === 'error' ? ['error'] : words).toEqual(expected);
  });
});
