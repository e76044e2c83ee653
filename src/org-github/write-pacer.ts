/**
 * Keeps an organisation run's GitHub requests under an installation's limits, on a clock tests replace:
 * - the primary limit, as the last answer's `x-ratelimit-remaining` / `x-ratelimit-reset` tell it: when
 *   few requests are left, any request waits for the reset;
 * - the content-creation (secondary) limits, about 80 writes a minute and 500 an hour: a write waits until
 *   it fits both windows, and writes go one at a time, spaced;
 * - a secondary-limit answer (403/429 with `retry-after` or `x-ratelimit-reset`): the request waits as told
 *   and goes again, rather than failing the repository.
 * Every job of one installation shares those limits; a pacer paces one process. It counts the time it made
 * requests wait, so a run can report the pacing apart from its own time.
 */
export interface PacerClock {
  /** Milliseconds since 1970. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WritePacerOptions {
  readonly clock?: PacerClock;
  /** Writes in any 60 s. Default 80. */
  readonly writesPerMinute?: number;
  /** Writes in any hour. Default 500. */
  readonly writesPerHour?: number;
  /** Least time between two writes, in ms. Default 1000. */
  readonly writeSpacingMs?: number;
  /** Requests kept back from the primary limit; at or below it, requests wait for the reset. Default 50. */
  readonly primaryReserve?: number;
  /** Waits after a limit answer before the request fails. Default 5. */
  readonly limitRetries?: number;
  /** Wait after a limit answer that names none. Default 60 s. */
  readonly fallbackWaitMs?: number;
  /** Longest single wait; a limit asking more fails the request. Default one hour. */
  readonly maxWaitMs?: number;
}

/** The headers the pacer reads, lower-cased; a missing one is undefined. */
export type LimitHeaders = Readonly<Record<string, string | number | undefined>>;

export interface PacingReport {
  /** Time the write queue stood still for the limits (spacing, windows, limit answers), ms: wall time. */
  readonly waitedMs: number;
  /** Time reads waited for the primary limit's reset, summed over reads (they wait side by side), ms. */
  readonly readWaitedMs: number;
  readonly writes: number;
  /** Limit answers waited out. */
  readonly limitAnswers: number;
}

const minute = 60_000;
const hour = 3_600_000;

export class WritePacer {
  readonly #clock: PacerClock;
  readonly #perMinute: number;
  readonly #perHour: number;
  readonly #spacing: number;
  readonly #reserve: number;
  readonly limitRetries: number;
  readonly #fallback: number;
  readonly #maxWait: number;
  /** Times of the writes of the last hour, oldest first. */
  readonly #writes: number[] = [];
  #remaining: number | undefined;
  #resetAt: number | undefined;
  #queue: Promise<void> = Promise.resolve();
  #waited = 0;
  #readWaited = 0;
  #writeCount = 0;
  #limitAnswers = 0;

  constructor(options: WritePacerOptions = {}) {
    this.#clock = options.clock ?? realClock;
    this.#perMinute = options.writesPerMinute ?? 80;
    this.#perHour = options.writesPerHour ?? 500;
    this.#spacing = options.writeSpacingMs ?? 1000;
    this.#reserve = options.primaryReserve ?? 50;
    this.limitRetries = options.limitRetries ?? 5;
    this.#fallback = options.fallbackWaitMs ?? 60_000;
    this.#maxWait = options.maxWaitMs ?? hour;
  }

  /** Waits until a request may go: a write one at a time, within its windows; any request within the primary limit. */
  beforeRequest(write: boolean): Promise<void> {
    if (!write) return this.#primary(false);
    // Writes are granted in turn, so two writes never take the same slot.
    const turn = this.#queue.then(async () => {
      await this.#primary(true);
      await this.#sleep(this.#writeDelay(), true);
      this.#writes.push(this.#clock.now());
      this.#writeCount += 1;
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Reads the primary limit from an answer's headers. */
  observe(headers: LimitHeaders): void {
    const remaining = numberOf(headers['x-ratelimit-remaining']);
    const reset = numberOf(headers['x-ratelimit-reset']);
    if (remaining !== undefined) this.#remaining = remaining;
    if (reset !== undefined) this.#resetAt = reset * 1000;
  }

  /**
   * How long to wait after a limit answer (`retry-after` seconds, else until `x-ratelimit-reset`, else the
   * fallback); undefined when that is longer than the pacer waits at all.
   */
  limitWait(headers: LimitHeaders): number | undefined {
    this.observe(headers);
    const retryAfter = numberOf(headers['retry-after']);
    const reset = numberOf(headers['x-ratelimit-reset']);
    const wait =
      retryAfter !== undefined
        ? retryAfter * 1000
        : reset !== undefined
          ? Math.max(0, reset * 1000 - this.#clock.now())
          : this.#fallback;
    return wait > this.#maxWait ? undefined : wait;
  }

  /** Waits out a limit answer; every write waits with it (the installation's limit is shared). */
  async waitOutLimit(ms: number): Promise<void> {
    this.#limitAnswers += 1;
    const pause = this.#queue.then(() => this.#sleep(ms, true));
    this.#queue = pause.catch(() => undefined);
    await pause;
  }

  report(): PacingReport {
    return {
      waitedMs: this.#waited,
      readWaitedMs: this.#readWaited,
      writes: this.#writeCount,
      limitAnswers: this.#limitAnswers,
    };
  }

  async #primary(write: boolean): Promise<void> {
    const now = this.#clock.now();
    if (this.#remaining === undefined || this.#remaining > this.#reserve || this.#resetAt === undefined)
      return;
    if (this.#resetAt <= now) {
      this.#remaining = undefined;
      return;
    }
    await this.#sleep(this.#resetAt - now, write);
    this.#remaining = undefined;
  }

  /** How long the next write must wait for spacing and both windows. */
  #writeDelay(): number {
    const now = this.#clock.now();
    while (this.#writes.length > 0 && this.#writes[0]! <= now - hour) this.#writes.shift();
    let until = now;
    const last = this.#writes.at(-1);
    if (last !== undefined) until = Math.max(until, last + this.#spacing);
    if (this.#writes.length >= this.#perHour) {
      until = Math.max(until, this.#writes[this.#writes.length - this.#perHour]! + hour);
    }
    const inMinute = this.#writes.filter((at) => at > now - minute);
    if (inMinute.length >= this.#perMinute) {
      until = Math.max(until, inMinute[inMinute.length - this.#perMinute]! + minute);
    }
    return until - now;
  }

  async #sleep(ms: number, write: boolean): Promise<void> {
    if (ms <= 0) return;
    if (write) this.#waited += ms;
    else this.#readWaited += ms;
    await this.#clock.sleep(ms);
  }
}

function numberOf(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}
