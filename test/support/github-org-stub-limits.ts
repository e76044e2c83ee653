/**
 * GitHub's limits as the organisation stand-in applies them, on the test's clock: the installation's
 * primary budget (`x-ratelimit-*` on every answer, refilled at the reset) and the content-creation limits
 * (80 writes a minute, 500 an hour), past which a write gets the secondary-limit answer. Every write that
 * went past a content-creation limit is counted as a violation, so a test can assert a client kept the pace.
 */
export interface StubLimitOptions {
  /** Milliseconds since 1970; the stand-in's clock (share the pacer's fake clock in tests). */
  readonly now?: () => number;
  /** Primary budget per window. Default 5000. */
  readonly limit?: number;
  /** Primary window, ms. Default one hour. */
  readonly windowMs?: number;
  readonly writesPerMinute?: number;
  readonly writesPerHour?: number;
  /** Seconds a secondary-limit answer asks the client to wait. Default 60. */
  readonly retryAfterSeconds?: number;
}

export interface LimitVerdict {
  readonly headers: Record<string, string>;
  /** Set when the request is refused: GitHub's status and message. */
  readonly refusal?: {
    readonly status: number;
    readonly message: string;
    readonly headers: Record<string, string>;
  };
}

export class StubLimits {
  readonly #now: () => number;
  readonly #limit: number;
  readonly #window: number;
  readonly #perMinute: number;
  readonly #perHour: number;
  readonly #retryAfter: number;
  #remaining: number;
  #resetAt: number;
  readonly #writes: number[] = [];
  #forced = 0;
  /** Writes that came faster than the content-creation limits allow (each refused): 0 when a client paces. */
  violations = 0;
  secondaryAnswers = 0;
  primaryAnswers = 0;

  constructor(options: StubLimitOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#limit = options.limit ?? 5000;
    this.#window = options.windowMs ?? 3_600_000;
    this.#perMinute = options.writesPerMinute ?? 80;
    this.#perHour = options.writesPerHour ?? 500;
    this.#retryAfter = options.retryAfterSeconds ?? 60;
    this.#remaining = this.#limit;
    this.#resetAt = this.#now() + this.#window;
  }

  /** The next `times` writes get the secondary-limit answer whatever the pace. */
  forceSecondary(times = 1): void {
    this.#forced += times;
  }

  /** Sets what is left of the primary budget (to test waiting for the reset). */
  setRemaining(remaining: number, resetInMs?: number): void {
    this.#remaining = remaining;
    if (resetInMs !== undefined) this.#resetAt = this.#now() + resetInMs;
  }

  /** Counts one request; a write also against the content-creation windows. */
  check(write: boolean): LimitVerdict {
    const now = this.#now();
    if (now >= this.#resetAt) {
      this.#remaining = this.#limit;
      this.#resetAt = now + this.#window;
    }
    const headers = (): Record<string, string> => ({
      'x-ratelimit-limit': String(this.#limit),
      'x-ratelimit-remaining': String(this.#remaining),
      'x-ratelimit-reset': String(Math.ceil(this.#resetAt / 1000)),
      'x-ratelimit-resource': 'core',
    });
    if (this.#remaining <= 0) {
      this.primaryAnswers += 1;
      return {
        headers: headers(),
        refusal: { status: 403, message: 'API rate limit exceeded for installation.', headers: headers() },
      };
    }
    this.#remaining -= 1;
    if (!write) return { headers: headers() };
    while (this.#writes.length > 0 && this.#writes[0]! <= now - 3_600_000) this.#writes.shift();
    const lastMinute = this.#writes.filter((at) => at > now - 60_000).length;
    const over = lastMinute >= this.#perMinute || this.#writes.length >= this.#perHour;
    if (this.#forced > 0 || over) {
      if (over) this.violations += 1;
      else this.#forced -= 1;
      this.secondaryAnswers += 1;
      return {
        headers: headers(),
        refusal: {
          status: 403,
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          headers: { ...headers(), 'retry-after': String(this.#retryAfter) },
        },
      };
    }
    this.#writes.push(now);
    return { headers: headers() };
  }
}
