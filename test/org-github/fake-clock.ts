import type { PacerClock } from '../../src/org-github/index.ts';

/** A clock that moves only when slept on: waits cost no real time, and each one is recorded. */
export function fakeClock(start = Date.parse('2026-12-07T10:00:00Z')): PacerClock & {
  readonly sleeps: number[];
  advance(ms: number): void;
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
