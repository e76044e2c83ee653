import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { semiSpaceCapBytes } from '../../src/cli/heap-growth.ts';

const moduleUrl = new URL('../../src/cli/heap-growth.ts', import.meta.url).href;

/**
 * A child process that calls `limitHeapGrowth(flags)`, keeps ~40 MB of small objects (as a big scan
 * keeps its sites), then churns objects that live long enough to be promoted (as in-flight requests
 * do), yielding to the event loop as a run does. Prints the semi-space's size while churning and the largest old generation seen.
 */
function largestGenerations(flags: string): { young: number; old: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { setImmediate as turn } from 'node:timers/promises';
    const { limitHeapGrowth } = await import(${JSON.stringify(moduleUrl)});
    limitHeapGrowth(${JSON.stringify(flags)});
    const space = (name) => getHeapSpaceStatistics().find((s) => s.space_name === name);
    const site = (i) => ({ file: 'api/Dockerfile', line: i, written: 'alpine:' + i, range: { start: i, end: i + 1 } });
    let young = Infinity;
    let old = 0;
    const measure = (churning) => {
      const semi = space('new_space');
      // V8 lends the space a few pages while it marks the old generation; between, it is at its size.
      if (churning) young = Math.min(young, semi.space_used_size + semi.space_available_size);
      old = Math.max(old, space('old_space').space_size);
    };
    const kept = [];
    for (let i = 0; i < 300_000; i++) {
      kept.push(site(i));
      if (i % 2_000 === 0) { measure(false); await turn(); }
    }
    const ring = new Array(50_000);
    for (let i = 0; i < 3_000_000; i++) {
      ring[i % ring.length] = site(i);
      if (i % 5_000 === 0) { measure(true); await turn(); }
    }
    console.log(JSON.stringify({ young, old, kept: kept.length }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { young: number; old: number };
}

describe('limitHeapGrowth', () => {
  it('grows the young generation to the cap and stops it there', () => {
    const { young } = largestGenerations('');
    expect(young).toBeGreaterThan(semiSpaceCapBytes / 2);
    expect(young).toBeLessThanOrEqual(semiSpaceCapBytes);
  });

  // V8 grows the heap past these bounds by itself only where it sizes it from 16 GB or more of memory.
  it.runIf(totalmem() >= 16 * 2 ** 30)(
    'keeps the old generation nearer what survives, and leaves alone what the user sized with a flag',
    () => {
      const limited = largestGenerations('');
      expect(largestGenerations('--max-semi-space-size=64').young).toBeGreaterThan(semiSpaceCapBytes);
      expect(limited.old).toBeLessThan(0.8 * largestGenerations('--heap-growing-percent=0').old);
    },
  );
});
