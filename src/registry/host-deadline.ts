import { AsyncLocalStorage } from 'node:async_hooks';
import { RegistryError, RegistryErrorCode } from './errors.ts';

/**
 * How long a registry host may go without progress (one sick
 * host must not hold the run, and a healthy host with thousands of
 * tags must not be failed for being big). The clock runs only while the
 * host has operations under way, and starts again whenever one of its
 * replies has been read whole (headers alone are not progress: a host that
 * answers and then stalls its bodies would otherwise reset it forever).
 * When it runs out, the host is sick: every operation still running on it
 * fails with one error, later ones fail at once, and the exchanges they
 * started (pings, tokens, retries, sleeps) are aborted through the signal
 * the transport follows. Each request has its own timeout besides
 * (transport.ts), so a slow host that keeps answering is not failed by this
 * clock, up to `busyCapFactor` times the deadline of busy time in all: that
 * bound keeps the run's wall time finite whatever a host does.
 */
export class HostDeadline {
  readonly host: string;
  private readonly ms: number;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  /** Operations under way on this host; the clock stops when there are none. */
  private running = 0;
  /** Time spent with operations under way, before the current busy stretch. */
  private busyMs = 0;
  private busySince = 0;
  private capTimer: NodeJS.Timeout | undefined;

  constructor(host: string, ms: number) {
    this.host = host;
    this.ms = ms;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `operation` under this host's deadline: it settles at most `ms` after the host's last answer. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    this.running += 1;
    if (this.running === 1) {
      this.restart();
      this.startBusy();
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
      storage
        .run(this, operation)
        .then(resolve, reject)
        .finally(() => {
          signal.removeEventListener('abort', onAbort);
          this.running -= 1;
          if (this.running === 0) {
            this.stop();
            this.stopBusy();
          }
        });
    });
  }

  /** A reply from the host was read whole: it is making progress, so its clock starts again. */
  progress(): void {
    if (this.running > 0 && !this.controller.signal.aborted) this.restart();
  }

  private restart(): void {
    this.stop();
    if (!timerCanWait(this.ms)) return;
    this.timer = this.failAfter(
      this.ms,
      `made no progress for ${seconds(this.ms)}, its registry-deadline`,
      `no progress for ${seconds(this.ms)} (registry-deadline)`,
    );
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private startBusy(): void {
    const capMs = busyCapFactor * this.ms;
    if (!timerCanWait(capMs)) return;
    this.busySince = performance.now();
    this.capTimer = this.failAfter(
      Math.max(0, capMs - this.busyMs),
      `kept the run busy for ${seconds(capMs)}, ${busyCapFactor} times its registry-deadline`,
      `busy for ${seconds(capMs)} in all (${busyCapFactor} × registry-deadline)`,
    );
  }

  /** A timer that fails the host (`why` after its name); it does not keep a finished run alive. */
  private failAfter(ms: number, why: string, plain: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.controller.abort(
        new RegistryError({
          status: 0,
          code: RegistryErrorCode.HostDeadline,
          retryable: false,
          message: `${this.host} ${why}; its remaining references fail`,
          plain,
          unreachable: this.host,
        }),
      );
    }, ms);
    timer.unref();
    return timer;
  }

  private stopBusy(): void {
    if (this.capTimer === undefined) return;
    clearTimeout(this.capTimer);
    this.capTimer = undefined;
    this.busyMs += performance.now() - this.busySince;
  }
}

/**
 * A host's busy time in all, as a multiple of its registry-deadline: a slow
 * host that keeps answering is let be for this long (30 minutes at the
 * default 60 s), far beyond what a healthy registry needs for thousands of
 * references, changelogs and rate-limit waits included.
 */
export const busyCapFactor = 30;

/** Node's timers hold at most 2^31 − 1 ms (about 24.8 days) and fire at once beyond it. */
const longestTimerMs = 2 ** 31 - 1;

/** Whether a clock of `ms` is set at all: longer than a timer can hold means no limit, not an instant one. */
function timerCanWait(ms: number): boolean {
  return Number.isFinite(ms) && ms <= longestTimerMs;
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

const storage = new AsyncLocalStorage<HostDeadline>();

/** The deadline signal of the host whose operation is running, if any. */
export function currentHostSignal(): AbortSignal | undefined {
  return storage.getStore()?.signal;
}

/**
 * Makes `controller` abort when the current host's deadline passes (at once
 * if it has), until the returned function is called: the caller calls it
 * when its exchange ends, so the host's signal holds one listener per
 * exchange in flight. (`AbortSignal.any` per request left each composite
 * registered with the host's signal until a full garbage collection found
 * it: about 8,500 at 20,000 files.)
 */
export function followHostDeadline(controller: AbortController): () => void {
  const signal = currentHostSignal();
  if (!signal) return () => {};
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** The current host's reply was read whole (the transport calls this): its clock starts again. */
export function noteHostProgress(): void {
  storage.getStore()?.progress();
}

/**
 * `fetch` under the current host's deadline: a request with no signal of its
 * own gets the host's deadline signal; one with a signal links it to the
 * deadline itself (`followHostDeadline`, as the transport does).
 */
export function deadlineAwareFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const deadline = storage.getStore();
    if (!deadline) return inner(input, init);
    return inner(input, init?.signal ? init : { ...init, signal: deadline.signal });
  };
}
