/**
 * `Retry-After` as seconds or an HTTP date, in milliseconds from `now`;
 * undefined when absent or unreadable. https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter: attempt 0 waits about `base`, doubling, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 20_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Docker Hub's `ratelimit-remaining: 76;w=21600` (pulls left in the window).
 * https://docs.docker.com/docker-hub/usage/pulls/#view-pull-rate-and-limit
 */
export function parseRateLimitRemaining(header: string | null): number | undefined {
  const match = header === null ? null : /^\s*(\d+)/.exec(header);
  return match ? Number(match[1]) : undefined;
}
