import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** A semi-space (half the young generation) stops growing at this size, as `--max-semi-space-size=8` would stop it. */
export const semiSpaceCapBytes = 8 * 1024 * 1024;

/** The old generation may grow to this many percent over what the last full collection kept. */
export const oldGenerationGrowingPercent = 50;

/** Flags by which the user sized the heap's growth themselves (`node --v8-options`). */
const youngFlags = /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/;
const oldFlags = /--heap[-_]growing[-_]percent/;

/**
 * Bounds how far V8's heap grows past what a run keeps (so a 20,000-file run keeps its memory bounded), for
 * `pin` and `check`, which keep a whole tree's sites. Left to itself, V8
 * sizes both generations for speed on the machine it runs on: a
 * 20,000-file run kept about 60 MB yet peaked at 382 MB of RSS.
 *
 * - Young generation: V8 fixes the semi-spaces' maximum from the machine's
 *   memory at start-up (64 MB each with 16 GB or more) and doubles the space
 *   whenever more than its size survived scavenges since it last grew, as a
 *   scan's sites all do. The maximum cannot change after start-up, but the
 *   growth factor is read each time the space grows: a factor that makes the
 *   next growth land on `semiSpaceCapBytes`, then, once it has, a factor of
 *   1 stops it there (given at start-up a factor below 2 is raised to 2). A
 *   GC observer sets the second: a whole space of survivors must pass before
 *   the space could grow again, time enough for it to run.
 * - Old generation: after each full collection V8 lets it grow by a factor
 *   it picks (2 to 4 here) over what survived; `--heap-growing-percent`,
 *   read at each collection, makes it 1.5.
 *
 * With the compact per-site and per-file state (`compact-site.ts`, `ScannedFile`), a 20,000-file `pin` peaks at 173 MB
 * RSS (382 MB before), wall unchanged (README, Benchmark). A part
 * the user sized (`flags`: the process's exec arguments and NODE_OPTIONS) is
 * left alone.
 */
export function limitHeapGrowth(flags: string): void {
  if (!oldFlags.test(flags)) setFlagsFromString(`--heap-growing-percent=${oldGenerationGrowingPercent}`);
  if (youngFlags.test(flags) || steerYoungGrowth()) return;
  const observer = new PerformanceObserver(() => {
    if (steerYoungGrowth()) observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}

/** Sets the growth factor that takes a semi-space to the cap, or keeps it there; true once it is there. */
function steerYoungGrowth(): boolean {
  const factor = Math.floor(semiSpaceCapBytes / semiSpaceCapacity());
  setFlagsFromString(`--semi-space-growth-factor=${Math.max(1, factor)}`);
  return factor <= 1;
}

/** What one semi-space holds: what is used of it and what is left. */
function semiSpaceCapacity(): number {
  const space = getHeapSpaceStatistics().find((entry) => entry.space_name === 'new_space');
  return Math.max(1, (space?.space_used_size ?? 0) + (space?.space_available_size ?? 0));
}
