import { shortDigest } from '../reference/index.ts';

/**
 * What is known about one image's change. Today: digests and manifest kinds. This is the seam for the
 * image-metadata/SBOM feature: collect more facts (config `created`, OCI labels, package diffs) into this
 * type and render them here; callers do not change.
 */
export interface ChangelogFacts {
  /** As people write it: `alpine:3.20`, `ghcr.io/org/app:1`. */
  readonly image: string;
  /** Digest pinned before; undefined when the reference was not pinned. */
  readonly from: string | undefined;
  readonly to: string;
  /** Media type of `from`, when known. */
  readonly fromMediaType?: string | undefined;
  readonly toMediaType: string;
}

/** https://github.com/opencontainers/image-spec/blob/main/media-types.md and Docker's manifest v2 schema 2. */
const manifestKinds: Readonly<Record<string, string>> = {
  'application/vnd.oci.image.index.v1+json': 'multi-platform OCI image index',
  'application/vnd.docker.distribution.manifest.list.v2+json': 'multi-platform Docker manifest list',
  'application/vnd.oci.image.manifest.v1+json': 'single-platform OCI image manifest',
  'application/vnd.docker.distribution.manifest.v2+json': 'single-platform Docker image manifest',
};

export function manifestKind(mediaType: string): string {
  return manifestKinds[mediaType] ?? `\`${mediaType}\``;
}

function lineFor(facts: ChangelogFacts): string[] {
  const to = `\`${shortDigest(facts.to)}\``;
  const lines = [
    facts.from === undefined
      ? `- \`${facts.image}\`: now pinned to ${to} (${manifestKind(facts.toMediaType)}).`
      : facts.from === facts.to
        ? `- \`${facts.image}\`: pinned to ${to} (unchanged digest).`
        : `- \`${facts.image}\`: the tag moved from \`${shortDigest(facts.from)}\` to ${to} (${manifestKind(facts.toMediaType)}).`,
  ];
  if (facts.fromMediaType !== undefined && facts.fromMediaType !== facts.toMediaType) {
    lines.push(
      `  - The manifest kind changed: ${manifestKind(facts.fromMediaType)} → ${manifestKind(facts.toMediaType)}.`,
    );
  }
  return lines;
}

/** Markdown for the "what changed" part of a pull request; one entry per distinct image change. */
export function renderChangelog(facts: readonly ChangelogFacts[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const fact of facts) {
    const key = `${fact.image}\n${fact.from ?? ''}\n${fact.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(...lineFor(fact));
  }
  return lines.join('\n');
}
