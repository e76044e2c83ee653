import { dockerHub } from '../reference/index.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { parseRateLimitRemaining } from './retry-timing.ts';

/** What a request is, as far as Docker Hub's pull count goes. */
interface PullRequest {
  readonly method: string;
  readonly url: URL;
}

/**
 * Docker Hub's pull budget as the run knows it: what Docker Hub last
 * announced (`ratelimit-remaining`), less the pulls sent and not yet answered,
 * so references resolved side by side each see the others' pulls before
 * their answers arrive. Manifest GETs are refused at `floor`.
 */
export class DockerHubPulls {
  private readonly floor: number;
  private announced: number | undefined;
  private inFlight = 0;

  constructor(floor: number) {
    this.floor = floor;
  }

  left(): number | undefined {
    return this.announced === undefined ? undefined : this.announced - this.inFlight;
  }

  /** Runs `send`: a pull is refused at the floor (named by `describe`), and counted while under way. */
  async spend<T>(request: PullRequest, describe: () => string, send: () => Promise<T>): Promise<T> {
    if (!isPull(request)) return send();
    const left = this.left();
    if (left !== undefined && left <= this.floor) {
      throw new RegistryError({
        status: 0,
        code: RegistryErrorCode.PullBudgetExhausted,
        retryable: true,
        message: `${describe()}: Docker Hub reports ${this.announced} pulls left in this window, ${this.inFlight} under way; basepin stops issuing manifest GETs at ${this.floor} (HEAD requests continue); log in or retry later`,
      });
    }
    this.inFlight += 1;
    try {
      return await send();
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Takes in what a Docker Hub reply announces is left. */
  note(url: URL, headers: Headers): void {
    if (url.host !== dockerHub.registryHost) return;
    const remaining = parseRateLimitRemaining(headers.get('ratelimit-remaining'));
    if (remaining !== undefined) this.announced = remaining;
  }
}

/** Docker Hub counts a manifest GET (not a HEAD, not a blob) as a pull. */
function isPull(request: PullRequest): boolean {
  return (
    request.method === 'GET' &&
    request.url.host === dockerHub.registryHost &&
    request.url.pathname.includes('/manifests/')
  );
}
