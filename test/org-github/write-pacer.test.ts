import { describe, expect, it } from 'vitest';
import { WritePacer } from '../../src/org-github/index.ts';
import { fakeClock } from './fake-clock.ts';

describe('WritePacer', () => {
  it('spaces writes and lets reads go at once', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, writeSpacingMs: 1000 });
    await pacer.beforeRequest(true);
    await pacer.beforeRequest(false);
    await pacer.beforeRequest(true);
    await pacer.beforeRequest(true);
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(pacer.report()).toMatchObject({ waitedMs: 2000, writes: 3, readWaitedMs: 0 });
  });

  it('keeps any 60 s within the per-minute budget and any hour within the hourly one', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, writeSpacingMs: 0, writesPerMinute: 80, writesPerHour: 500 });
    const times: number[] = [];
    for (let i = 0; i < 700; i++) {
      await pacer.beforeRequest(true);
      times.push(clock.now());
    }
    const most = (window: number) =>
      Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + window).length));
    expect(most(60_000)).toBe(80);
    expect(most(3_600_000)).toBe(500);
    // The 501st write waits for the first to leave the hour, not longer.
    expect(times[500]! - times[0]!).toBe(3_600_000);
  });

  it('grants concurrent writes one at a time, each in its own slot', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, writeSpacingMs: 1000 });
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => pacer.beforeRequest(true).then(() => granted.push(clock.now()))),
    );
    expect(granted.map((t) => t - granted[0]!)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('waits for the primary reset when few requests are left, then goes on', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, primaryReserve: 10 });
    const reset = Math.floor(clock.now() / 1000) + 120;
    pacer.observe({ 'x-ratelimit-remaining': '11', 'x-ratelimit-reset': String(reset) });
    await pacer.beforeRequest(false);
    expect(clock.sleeps).toEqual([]);
    pacer.observe({ 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': String(reset) });
    await pacer.beforeRequest(false);
    expect(clock.now()).toBe(reset * 1000);
    expect(pacer.report().readWaitedMs).toBe(120_000);
    await pacer.beforeRequest(false);
    expect(clock.sleeps).toHaveLength(1);
  });

  it.each([
    ['retry-after', { 'retry-after': '30' }, 30_000],
    ['x-ratelimit-reset', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'RESET+45' }, 45_000],
    ['neither', {}, 60_000],
  ])('waits out a limit answer naming %s', async (_, headers, expected) => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock });
    const given = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('RESET+45', String(clock.now() / 1000 + 45))]),
    );
    const wait = pacer.limitWait(given);
    expect(wait).toBe(expected);
    await pacer.waitOutLimit(wait!);
    expect(pacer.report()).toMatchObject({ waitedMs: expected, limitAnswers: 1 });
  });

  it('will not wait longer than its cap', () => {
    const pacer = new WritePacer({ clock: fakeClock(), maxWaitMs: 10_000 });
    expect(pacer.limitWait({ 'retry-after': '11' })).toBeUndefined();
    // An unreadable retry-after falls back to 60 s, past this cap too.
    expect(pacer.limitWait({ 'retry-after': 'soon' })).toBeUndefined();
  });
});
