import type { ImageMetadata } from './metadata.ts';
import type { PackageDiff, SbomPackage } from './sbom.ts';
import type { Provenance, ProvenanceMatch, SignatureVerdict } from '../../signatures/index.ts';
import type { VulnerabilityReport } from '../../vulnerabilities/index.ts';

/**
 * What the registry told us about one image digest: the index's platform list (when it is an index), and the
 * details of the platforms this repository uses. Collected by `collect.ts`, compared by `compare.ts`.
 */
export interface ImageSnapshot {
  readonly digest: string;
  readonly mediaType: string;
  /** From the index's own annotations; a single manifest has its metadata in its one platform. */
  readonly metadata: ImageMetadata;
  /** Image entries of the index (attestations left out), `os/arch[/variant]` → digest; undefined for a single manifest. */
  readonly platforms?: Readonly<Record<string, string>> | undefined;
  /** The relevant platforms that could be read. */
  readonly details: readonly PlatformSnapshot[];
}

export interface PlatformSnapshot {
  readonly platform: string;
  readonly digest: string;
  readonly metadata: ImageMetadata;
  /** Compressed size: the sum of the layer sizes. */
  readonly size?: number | undefined;
  /** Undefined when no SBOM was found or read. */
  readonly packages?: readonly SbomPackage[] | undefined;
}

export interface Change<T> {
  readonly from?: T | undefined;
  readonly to?: T | undefined;
}

export interface PlatformFacts {
  readonly platform: string;
  readonly created?: Change<string> | undefined;
  readonly size?: Change<number> | undefined;
  readonly base?: { readonly name: Change<string>; readonly digest: Change<string> } | undefined;
  readonly packages?: PackageDiff | undefined;
}

export interface SourceFacts {
  readonly repository: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly directory?: string | undefined;
  readonly compareUrl?: string | undefined;
  readonly commitUrl?: string | undefined;
  /** Both commits known and equal: the image was rebuilt from the same source. */
  readonly sameSource: boolean;
}

export interface PlatformChanges {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
  /** The platforms this repository builds, when known (the `platform` setting, `FROM --platform=`). */
  readonly used?: readonly string[] | undefined;
  /** False when none of `used` changed: the digest moved for other platforms only. */
  readonly usedChanged?: boolean | undefined;
}

/** What is known about one image's change; every field beyond the digests is present only when it was learned. */
export interface ChangelogFacts {
  /** As people write it: `alpine:3.20`, `ghcr.io/org/app:1`. */
  readonly image: string;
  /** Digest pinned before; undefined when the reference was not pinned. */
  readonly from: string | undefined;
  readonly to: string;
  /** Media type of `from`, when known. */
  readonly fromMediaType?: string | undefined;
  readonly toMediaType: string;
  readonly version?: Change<string> | undefined;
  /** Other tags that point at `to` (e.g. `3.20.3` for `3.20`). */
  readonly tags?: readonly string[] | undefined;
  readonly source?: SourceFacts | undefined;
  readonly platforms?: PlatformChanges | undefined;
  /** One entry per platform read (the ones this repository uses). */
  readonly details?: readonly PlatformFacts[] | undefined;
  /** Facts left out on purpose, said in the PR (`package diff skipped: Docker Hub pull budget`). */
  readonly skipped?: readonly string[] | undefined;
  /** The new digest's signature against the pinned one's (src/signatures/); undefined when not looked for. */
  readonly signature?: SignatureVerdict | undefined;
  /** The SLSA provenance of each platform used that has one, with how it compares to the image's source. */
  readonly provenance?: readonly PlatformProvenance[] | undefined;
  /** Known vulnerabilities fixed and introduced (OSV), when both SBOMs were read and `osv-api` is not off. */
  readonly vulnerabilities?: VulnerabilityReport | undefined;
}

export interface PlatformProvenance {
  readonly platform: string;
  readonly provenance: Provenance;
  readonly match: ProvenanceMatch;
}
