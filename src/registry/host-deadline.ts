import { AsyncLocalStorage } from 'node:async_hooks';
import { RegistryError, RegistryErrorCode } from './errors.ts';

/**
 * How long a registry host may go without progress (issue 8 §6: one sick
 * host must not hold the run; issue 12: a healthy host with thousands of
 * tags must not be failed for being big). The clock runs only while the
 * host has operations under way, and starts again whenever one of its
 * requests gets an answer. When it runs out, the host is sick: every
 * operation still running on it fails with one error, later ones fail at
 * once, and the fetches they started (pings, tokens, retries, sleeps) are
 * aborted through the signal `currentHostDeadline()` hands the transport's
 * fetch. Each request has its own timeout besides (transport.ts), so a host
 * that keeps answering, however slowly, is never failed by this clock.
 */
export class HostDeadline {
  readonly host: string;
  private readonly ms: number;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  /** Operations under way on this host; the clock stops when there are none. */
  private running = 0;

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
    if (this.running === 1) this.restart();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
      storage
        .run(this, operation)
        .then(resolve, reject)
        .finally(() => {
          signal.removeEventListener('abort', onAbort);
          this.running -= 1;
          if (this.running === 0) this.stop();
        });
    });
  }

  /** The host answered a request: it is making progress, so its clock starts again. */
  progress(): void {
    if (this.running > 0 && !this.controller.signal.aborted) this.restart();
  }

  private restart(): void {
    this.stop();
    if (!Number.isFinite(this.ms)) return;
    this.timer = setTimeout(() => {
      this.controller.abort(
        new RegistryError({
          status: 0,
          code: RegistryErrorCode.HostDeadline,
          retryable: false,
          message: `${this.host} made no progress for ${seconds(this.ms)}, its registry-deadline; its remaining references fail`,
          plain: `no progress for ${seconds(this.ms)} (registry-deadline)`,
        }),
      );
    }, this.ms);
    // The deadline bounds work; it must not keep a finished run alive.
    this.timer.unref();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
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
 * it: about 8,500 at 20,000 files, issue 8 §7.)
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

/**
 * `fetch` that counts each answer as progress of the current host. A request
 * with no signal of its own gets the host's deadline signal; one with a signal
 * links it to the deadline itself (`followHostDeadline`, as the transport does).
 */
export function deadlineAwareFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const deadline = storage.getStore();
    if (!deadline) return inner(input, init);
    const response = await inner(input, init?.signal ? init : { ...init, signal: deadline.signal });
    deadline.progress();
    return response;
  };
}
