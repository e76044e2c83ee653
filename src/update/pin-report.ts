import type { ImageSite, RepositoryPath, SiteKind } from '../dockerfile/index.ts';
import { RegistryError } from '../registry/index.ts';
import type { Failure } from './failure.ts';
import type { Update } from './update.ts';

/** A site reported by file:line (unchanged, skipped). */
export interface SiteNote {
  readonly file: string;
  readonly line: number;
  readonly kind: SiteKind;
  readonly reference: string;
  readonly reason?: string;
}

/** The note of a site (an update held back, unchanged, skipped): where it is and what is written there. */
export function siteNote(site: ImageSite, reason?: string): SiteNote {
  const base = { file: site.file, line: site.line, kind: site.kind, reference: site.written };
  return reason === undefined ? base : { ...base, reason };
}

/** A site (or every site of a file) that could not be done, with the typed reason. */
export interface SiteFailure {
  readonly file: string;
  readonly line: number;
  readonly reference: string;
  readonly error: Failure;
}

/** A host that could not be reached, and how many more references failed for that alone. */
export interface UnreachableHost {
  readonly host: string;
  readonly notChecked: number;
}

/**
 * Failures as a person reads them: each host that could not be reached is shown once, by its first
 * reference's failure (which says why: `host not found: gcr.io`), and its other references are counted, not
 * listed (a dead Docker Hub is one line, not 64). `--json` keeps every failure with its code.
 */
export function groupUnreachable(errors: readonly SiteFailure[]): {
  readonly shown: readonly SiteFailure[];
  readonly unreachable: readonly UnreachableHost[];
} {
  const shown: SiteFailure[] = [];
  const counts = new Map<string, number>();
  for (const failure of errors) {
    const host = failure.error instanceof RegistryError ? failure.error.unreachable : undefined;
    if (host === undefined) shown.push(failure);
    else if (!counts.has(host)) {
      counts.set(host, 0);
      shown.push(failure);
    } else counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const unreachable = [...counts]
    .filter(([, notChecked]) => notChecked > 0)
    .map(([host, notChecked]) => ({ host, notChecked }));
  return { shown, unreachable };
}

/** `registry-1.docker.io unreachable: 64 references not checked`. */
export function unreachableLine({ host, notChecked }: UnreachableHost): string {
  return `${host} unreachable: ${notChecked} ${notChecked === 1 ? 'reference' : 'references'} not checked`;
}

/** A Dockerfile whose text changes; `before`/`after` are the full decoded texts. */
export interface FileChange {
  /** The path the workspace listed: the one a write takes. */
  readonly file: RepositoryPath;
  readonly before: string;
  readonly after: string;
  /** How the bytes decode: write `after` back the same way. */
  readonly encoding: 'utf-8' | 'latin1';
  /** The hash of the bytes `before` was read from, when the text is read again to write (`ScannedFile`). */
  readonly sourceHash?: string | undefined;
}

/** What one pin run found and would write: the contract of `basepin pin --json` and the action. */
export interface PinReport {
  readonly sites: readonly ImageSite[];
  /** Each names its site, whose pin target says where its digest is written: any subset applies to a file. */
  readonly updates: readonly Update[];
  readonly unchanged: readonly SiteNote[];
  readonly skipped: readonly SiteNote[];
  readonly errors: readonly SiteFailure[];
  readonly changes: readonly FileChange[];
  /** Manifest GETs this run sent to Docker Hub, each counted against its pull rate limit (HEADs are not). */
  readonly dockerHubPulls?: number;
}
