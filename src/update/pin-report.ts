import type { ImageSite, SiteKind } from '../dockerfile/index.ts';
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

/** A Dockerfile whose text changes; `before`/`after` are the full decoded texts. */
export interface FileChange {
  readonly file: string;
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
