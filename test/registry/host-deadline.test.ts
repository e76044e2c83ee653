import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegistryError, RegistryErrorCode } from '../../src/registry/errors.ts';
import { busyCapFactor, followHostDeadline, HostDeadline } from '../../src/registry/host-deadline.ts';

describe('followHostDeadline', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets go of each exchange when it ends: the host signal keeps no listener per request', async () => {
    const deadline = new HostDeadline('registry.example', 60_000);
    await deadline.run(async () => {
      const during = getEventListeners(deadline.signal, 'abort').length;
      for (let i = 0; i < 100; i++) {
        const unfollow = followHostDeadline(new AbortController());
        expect(getEventListeners(deadline.signal, 'abort')).toHaveLength(during + 1);
        unfollow();
      }
      expect(getEventListeners(deadline.signal, 'abort')).toHaveLength(during);
    });
  });

  it('aborts an exchange in flight with the deadline error when the host makes no progress', async () => {
    vi.useFakeTimers();
    const deadline = new HostDeadline('registry.example', 1_000);
    const exchange = new AbortController();
    const operation = deadline.run(async () => {
      followHostDeadline(exchange);
      await new Promise(() => {});
    });
    const settled = expect(operation).rejects.toMatchObject({ code: RegistryErrorCode.HostDeadline });
    await vi.advanceTimersByTimeAsync(1_000);
    await settled;
    expect(exchange.signal.aborted).toBe(true);
    expect(exchange.signal.reason).toBeInstanceOf(RegistryError);
    expect((exchange.signal.reason as RegistryError).code).toBe(RegistryErrorCode.HostDeadline);
  });

  it('aborts at once an exchange started after the deadline passed, and does nothing outside a host', async () => {
    vi.useFakeTimers();
    const deadline = new HostDeadline('registry.example', 1_000);
    const operation = deadline.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const exchange = new AbortController();
      followHostDeadline(exchange);
      expect(exchange.signal.aborted).toBe(true);
    });
    const later = expect(operation).rejects.toMatchObject({ code: RegistryErrorCode.HostDeadline });
    await vi.advanceTimersByTimeAsync(5_000);
    await later;

    const outside = new AbortController();
    followHostDeadline(outside)();
    expect(outside.signal.aborted).toBe(false);
  });
});

describe('a host that keeps answering', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An operation that makes progress every 500 ms for `ms`, then ends. */
  const answering = (deadline: HostDeadline, ms: number) =>
    deadline.run(async () => {
      for (let waited = 0; waited < ms; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        deadline.progress();
      }
    });

  it(`is let be for ${busyCapFactor} times its deadline of busy time, then fails: the run's wall time stays bounded`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const deadline = new HostDeadline('registry.example', 1_000);
    const forever = answering(deadline, Number.POSITIVE_INFINITY);
    const failed = expect(forever).rejects.toMatchObject({
      code: RegistryErrorCode.HostDeadline,
      message: expect.stringContaining(`${busyCapFactor} times its registry-deadline`),
    });
    await vi.advanceTimersByTimeAsync(busyCapFactor * 1_000 - 1);
    expect(deadline.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
  });

  it('counts busy time only while operations are under way', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const deadline = new HostDeadline('registry.example', 1_000);
    const first = answering(deadline, 6_000);
    await vi.advanceTimersByTimeAsync(6_000);
    await first;
    // Idle for far longer than the cap: not counted.
    await vi.advanceTimersByTimeAsync(100_000);
    expect(deadline.signal.aborted).toBe(false);
    const second = answering(deadline, Number.POSITIVE_INFINITY);
    const failed = expect(second).rejects.toMatchObject({ code: RegistryErrorCode.HostDeadline });
    await vi.advanceTimersByTimeAsync(busyCapFactor * 1_000 - 6_000 - 1);
    expect(deadline.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
  });

  it('a deadline longer than a timer can hold (3 days: 30 times is 90 days) sets no clock, not an instant one', async () => {
    const deadline = new HostDeadline('registry.example', 3 * 86_400_000);
    await deadline.run(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(deadline.signal.aborted).toBe(false);
  });
});
