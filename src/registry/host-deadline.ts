import { AsyncLocalStorage } from 'node:async_hooks';
import { RegistryError, RegistryErrorCode } from './errors.ts';

/**
 * A total time budget per registry host (issue: one sick host must not hold
 * the run). The clock starts at the host's first operation; when it runs
 * out, every operation still running on the host fails with one error, and
 * the fetches they started (pings, tokens, retries, sleeps) are aborted
 * through the signal `currentHostSignal()` hands the transport's fetch.
 */
export class HostDeadline {
  readonly host: string;
  private readonly ms: number;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(host: string, ms: number) {
    this.host = host;
    this.ms = ms;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `operation` under this host's deadline: it settles by the deadline at the latest. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    this.start();
    const { signal } = this.controller;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
      storage
        .run(signal, operation)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private start(): void {
    if (this.timer !== undefined || !Number.isFinite(this.ms)) return;
    this.timer = setTimeout(() => {
      this.controller.abort(
        new RegistryError({
          status: 0,
          code: RegistryErrorCode.HostDeadline,
          retryable: false,
          message: `${this.host} did not finish within its ${Math.ceil(this.ms / 1000)} s deadline; its remaining references fail`,
        }),
      );
    }, this.ms);
    // The deadline bounds work; it must not keep a finished run alive.
    this.timer.unref();
  }
}

const storage = new AsyncLocalStorage<AbortSignal>();

/** The deadline signal of the host whose operation is running, if any. */
export function currentHostSignal(): AbortSignal | undefined {
  return storage.getStore();
}

/** `fetch` that also stops when the current host's deadline passes. */
export function deadlineAwareFetch(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const deadline = currentHostSignal();
    if (!deadline) return inner(input, init);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return inner(input, { ...init, signal });
  };
}
