/** At most `limit` holders at a time; the rest wait in arrival order. */
export class Limiter {
  private readonly limit: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** One limiter per key (a registry host), created on first use. */
export class KeyedLimiter {
  private readonly limit: number;
  private readonly limiters = new Map<string, Limiter>();

  constructor(limit: number) {
    this.limit = limit;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new Limiter(this.limit);
      this.limiters.set(key, limiter);
    }
    return limiter.run(task);
  }
}
