import type { RunSettings } from '../config/settings.ts';
import type { ImageSite } from '../dockerfile/site.ts';
import type { RegistryClient } from '../registry/types.ts';
import { memoizeRegistryClient } from '../resolve/memoized-client.ts';
import { createSitePolicy } from '../resolve/policy.ts';
import {
  resolveTargetDigest,
  type TargetDigest,
  type TargetDigestOptions,
} from '../resolve/target-digest.ts';
import { applyUpdates } from './apply-updates.ts';
import { asFailure, InvalidSiteError } from './failure.ts';
import type { FileChange, PinReport, PlannedUpdate, SiteFailure, SiteNote } from './pin-report.ts';
import { scanDockerfiles, type ScannedFile } from './scan.ts';

export interface PinDeps {
  readonly registry: RegistryClient;
  /** Called as references resolve, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Digests the run GETs anyway (changelogs): they confirm the pins (`TargetDigestOptions.fetchesDigests`). */
  readonly fetchesDigests?: TargetDigestOptions['fetchesDigests'];
}

export interface PinPlan extends PinReport {
  readonly files: readonly ScannedFile[];
}

/**
 * Scan → resolve → rewrite, in memory: the report of what a pin run changes.
 * Every unique (repository, tag, current digest) is resolved once; a failing
 * reference becomes an error entry and never blocks the others.
 */
export async function planPins(settings: RunSettings, deps: PinDeps): Promise<PinPlan> {
  const scan = await scanDockerfiles(settings);
  const policy = createSitePolicy({ excludeImages: settings.excludeImages });
  const registry = memoizeRegistryClient(deps.registry);
  const { platform } = settings;

  const skipped: SiteNote[] = [];
  const errors: SiteFailure[] = [];
  const toResolve: ImageSite[] = [];
  for (const site of scan.sites) {
    const decision = policy(site);
    if (decision.action === 'resolve') toResolve.push(site);
    else if (decision.action === 'skip') skipped.push(note(site, decision.reason));
    // A reference Docker itself would refuse is bad input: an error, not a silent skip.
    else errors.push(failure(site, new InvalidSiteError(decision.reason)));
  }

  const targets = new Map<string, Promise<TargetDigest>>();
  const targetOf = (site: ImageSite): Promise<TargetDigest> => {
    const ref = site.reference!;
    const key = `${ref.name}:${ref.trackedTag}@${ref.digest ?? ''}`;
    let target = targets.get(key);
    if (!target) {
      target = resolveTargetDigest(registry, ref, { platform, fetchesDigests: deps.fetchesDigests });
      targets.set(key, target);
    }
    return target;
  };
  // Starts each host's token warm-up and returns: a host's references wait for that host only.
  if (registry.prepare) await registry.prepare(toResolve.map((site) => site.reference!));

  let done = 0;
  const outcomes = await Promise.all(
    toResolve.map(async (site) => {
      try {
        return { site, target: await targetOf(site) };
      } catch (error) {
        return { site, error: asFailure(error) };
      } finally {
        deps.onProgress?.(++done, toResolve.length);
      }
    }),
  );

  const updates: PlannedUpdate[] = [];
  const unchanged: SiteNote[] = [];
  for (const outcome of outcomes) {
    const { site } = outcome;
    const ref = site.reference!;
    if (outcome.error !== undefined) {
      errors.push(failure(site, outcome.error));
    } else if (outcome.target.digest === ref.digest) {
      unchanged.push(note(site));
    } else {
      updates.push({
        file: site.file,
        line: site.line,
        kind: site.kind,
        reference: site.written,
        repository: ref.name,
        tag: ref.trackedTag,
        from: ref.digest,
        to: outcome.target.digest,
        mediaType: outcome.target.mediaType,
        ...(outcome.target.fromMirror === undefined ? {} : { fromMirror: outcome.target.fromMirror }),
        pin: site.pin!,
      });
    }
  }

  const written = fileChanges(scan.files, updates);
  return {
    files: scan.files,
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
  readonly updates: PlannedUpdate[];
  /** One per update of a file whose edits did not fit its text; that file is left unchanged. */
  readonly errors: SiteFailure[];
}

/** Applies updates to the texts they came from; files with no update are left out. */
export function fileChanges(files: readonly ScannedFile[], updates: readonly PlannedUpdate[]): FileChanges {
  const byFile = Map.groupBy(updates, (update) => update.file);
  const result: FileChanges = { changes: [], updates: [], errors: [] };
  for (const { file, decoded } of files) {
    const mine = byFile.get(file);
    if (!mine) continue;
    try {
      const after = applyUpdates(decoded.text, mine);
      if (after !== decoded.text) {
        result.changes.push({ file, before: decoded.text, after, encoding: decoded.encoding });
      }
      result.updates.push(...mine);
    } catch (error) {
      for (const update of mine) {
        result.errors.push({ file, line: update.line, reference: update.reference, error: asFailure(error) });
      }
    }
  }
  return result;
}

function note(site: ImageSite, reason?: string): SiteNote {
  const base = { file: site.file, line: site.line, kind: site.kind, reference: site.written };
  return reason === undefined ? base : { ...base, reason };
}

function failure(site: ImageSite, error: SiteFailure['error']): SiteFailure {
  return { file: site.file, line: site.line, reference: site.written, error };
}
