/**
 * The import graph of src/, built with the TypeScript compiler's own import scanner (type-only
 * imports, re-exports and dynamic imports included): it has no cycle, and a room (a folder with an
 * index.ts) is entered only through that face from outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importCycles, roomOf, type ImportGraph } from './import-graph.ts';

const root = join(import.meta.dirname, '../..');

function sourceGraph(): ImportGraph {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `src/${name.split(sep).join('/')}`);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const scanned = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = scanned.importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) =>
        relative(root, join(root, dirname(file), specifier))
          .split(sep)
          .join('/'),
      );
    graph.set(file, targets);
  }
  return graph;
}

const graph = sourceGraph();
const faces = new Set([...graph.keys()].filter((file) => file.endsWith('/index.ts')));

describe('the import graph of src/', () => {
  it('reads every file and its imports', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src/cli.ts')).toContain('src/cli/main.ts');
  });

  it('has no import cycle (type-only imports included)', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('enters each room only through its face (index.ts)', () => {
    const around: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const room = roomOf(target, faces);
        if (room === undefined || target === `${room}/index.ts` || file.startsWith(`${room}/`)) continue;
        around.push(`${file} imports ${target} around the face ${room}/index.ts`);
      }
    }
    expect(around).toEqual([]);
  });
});

describe('importCycles', () => {
  it.each<[string, Record<string, string[]>, string[][]]>([
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['two files', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    ['a file importing itself', { a: ['a'] }, [['a', 'a']]],
    ['a loop of three under a root', { r: ['a'], a: ['b'], b: ['c'], c: ['a'] }, [['a', 'b', 'c', 'a']]],
    [
      'two separate loops',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ],
    ],
  ])('finds the cycles of %s', (_title, edges, cycles) => {
    expect(importCycles(new Map(Object.entries(edges)))).toEqual(cycles);
  });
});

describe('roomOf', () => {
  const known = new Set(['src/changelog/index.ts', 'src/changelog/facts/index.ts']);
  it.each([
    ['src/changelog/collect.ts', 'src/changelog'],
    ['src/changelog/facts/render.ts', 'src/changelog/facts'],
    ['src/text/markdown.ts', undefined],
  ])('puts %s in the room %s', (file, room) => {
    expect(roomOf(file, known)).toBe(room);
  });
});
