import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * The young generation (both semi-spaces) stops growing at this size: 8 MB
 * semi-spaces, what `--max-semi-space-size=8` gives.
 */
export const youngGenerationCapBytes = 16 * 1024 * 1024;

/** Flags by which the user sized the young generation themselves (`node --v8-options`). */
const sizingFlags = /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/;

/**
 * Keeps V8's young generation at `youngGenerationCapBytes` for the rest of
 * the process (issue 8 §7). V8 sizes its semi-spaces' maximum from the
 * machine's memory when the process starts (64 MB each with 16 GB or more)
 * and doubles the young generation whenever more than its size survived
 * scavenges since it last grew: a big monorepo's sites all survive, so a
 * 20,000-file run grew it to 128 MB, a third of its peak RSS, for no
 * measurable speed. The maximum is fixed at start-up, but the growth factor
 * is read each time the space grows, so once the space reaches the cap,
 * a factor of 1 stops it there (a flag given at start-up could not: V8
 * raises a factor below 2 to 2). A GC observer watches for that moment.
 * Does nothing when the user sized the young generation (`flags`: the
 * process's exec arguments and NODE_OPTIONS).
 */
export function capYoungGeneration(flags: string): void {
  if (sizingFlags.test(flags)) return;
  if (youngGenerationSize() >= youngGenerationCapBytes) return stopGrowth();
  const observer = new PerformanceObserver(() => {
    if (youngGenerationSize() < youngGenerationCapBytes) return;
    stopGrowth();
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}

function stopGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

function youngGenerationSize(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
