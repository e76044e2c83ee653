import type { RunSettings } from '../config/settings.ts';
import type { ImageSite, PinnableSite } from '../dockerfile/index.ts';
import type { ImageReference } from '../reference/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import type { Workspace } from '../workspace/index.ts';
import { memoizeRegistryClient } from '../resolve/index.ts';
import { createSitePolicy } from './policy.ts';
import { resolveTargetDigest, type TargetDigest, type TargetDigestOptions } from '../resolve/index.ts';
import { applyUpdates, checkUpdates } from '../update/index.ts';
import { asFailure, InvalidSiteError } from '../update/index.ts';
import {
  siteNote as note,
  type FileChange,
  type PinReport,
  type SiteFailure,
  type SiteNote,
} from '../update/index.ts';
import type { Update } from '../update/index.ts';
import { scanDockerfiles, type ScannedFile } from '../scan/index.ts';
import type { ManifestProblem } from '../manifests/index.ts';

export interface PinDeps {
  readonly registry: RegistryClient;
  /** Where the Dockerfiles are read from. */
  readonly workspace: Workspace;
  /** Called as references resolve, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Digests the run GETs anyway (changelogs): they confirm the pins (`TargetDigestOptions.fetchesDigests`). */
  readonly fetchesDigests?: TargetDigestOptions['fetchesDigests'];
  /** False: hold a hash a file, not its text, and read changed files again to write them (`ScanOptions`). */
  readonly keepTexts?: boolean;
}

export interface PinPlan extends PinReport {
  readonly files: readonly ScannedFile[];
  /** Files that could not be read as their kind (`ScanResult.problems`): one warning each. */
  readonly problems: readonly ManifestProblem[];
}

/**
 * Scan → resolve → rewrite, in memory: the report of what a pin run changes.
 * Every unique (repository, tag, current digest) is resolved once; a failing
 * reference becomes an error entry and never blocks the others.
 */
export async function planPins(settings: Omit<RunSettings, 'cwd'>, deps: PinDeps): Promise<PinPlan> {
  const scan = await scanDockerfiles(settings, deps.workspace, { keepTexts: deps.keepTexts });
  const policy = createSitePolicy({ excludeImages: settings.excludeImages });
  const registry = memoizeRegistryClient(deps.registry);
  const { platform } = settings;

  const skipped: SiteNote[] = [];
  const errors: SiteFailure[] = [];
  const toResolve: PinnableSite[] = [];
  for (const site of scan.sites) {
    const decision = policy(site);
    if (decision.action === 'resolve') toResolve.push(decision.site);
    else if (decision.action === 'skip') skipped.push(note(site, decision.reason));
    // A reference Docker itself would refuse is bad input: an error, not a silent skip.
    else errors.push(failure(site, new InvalidSiteError(decision.reason)));
  }

  const unique = uniqueReferences(toResolve);
  // Starts each host's token warm-up and returns: a host's references wait for that host only.
  if (registry.prepare) await registry.prepare([...unique.values()].map((entry) => entry.ref));
  const outcomes = await resolveOnce(
    unique,
    (ref) => resolveTargetDigest(registry, ref, { platform, fetchesDigests: deps.fetchesDigests }),
    2 * settings.concurrency,
    (done) => deps.onProgress?.(done, toResolve.length),
  );

  const updates: Update[] = [];
  const unchanged: SiteNote[] = [];
  for (const site of toResolve) {
    const outcome = outcomes.get(targetKey(site.reference))!;
    if ('error' in outcome) {
      errors.push(failure(site, outcome.error));
    } else if (outcome.target.digest === site.reference.digest) {
      unchanged.push(note(site));
    } else {
      updates.push({ site, target: outcome.target });
    }
  }

  const written = fileChanges(scan.files, updates);
  return {
    files: scan.files,
    problems: scan.problems,
    sites: scan.sites,
    updates: written.updates,
    unchanged,
    skipped,
    errors: [...errors, ...written.errors],
    changes: written.changes,
    dockerHubPulls: registry.stats().dockerHubPulls,
  };
}

export interface FileChanges {
  readonly changes: FileChange[];
  /** The updates that made it into `changes`. */
  readonly updates: Update[];
  /** One per update of a file whose edits did not fit its text; that file is left unchanged. */
  readonly errors: SiteFailure[];
}

