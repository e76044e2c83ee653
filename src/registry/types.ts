import type { Dispatcher } from 'undici';
import type { Mirror, RegistryCredential } from '../config/values.ts';
import type { ImageReference } from '../reference/index.ts';

export type { Platform } from '../reference/index.ts';
export type { Mirror, RegistryCredential } from '../config/values.ts';

export interface RegistryOptions {
  /**
   * Registry host (as in references: `docker.io`, `localhost:5000`) → mirrors, maybe with a path
   * prefix. Tags are resolved on the registry itself; mirrors serve content by digest first, and
   * resolve tags only when the registry cannot be reached (the result then says `fromMirror`).
   */
  readonly mirrors?: Readonly<Record<string, readonly Mirror[]>>;
  /**
   * Registry host → the base URL (maybe with a path prefix) that replaces it: `docker.io` →
   * `https://harbor.corp/dockerhub-proxy` asks `harbor.corp` for `dockerhub-proxy/library/alpine`
   * and never contacts Docker Hub. References are written as before.
   */
  readonly registryAliases?: Readonly<Record<string, Mirror>>;
  /**
   * How long a registry host may go without answering any request while operations wait on it; then
   * its remaining operations fail. A slow host that keeps answering is not failed. Default 60 s.
   */
  readonly hostDeadlineMs?: number;
  /** Hosts that may be reached over plain HTTP. */
  readonly insecureRegistries?: readonly string[];
  /** Explicit credentials per host; they win over docker config.json. */
  readonly credentials?: Readonly<Record<string, RegistryCredential>>;
  /** Folder holding docker's config.json; default `$DOCKER_CONFIG` or `~/.docker`. */
  readonly dockerConfigDir?: string;
  /** How long a docker credential helper may run before its process group is killed. Default 15 s. */
  readonly credentialHelperTimeoutMs?: number;
  /** Requests in flight per registry host. */
  readonly concurrencyPerRegistry?: number;
  readonly requestTimeoutMs?: number;
  /** Retries for 429/5xx/resets/timeouts (bounded). Default 3. */
  readonly maxRetries?: number;
  /** First backoff delay; doubles per retry, with jitter. Default 500 ms. */
  readonly retryBaseDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails with a rate-limit error. Default 60 s. */
  readonly maxRetryWaitMs?: number;
  /** Docker Hub pulls left at which manifest GETs to Docker Hub stop (HEADs go on). Default 5. */
  readonly dockerHubPullFloor?: number;
  /** Injected for tests; defaults to a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called with every token and password so an entry can mask it in logs. */
  readonly onSecret?: (secret: string) => void;
  readonly log?: (message: string) => void;
  /** Injected for tests; defaults to global fetch. */
  readonly fetch?: typeof fetch;
  /**
   * The dispatcher fetch uses; default the global one, which the entries
   * make an address-checking one (workspace/proxy.ts). Tests pass a guarded
   * dispatcher with an injected DNS lookup.
   */
  readonly dispatcher?: Dispatcher;
}

/** A manifest as served: the digest is verified against the bytes when the bytes were fetched. */
export interface ManifestHead {
  readonly digest: string;
  readonly mediaType: string;
  /** The digest is the hash of bytes the registry served (not only a header's word for it). */
  readonly verified?: boolean;
  /**
   * This mirror answered, not the registry: for a tag, because the registry could not be reached (the
   * digest is unconfirmed); for a manifest GET by digest, the bytes are verified but are not the registry's
   * word that it serves them.
   */
  readonly fromMirror?: string;
}

export interface Manifest extends ManifestHead {
  readonly bytes: Uint8Array;
}

/** Registry requests made, by kind, for the benchmark and the report. */
export interface RequestStats {
  ping: number;
  token: number;
  head: number;
  get: number;
  /** Requests answered by a mirror. */
  mirror: number;
  retries: number;
  /** Manifest GETs sent to Docker Hub: each counts against its pull rate limit (HEADs do not). */
  dockerHubPulls: number;
}

export interface RegistryClient {
  /** What the tag points at with all index/list types accepted: HEAD, else GET and hash the bytes. */
  resolveTag(ref: ImageReference): Promise<ManifestHead>;
  /** What a tag or digest names (digest and media type), by HEAD where the registry's answer can be trusted. */
  describeManifest(ref: ImageReference, tagOrDigest: string): Promise<ManifestHead>;
  /** GET a manifest by tag or digest; the bytes always hash to the digest returned (and asked for). */
  fetchManifest(ref: ImageReference, tagOrDigest: string): Promise<Manifest>;
  /** GET a blob (an image config) by digest, verified. */
  fetchBlob(ref: ImageReference, digest: string): Promise<Uint8Array>;
  /**
   * Starts warming bearer tokens for many repositories of one run (one token request per host where
   * allowed) and returns at once: requests to a host wait for that host's warm-up only.
   */
  prepare?(refs: readonly ImageReference[]): Promise<void>;
  stats(): RequestStats;
  /** One page of the repository's tags (changelog facts; see discovery.ts). */
  listTags?(ref: ImageReference): Promise<TagPage>;
  /**
   * Artifacts whose subject is `digest`: the referrers API, else the `sha256-<hex>` fallback tag (looked up
   * in `lookup.tags` when given, a page of the repository's tags read already).
   */
  fetchReferrers?(
    ref: ImageReference,
    digest: string,
    lookup?: { readonly tags?: TagPage | undefined },
  ): Promise<Referrer[]>;
  /** Docker Hub pulls left in this window as last reported (`ratelimit-remaining`), undefined when unknown. */
  dockerHubPullsLeft?(): number | undefined;
}

export interface TagPage {
  readonly tags: readonly string[];
  /** The registry has more pages (not read). */
  readonly more: boolean;
}

/** A descriptor of a referrers response. https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-referrers */
export interface Referrer {
  readonly mediaType: string;
  readonly digest: string;
  readonly size?: number | undefined;
  readonly artifactType?: string | undefined;
  readonly annotations?: Readonly<Record<string, string>> | undefined;
}
