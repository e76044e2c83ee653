import type { ImageReference } from '../reference/index.ts';
import type { FoundCredential } from './docker-config.ts';
import { Endpoint } from './endpoint.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { HostDeadline } from './host-deadline.ts';
import { isLoopbackHost, registryHostFor } from './hosts.ts';
import { allSourcesFailed, type SourceFailure } from './source-failures.ts';
import { prefixed } from './sources.ts';
import type { Transport } from './transport.ts';
import type { ManifestHead, Mirror } from './types.ts';

/** One place a repository can be asked: the registry itself, one of its mirrors, or its alias. */
export interface Source {
  readonly endpoint: Endpoint;
  readonly deadline: HostDeadline;
  /** Repository prefix on this source (`dockerhub-proxy`), `''` for none. */
  readonly prefix: string;
  readonly mirror: boolean;
  /** How it stands to the reference, as errors name it: `upstream`, `mirror`, `alias`. */
  readonly role: 'upstream' | 'mirror' | 'alias';
}

export interface SourceSetInit {
  readonly transport: Transport;
  readonly credentialFor: (host: string) => Promise<FoundCredential | undefined>;
  readonly onSecret: (secret: string) => void;
  readonly log: (message: string) => void;
  readonly insecureRegistries: readonly string[];
  readonly mirrors: Readonly<Record<string, readonly Mirror[]>>;
  readonly registryAliases: Readonly<Record<string, Mirror>>;
  readonly hostDeadlineMs: number;
}

/**
 * Which hosts a reference is asked on, and in what order (docs/architecture.md, "Mirrors and aliases"): tags on
 * the registry itself (or its alias), mirrors for content by digest and as the
 * fallback when the registry cannot be reached. Each host runs under its own
 * deadline, waits only for its own token warm-up, and is not asked again once
 * it could not be reached.
 */
export class SourceSet {
  private readonly init: SourceSetInit;
  private readonly insecure: ReadonlySet<string>;
  private readonly mirrors: ReadonlyMap<string, readonly Mirror[]>;
  private readonly aliases: ReadonlyMap<string, Mirror>;
  private readonly sources = new Map<string, Omit<Source, 'prefix' | 'mirror' | 'role'>>();
  /** Tokens being warmed per endpoint; its requests wait for that endpoint's warm-up only. */
  private readonly warming = new Map<Endpoint, Promise<void>>();
  /** Endpoints that could not be reached, with the first failure: not asked again this run. */
  private readonly down = new Map<Endpoint, RegistryError>();

  constructor(init: SourceSetInit) {
    this.init = init;
    this.insecure = new Set(init.insecureRegistries.map((host) => host.toLowerCase()));
    this.mirrors = new Map(Object.entries(init.mirrors));
    this.aliases = new Map(Object.entries(init.registryAliases));
  }

  /** The registry (or its alias, which replaces it), and the mirrors to fall back on. */
  sourcesFor(ref: ImageReference): { primary: Source; mirrors: Source[] } {
    const upstream = registryHostFor(ref.domain);
    const alias = this.aliases.get(ref.domain) ?? this.aliases.get(upstream);
    if (alias) return { primary: this.fromUrl(alias, 'alias'), mirrors: [] };
    const schemes = this.isInsecure(ref.domain, upstream)
      ? (['https:', 'http:'] as const)
      : (['https:'] as const);
    const mirrors = this.mirrors.get(ref.domain) ?? this.mirrors.get(upstream) ?? [];
    return {
      primary: this.source(upstream, schemes, ref.domain, 'upstream', ''),
      mirrors: mirrors.map((url) => this.fromUrl(url, 'mirror')),
    };
  }

  /**
   * Tags are asked of the registry itself: a mirror may be stale or lie. Its
   * mirrors answer only when it cannot be reached, and say so (`fromMirror`).
   */
  async upstreamFirst(
    ref: ImageReference,
    operation: (from: Source) => Promise<ManifestHead>,
  ): Promise<ManifestHead> {
    const { primary, mirrors } = this.sourcesFor(ref);
    try {
      return await this.onSource(primary, operation);
    } catch (error) {
      if (mirrors.length === 0 || !cannotReach(error)) throw error;
      this.init.log(
        `${primary.endpoint.host} cannot be reached (${(error as Error).message}); asking its mirrors`,
      );
      const asked = [{ role: primary.role, host: primary.endpoint.host, error }];
      return this.firstAnswer(
        ref,
        mirrors,
        async (mirror) => ({ ...(await operation(mirror)), fromMirror: mirror.endpoint.host }),
        asked,
      );
    }
  }

  /** Content by digest is verified wherever it comes from: mirrors first (they spare the registry's pull limits). */
  mirrorsFirst<T>(ref: ImageReference, operation: (from: Source) => Promise<T>): Promise<T> {
    const { primary, mirrors } = this.sourcesFor(ref);
    return this.firstAnswer(ref, [...mirrors, primary], operation);
  }