/** Applies updates to the texts they came from; files with no update are left out. */
export function fileChanges(files: readonly ScannedFile[], updates: readonly Update[]): FileChanges {
  const byFile = Map.groupBy(updates, (update) => update.site.file);
  const result: FileChanges = { changes: [], updates: [], errors: [] };
  for (const scanned of files) {
    const mine = byFile.get(scanned.file);
    if (!mine) continue;
    try {
      if (changesText(scanned, mine)) result.changes.push(new LazyChange(scanned, mine));
      for (const update of mine) result.updates.push(update);
    } catch (error) {
      for (const update of mine) {
        result.errors.push(failure(update.site, asFailure(error)));
      }
    }
  }
  return result;
}

/**
 * Whether the updates change the file; throws when they do not fit it. A text
 * let go of is not read again for this: the edits are checked against its
 * length, and an update always changes its text (its digest differs from the
 * one written at its range, or there was none).
 */
function changesText(scanned: ScannedFile, updates: readonly Update[]): boolean {
  if (!scanned.kept) {
    checkUpdates(scanned.length, updates);
    return updates.length > 0;
  }
  const text = scanned.text();
  return applyUpdates(text, updates) !== text;
}

type Outcome = { readonly target: TargetDigest } | { readonly error: SiteFailure['error'] };

interface UniqueReference {
  readonly ref: ImageReference;
  /** How many sites name it, for progress. */
  sites: number;
}

/** What a site's target digest is asked by: the same (repository, tag, current digest) is asked once. */
function targetKey(ref: ImageReference): string {
  return `${ref.name}:${ref.trackedTag}@${ref.digest ?? ''}`;
}

function uniqueReferences(sites: readonly PinnableSite[]): Map<string, UniqueReference> {
  const unique = new Map<string, UniqueReference>();
  for (const site of sites) {
    const ref = site.reference;
    const key = targetKey(ref);
    const entry = unique.get(key);
    if (entry) entry.sites += 1;
    else unique.set(key, { ref, sites: 1 });
  }
  return unique;
}

/**
 * Resolves each unique reference once and settles it to a target or a failure, a few at a
 * time per registry (twice the requests it may have in flight, so its queue never runs dry).
 * Not one pending promise a site, nor one a reference started at once: each waiting
 * resolution holds its chain of closures, and at 20,000 files they outlived enough garbage
 * collections to fill the old generation (so a 20,000-file run keeps its memory bounded). Registries run independently, so a
 * slow one never holds back the others. Progress counts sites, as the user sees them.
 */
async function resolveOnce(
  unique: ReadonlyMap<string, UniqueReference>,
  resolve: (ref: ImageReference) => Promise<TargetDigest>,
  perRegistry: number,
  onProgress: (sitesDone: number) => void,
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  let done = 0;
  const resolveOne = async (key: string, { ref, sites }: UniqueReference): Promise<void> => {
    try {
      outcomes.set(key, { target: await resolve(ref) });
    } catch (error) {
      outcomes.set(key, { error: asFailure(error) });
    } finally {
      done += sites;
      onProgress(done);
    }
  };
  const byRegistry = Map.groupBy(unique, ([, { ref }]) => ref.domain);
  await Promise.all(
    Array.from(byRegistry.values(), async (entries) => {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < entries.length) {
          const [key, entry] = entries[next++]!;
          await resolveOne(key, entry);
        }
      };
      await Promise.all(Array.from({ length: Math.min(perRegistry, entries.length) }, worker));
    }),
  );
  return outcomes;
}

/**
 * A change whose texts are made each time they are read (a write, a diff):
 * `before` is the scanned file's text (kept, or read again and checked to be
 * unchanged: `ScannedFile.text`), `after` that text with the updates applied.
 * A run holds at most one text a file, not the edited copy of every changed
 * file until the end (so a 20,000-file run keeps its memory bounded). The updates were checked to fit once
 * already. A class, so the getters live on the prototype and each change
 * stays a small fixed-shape object.
 */
class LazyChange implements FileChange {
  readonly file: FileChange['file'];
  readonly encoding: FileChange['encoding'];
  readonly #scanned: ScannedFile;
  readonly #updates: readonly Update[];

  constructor(scanned: ScannedFile, updates: readonly Update[]) {
    this.file = scanned.file;
    this.encoding = scanned.encoding;
    this.#scanned = scanned;
    this.#updates = updates;
  }

  get before(): string {
    return this.#scanned.text();
  }

  get sourceHash(): string | undefined {
    return this.#scanned.sourceHash;
  }

  get after(): string {
    return applyUpdates(this.#scanned.text(), this.#updates);
  }
}

function failure(site: ImageSite, error: SiteFailure['error']): SiteFailure {
  return { file: site.file, line: site.line, reference: site.written, error };
}
