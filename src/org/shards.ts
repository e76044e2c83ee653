/** GitHub runs at most 256 jobs from one matrix. */
export const maxShards = 256;

export class ShardCountError extends Error {
  override readonly name = 'ShardCountError';
}

/** A repository and how much work it is expected to be (its Dockerfiles, say); at least 1 counts. */
export interface ShardItem {
  readonly repository: string;
  readonly weight: number;
}

/**
 * Repositories split into at most `count` shards, balanced by weight: heaviest first, each to the lightest
 * shard so far (the lowest index on a tie). The same input gives the same shards whatever its order, so
 * the plan job and every matrix job agree. Never more shards than repositories; no shard is empty.
 */
export function assignShards(items: readonly ShardItem[], count: number): string[][] {
  if (!Number.isInteger(count) || count < 1 || count > maxShards) {
    throw new ShardCountError(`shards: expected a whole number from 1 to ${maxShards}, got ${count}`);
  }
  const sorted = [...items]
    .map((item) => ({ ...item, weight: Math.max(1, item.weight), key: item.repository.toLowerCase() }))
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards = Array.from({ length: Math.min(count, sorted.length) }, () => ({
    load: 0,
    repositories: [] as string[],
  }));
  for (const item of sorted) {
    let lightest = shards[0]!;
    for (const shard of shards) if (shard.load < lightest.load) lightest = shard;
    lightest.load += item.weight;
    lightest.repositories.push(item.repository);
  }
  return shards.map((shard) => shard.repositories);
}

/** The `strategy.matrix` a plan job prints: one job per shard index. */
export function shardMatrix(shards: readonly (readonly string[])[]): { readonly shard: readonly number[] } {
  return { shard: shards.map((_, index) => index) };
}