  /** Starts warming tokens per host and returns: each host's references wait for their own host only. */
  prepare(refs: readonly ImageReference[]): void {
    const byEndpoint = new Map<Endpoint, { from: Source; repositories: Set<string> }>();
    for (const ref of refs) {
      const { primary } = this.sourcesFor(ref);
      let entry = byEndpoint.get(primary.endpoint);
      if (!entry) {
        entry = { from: primary, repositories: new Set() };
        byEndpoint.set(primary.endpoint, entry);
      }
      entry.repositories.add(prefixed(primary.prefix, ref.path));
    }
    for (const [endpoint, { from, repositories }] of byEndpoint) {
      if (this.warming.has(endpoint)) continue;
      const warm = from.deadline
        .run(() => endpoint.prepare([...repositories]))
        .catch((error: unknown) => {
          this.init.log(`${endpoint.host}: could not prepare tokens (${(error as Error).message})`);
        });
      this.warming.set(endpoint, warm);
    }
  }

  /** Each source in turn until one answers; when none does, the error names each with its answer. */
  private async firstAnswer<T>(
    ref: ImageReference,
    candidates: readonly Source[],
    operation: (from: Source) => Promise<T>,
    failedBefore: readonly SourceFailure[] = [],
  ): Promise<T> {
    const failures = [...failedBefore];
    for (const [index, candidate] of candidates.entries()) {
      try {
        return await this.onSource(candidate, operation);
      } catch (error) {
        failures.push({ role: candidate.role, host: candidate.endpoint.host, error });
        if (index === candidates.length - 1) break;
        this.init.log(
          `${candidate.endpoint.host} failed for ${ref.name} (${(error as Error).message}); trying the next source`,
        );
      }
    }
    throw allSourcesFailed(failures);
  }

  /** Runs `operation` on one source under its host's deadline, once its tokens are warm; remembers a dead host. */
  private async onSource<T>(from: Source, operation: (from: Source) => Promise<T>): Promise<T> {
    const { endpoint } = from;
    const dead = this.down.get(endpoint);
    if (dead) {
      throw new RegistryError({
        status: 0,
        code: dead.code,
        retryable: false,
        message: `${endpoint.host} could not be reached earlier in this run (${dead.message})`,
        plain: `${dead.plain ?? dead.message}, earlier in this run`,
        unreachable: dead.unreachable,
      });
    }
    try {
      return await from.deadline.run(async () => {
        await this.warming.get(endpoint);
        return operation(from);
      });
    } catch (error) {
      if (isUnreachable(error) && !this.down.has(endpoint)) this.down.set(endpoint, error);
      throw error;
    }
  }

  // Like dockerd (127.0.0.0/8 is insecure by default) and go-containerregistry (localhost → http):
  // a registry on loopback may answer plain http without being listed.
  private isInsecure(...hosts: string[]): boolean {
    return hosts.some((host) => this.insecure.has(host.toLowerCase()) || isLoopbackHost(host));
  }

  private fromUrl(url: Mirror, role: 'mirror' | 'alias'): Source {
    const schemes = url.plainHttp
      ? (['http:'] as const)
      : this.isInsecure(url.host)
        ? (['https:', 'http:'] as const)
        : (['https:'] as const);
    return this.source(url.host, schemes, url.host, role, url.prefix);
  }

  private source(
    host: string,
    schemes: readonly ('https:' | 'http:')[],
    credentialHost: string,
    role: Source['role'],
    prefix: string,
  ): Source {
    const mirror = role === 'mirror';
    const key = `${schemes.join('+')}//${host}`;
    let found = this.sources.get(key);
    if (!found) {
      const { transport, onSecret, log } = this.init;
      const endpoint = new Endpoint({
        host,
        schemes,
        viaMirror: mirror,
        transport,
        credential: () => this.init.credentialFor(credentialHost),
        onSecret,
        log,
      });
      found = { endpoint, deadline: new HostDeadline(host, this.init.hostDeadlineMs) };
      this.sources.set(key, found);
    }
    return { ...found, mirror, role, prefix };
  }
}

/**
 * A failure to reach the host at all (connection, DNS, TLS, timeout, deadline): worth remembering. A reply
 * that broke HTTP is not one: the host answered, and its other references are still asked
 * (`classifyNetworkFailure` decides which is which).
 */
function isUnreachable(error: unknown): error is RegistryError {
  return error instanceof RegistryError && error.unreachable !== undefined;
}

/** The registry cannot serve now (unreachable, down, rate limited): its mirrors may stand in. */
function cannotReach(error: unknown): boolean {
  if (isUnreachable(error)) return true;
  return (
    error instanceof RegistryError &&
    (error.status >= 500 ||
      error.status === 429 ||
      error.code === RegistryErrorCode.PullBudgetExhausted ||
      error.code === RegistryErrorCode.RateLimited)
  );
}
