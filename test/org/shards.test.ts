import { describe, expect, it } from 'vitest';
import { assignShards, maxShards, ShardCountError, shardMatrix } from '../../src/org/index.ts';

const items = (weights: readonly number[]) =>
  weights.map((weight, i) => ({ repository: `acme/r${i}`, weight }));

describe('assignShards', () => {
  it('balances by weight: heaviest first, each to the lightest shard', () => {
    const shards = assignShards(items([5, 4, 3, 3, 2, 1]), 2);
    expect(shards).toEqual([
      ['acme/r0', 'acme/r3', 'acme/r5'],
      ['acme/r1', 'acme/r2', 'acme/r4'],
    ]);
  });

  it('is the same whatever order the repositories come in', () => {
    const list = items([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
    expect(assignShards([...list].reverse(), 3)).toEqual(assignShards(list, 3));
  });

  it('keeps every repository exactly once and the loads within the heaviest item of each other', () => {
    const weights = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % 13));
    const list = items(weights);
    const shards = assignShards(list, 37);
    expect(shards.flat().sort()).toEqual(list.map((i) => i.repository).sort());
    const byName = new Map(list.map((i) => [i.repository, i.weight]));
    const loads = shards.map((s) => s.reduce((sum, name) => sum + byName.get(name)!, 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(13);
  });

  it('makes no empty shard when there are fewer repositories than shards', () => {
    expect(assignShards(items([1, 1]), 4)).toEqual([['acme/r0'], ['acme/r1']]);
  });

  it('counts a weight below 1 as 1', () => {
    expect(assignShards(items([0, 0, 0, 0]), 2).map((s) => s.length)).toEqual([2, 2]);
  });

  it.each([0, -1, 1.5, maxShards + 1, Number.NaN])('refuses %d shards', (count) => {
    expect(() => assignShards(items([1]), count)).toThrow(ShardCountError);
  });

  it('gives the matrix one job per shard', () => {
    expect(shardMatrix([['a/b'], ['a/c'], ['a/d']])).toEqual({ shard: [0, 1, 2] });
  });
});
