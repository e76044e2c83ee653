import type {
  Change,
  ChangelogFacts,
  ImageSnapshot,
  PlatformChanges,
  PlatformFacts,
  PlatformSnapshot,
  SourceFacts,
} from './facts.ts';
import type { ImageMetadata } from './metadata.ts';
import { samePlatformKey } from '../../oci/index.ts';
import { diffPackages } from './sbom.ts';
import { commitUrl, compareUrl } from './source.ts';

export interface CompareInput {
  readonly image: string;
  readonly from?: ImageSnapshot | undefined;
  readonly to: ImageSnapshot;
  /** Platforms this repository builds, when known. */
  readonly used?: readonly string[] | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly skipped?: readonly string[] | undefined;
}

/** The facts of one image change, from the two snapshots; pure. */
export function compareSnapshots(input: CompareInput): ChangelogFacts {
  const { from, to } = input;
  const fromMeta = from ? leadMetadata(from) : undefined;
  const toMeta = leadMetadata(to);
  const details = to.details.map((detail) =>
    platformFacts(
      detail,
      from?.details.find((d) => d.platform === detail.platform),
    ),
  );
  return prune({
    image: input.image,
    from: from?.digest,
    to: to.digest,
    fromMediaType: from?.mediaType || undefined,
    toMediaType: to.mediaType,
    version: change(fromMeta?.version, toMeta.version),
    tags: input.tags?.length ? input.tags : undefined,
    source: sourceFacts(fromMeta, toMeta),
    platforms: from ? platformChanges(from, to, input.used) : undefined,
    details: details.some((d) => Object.keys(d).length > 1) ? details : undefined,
    skipped: input.skipped?.length ? input.skipped : undefined,
  });
}

/** The metadata that speaks for the image: the index's own, filled in from its first relevant platform. */
function leadMetadata(snapshot: ImageSnapshot): ImageMetadata {
  return { ...snapshot.details[0]?.metadata, ...definedOnly(snapshot.metadata) };
}

function platformFacts(to: PlatformSnapshot, from: PlatformSnapshot | undefined): PlatformFacts {
  const base =
    to.metadata.baseName !== undefined || to.metadata.baseDigest !== undefined
      ? {
          name: { from: from?.metadata.baseName, to: to.metadata.baseName },
          digest: { from: from?.metadata.baseDigest, to: to.metadata.baseDigest },
        }
      : undefined;
  return prune({
    platform: to.platform,
    created: change(from?.metadata.created, to.metadata.created),
    size: to.size === undefined ? undefined : { from: from?.size, to: to.size },
    base,
    packages: from?.packages && to.packages ? diffPackages(from.packages, to.packages) : undefined,
  });
}

function sourceFacts(from: ImageMetadata | undefined, to: ImageMetadata): SourceFacts | undefined {
  const source = to.source;
  if (!source) return undefined;
  const before = from?.source?.repository === source.repository ? from.source : undefined;
  return prune({
    repository: source.repository,
    from: before?.commit,
    to: source.commit,
    directory: source.directory,
    compareUrl: compareUrl(before, source),
    commitUrl: commitUrl(source),
    sameSource: before?.commit !== undefined && before.commit === source.commit,
  });
}

function platformChanges(
  from: ImageSnapshot,
  to: ImageSnapshot,
  used: readonly string[] | undefined,
): PlatformChanges | undefined {
  if (!from.platforms || !to.platforms) return undefined;
  const before = from.platforms;
  const after = to.platforms;
  const names = (record: Readonly<Record<string, string>>) => Object.keys(record).sort();
  const changed = names(after).filter((p) => before[p] !== undefined && before[p] !== after[p]);
  const unchanged = names(after).filter((p) => before[p] === after[p]);
  const added = names(after).filter((p) => before[p] === undefined);
  const removed = names(before).filter((p) => after[p] === undefined);
  // `linux/arm64` in a Dockerfile is `linux/arm64/v8` in the index: name the used platforms as the index does.
  const known = [...new Set([...names(after), ...names(before)])];
  const usedKeys = used?.flatMap((wanted) => {
    const matches = known.filter((key) => samePlatformKey(key, wanted));
    return matches.length ? matches : [wanted];
  });
  const usedChanged =
    usedKeys === undefined || usedKeys.length === 0
      ? undefined
      : usedKeys.some((p) => changed.includes(p) || added.includes(p) || removed.includes(p));
  return prune({
    changed,
    added,
    removed,
    unchanged,
    used: usedKeys?.length ? usedKeys : undefined,
    usedChanged,
  });
}

function change<T>(from: T | undefined, to: T | undefined): Change<T> | undefined {
  return from === undefined && to === undefined ? undefined : prune({ from, to });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Leaves out undefined fields, so JSON and snapshots show only what was learned. */
function prune<T extends object>(value: T): T {
  return definedOnly(value) as T;
}
