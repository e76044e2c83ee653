/** Bearer tokens by scope, each until its `expires_in` runs out. */
export class TokenCache {
  private readonly tokens = new Map<string, { readonly token: string; readonly expiresAt: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  get(scope: string): string | undefined {
    const entry = this.tokens.get(scope);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry.token;
    this.tokens.delete(scope);
    return undefined;
  }

  /** Keeps a token a little less than it lives, so it does not expire in flight. */
  set(scope: string, token: string, expiresInSeconds: number): void {
    const marginMs = Math.min(10_000, (expiresInSeconds * 1000) / 10);
    this.tokens.set(scope, { token, expiresAt: this.now() + expiresInSeconds * 1000 - marginMs });
  }
}
