import type { ImageReference } from '../reference/index.ts';

/**
 * Where an image is named in a Dockerfile. `onbuild-copy-from` and
 * `onbuild-mount-from` are in ONBUILD triggers: every build FROM this image pulls them.
 * `heredoc` is no image: a heredoc the file never closes, always skipped, since
 * BuildKit refuses the file and the lines after it (FROMs too) are its body.
 */
export type DockerfileSiteKind =
  | 'from'
  | 'arg'
  | 'copy-from'
  | 'mount-from'
  | 'onbuild-copy-from'
  | 'onbuild-mount-from'
  | 'syntax'
  | 'heredoc';

/** The other files that name images (`src/manifests/`): one kind a file kind. */
export type ManifestSiteKind =
  'compose' | 'workflow' | 'kubernetes' | 'helm-values' | 'kustomize' | 'devcontainer' | 'gitlab-ci';

export type SiteKind = DockerfileSiteKind | ManifestSiteKind;

/**
 * - `pinnable`: a tag to follow, no digest yet.
 * - `pinned`: tag and digest; may be refreshed.
 * - `skipped`: deliberately left alone; `reason` says why and what to do.
 * - `invalid`: the text is not a valid reference; `reason` is the parser's.
 */
export type SiteStatus = 'pinnable' | 'pinned' | 'skipped' | 'invalid';

/** Half-open range of UTF-16 offsets into the decoded file text. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where a digest goes, decided once at extraction (docs/architecture.md,
 * "The pin location is decided once"). The text at `range` is a reference
 * (`alpine:3.20`, `${REGISTRY}/nginx:1.27`, maybe already `…@sha256:…`) or,
 * for a tag ARG, a bare tag (`3.19`). `digestRange` is inside it: the
 * existing `@sha256:…` with its `@`, or the empty point after the tag when
 * there is none. A pin replaces `digestRange` with `@digest`, preceded by
 * `:latest` when `addLatestTag` (a reference with no tag).
 *
 * With `digestKey` the digest has a key of its own (a Helm chart's `digest:`,
 * a kustomization's `digest:`): `range` and `digestRange` are both the key's
 * value inside its quotes (or the point where a value or a whole new key goes),
 * and a pin writes a bare `sha256:…` there between `before` and `after`.
 */
export interface PinTarget {
  readonly range: SourceRange;
  readonly digestRange: SourceRange;
  readonly addLatestTag: boolean;
  readonly digestKey?: DigestKey | undefined;
}

/** The text around a digest written as a key's value: empty for an existing value, `\n  digest: ` for a new key. */
export interface DigestKey {
  readonly before: string;
  readonly after: string;
}

export interface ImageSite {
  /** The repository path the workspace listed (`services/api/Dockerfile`): every report names the file by it. */
  readonly file: string;
  /** 1-based line where the reference text starts. */
  readonly line: number;
  readonly kind: SiteKind;
  /** The image text as written in the instruction (`alpine:3.20`, `${BASE}`, `alpine:${V}`); for an `arg` site, the ARG's default value. */
  readonly written: string;
  /** The reference after ARG substitution; undefined when it cannot be known. */
  readonly resolved: string | undefined;
  /** Parsed `resolved`, when it is a valid reference. */
  readonly reference: ImageReference | undefined;
  /** Where a pin is written; undefined for skipped and invalid sites. */
  readonly pin: PinTarget | undefined;
  /** Stage name for `FROM … AS name`. */
  readonly stage: string | undefined;
  /** `--platform=` value as written. */
  readonly platform: string | undefined;
  readonly status: SiteStatus;
  /** Why a site is skipped or invalid, in words a person can act on. */
  readonly reason: string | undefined;
}

/** A site a pin can be written to: its reference parsed and its pin location decided. */
export type PinnableSite = ImageSite & { readonly reference: ImageReference; readonly pin: PinTarget };

export function isPinnableSite(site: ImageSite): site is PinnableSite {
  return site.reference !== undefined && site.pin !== undefined;
}
