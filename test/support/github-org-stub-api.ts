import type { StubState } from './github-stub-state.ts';
import type { StubLimitOptions, StubLimits } from './github-org-stub-limits.ts';

/** The organisation stand-in's public types; `github-org-stub.ts` re-exports them. */
export interface OrgStubRepository {
  readonly name: string;
  /** The default branch's first commit; absent for an empty repository. */
  readonly files?: Readonly<Record<string, string>>;
  readonly archived?: boolean;
  readonly disabled?: boolean;
  readonly fork?: boolean;
  /**
   * `true`: its root tree's recursive listing answers `truncated: true` with half the entries; a number:
   * every recursive listing with more entries than that does (a tree too large to walk).
   */
  readonly truncated?: boolean | number;
  /** Every request of this kind to this repository fails with this answer. */
  readonly failing?: { readonly kind: RequestKind; readonly status: number; readonly message: string };
}

export interface OrgStubOptions {
  readonly owner: string;
  readonly repositories: readonly OrgStubRepository[];
  readonly installationId?: number;
  readonly appId?: number;
  /** The App's public key (PEM): App JWTs are verified with it. */
  readonly appPublicKey?: string;
  /** Tokens accepted besides minted ones (a token from `actions/create-github-app-token`). */
  readonly staticTokens?: readonly string[];
  /** Installation tokens' life on the stand-in's clock. Default one hour. */
  readonly tokenLifeMs?: number;
  readonly limits?: StubLimitOptions;
  readonly serverUrl?: string;
}

export type RequestKind = 'tree' | 'blob' | 'write' | 'read' | 'listing' | 'token' | 'app';

export interface OrgStubRequest {
  readonly method: string;
  readonly path: string;
  readonly kind: RequestKind;
  /** `owner/name` for a repository's request. */
  readonly repository: string | undefined;
  status: number;
}

export interface GitHubOrgStub {
  readonly url: string;
  readonly owner: string;
  readonly requests: readonly OrgStubRequest[];
  /** Requests by kind, for one repository or all. */
  count(kind: RequestKind, repository?: string): number;
  /** A repository's state (pull requests, refs, issues) as the single-repository stub keeps it. */
  state(name: string): StubState;
  readonly limits: StubLimits;
  /** Installation tokens minted so far. */
  tokensMinted(): number;
  resetRequests(): void;
  stop(): Promise<void>;
}
