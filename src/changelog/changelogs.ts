import { createChangelogCollector } from './collect.ts';
import type { ChangelogFacts } from './facts/index.ts';
import { newestCreated } from './facts/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { ImageSite } from '../dockerfile/index.ts';
import { formatPlatform } from '../reference/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import { factsMaySpend, memoizeRegistryClient, type MemoizedRegistryClient } from '../resolve/index.ts';
import type { PinDeps, PinPlan } from '../pin/index.ts';
import { holdBack, signaturePolicyActsOn } from '../hold-back/index.ts';
import type { SignatureTrust } from '../signature-check/index.ts';
import { updateFrom, updateImageName, type Update } from '../update/index.ts';
import type { OsvClient } from '../osv/index.ts';
import { addVulnerabilities } from './vulnerabilities.ts';

/** The facts of each update, by `changelogKey`. */
export type Changelogs = ReadonlyMap<string, ChangelogFacts>;

export interface ChangelogDeps {
  readonly registry: RegistryClient;
  readonly now: Date;
  readonly debug?: (line: string) => void;
  /** The run's signature trust (built once by the entry); without it signatures are not looked for. */
  readonly signatureTrust?: SignatureTrust | undefined;
  /** Known vulnerabilities of each change (`osv-api`); none asked without it. */
  readonly osv?: OsvClient | undefined;
}

export interface ChangelogOptions {
  /**
   * `all`: full facts for every update (pull requests, `--changelog`); `policy`: only what
   * `skip-unchanged-platforms` and `minimum-age` need (platforms, build dates), only for the updates they
   * can act on, so a plain `pin --json` or `check` stays a HEAD per reference.
   */
  readonly facts: 'all' | 'policy';
  /** Facts for these updates only (a comment command's pull request); the others are left as they are. */
  readonly only?: (update: Update) => boolean;
}

export interface ChangelogPlan {
  /** The plan without the updates held back (their files recomputed), which are in `skipped` with the reason. */
  readonly plan: PinPlan;
  readonly changelogs: Changelogs;
}

type ChangelogSettings = Pick<
  RunSettings,
  | 'platform'
  | 'skipUnchangedPlatforms'
  | 'minimumAgeMs'
  | 'vulnerabilityPolicy'
  | 'osvApi'
  | 'signaturePolicy'
  | 'signaturePolicyImages'
>;

export function changelogKey(update: Update): string {
  return `${update.site.file}:${update.site.line}@${update.target.digest}`;
}

/** What pinning is given when full changelogs follow it. */
export interface PinningForChangelogs extends Required<Pick<PinDeps, 'fetchesDigests'>> {
  /** Shared by pinning and the changelog (pass it to `addChangelogs` too): one cache by digest for the run. */
  readonly registry: MemoizedRegistryClient;
}

/**
 * Pinning that full changelogs will follow: pins and facts share one cache by digest, and the old and new
 * indexes the changelog reads anyway are read by pinning, by GET, where the pull budget lets the changelog
 * read them; their verified bytes then confirm the pin instead of a HEAD, so nothing is asked twice.
 */
export function pinningForChangelogs(registry: RegistryClient): PinningForChangelogs {
  const shared = memoizeRegistryClient(registry);
  // A refreshed pin reads two indexes by GET (the old one's kind, the new one), a new pin one.
  return { registry: shared, fetchesDigests: (ref) => factsMaySpend(shared, ref, ref.digest ? 2 : 1) };
}

/**
 * The platforms a site builds: the `platform` setting, else a literal `FROM --platform=` (one with a
 * variable, `$BUILDPLATFORM`, says nothing); undefined when unknown.
 */
export function usedPlatforms(
  settings: ChangelogSettings,
  site: ImageSite | undefined,
): string[] | undefined {
  if (settings.platform) return [formatPlatform(settings.platform)];
  const written = site?.platform;
  if (written === undefined || written.includes('$')) return undefined;
  return written
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p));
}

/**
 * Collects changelog facts for every update of a plan (each image change read once), then passes the plan
 * through the hold-back step with them (src/hold-back/): `skip-unchanged-platforms` and `minimum-age`
 * hold updates back, which become skipped notes with the reason. Collection never fails an update: missing facts are left out.
 */
export async function addChangelogs(
  plan: PinPlan,
  settings: ChangelogSettings,
  deps: ChangelogDeps,
  options: ChangelogOptions = { facts: 'all' },
): Promise<ChangelogPlan> {
  const all = options.facts === 'all';
  const collector = createChangelogCollector({
    client: deps.registry,
    debug: deps.debug,
    skipUnchangedPlatforms: settings.skipUnchangedPlatforms,
    // skip-unchanged-platforms needs the two platform lists only; minimum-age needs build dates too.
    ...(all
      ? {}
      : {
          packages: holdsIntroduced(settings),
          lookupTags: false,
          platformDetails: settings.minimumAgeMs !== undefined || holdsIntroduced(settings),
        }),
    // Shown with every changelog; without one, read only for signature-policy (provenance only shown).
    signatures:
      deps.signatureTrust && (all || settings.signaturePolicy !== 'report')
        ? { trust: deps.signatureTrust, provenance: all }
        : undefined,
  });
  const wanted = (
    all ? plan.updates : plan.updates.filter((update) => policyActsOn(update, settings))
  ).filter((update) => options.only?.(update) ?? true);
  const read = await Promise.all(
    wanted.map(async (update) => {
      const { site, target } = update;
      const facts = await collector.collect({
        ref: site.reference,
        image: updateImageName(update),
        from: updateFrom(update),
        to: target.digest,
        toMediaType: target.mediaType,
        platforms: usedPlatforms(settings, site),
      });
      return [update, facts] as const;
    }),
  );
  const collected = await addVulnerabilities(deps.osv, collector, read);

  const factsOf = new Map(collected);
  // The one hold-back step, now with facts: what skip-unchanged-platforms and minimum-age say.
  const { plan: kept, held } = holdBack(plan, (update) => ({
    settings,
    now: deps.now,
    ignores: [],
    changelog: factsOf.get(update),
  }));
  const changelogs = new Map<string, ChangelogFacts>();
  for (const [update, collectedFacts] of collected) {
    if (held.has(update)) continue;
    let facts = collectedFacts;
    if (settings.minimumAgeMs !== undefined && newestCreated(facts) === undefined) {
      facts = {
        ...facts,
        skipped: [...(facts.skipped ?? []), 'build date unknown: minimum-age could not be applied'],
      };
    }
    changelogs.set(changelogKey(update), facts);
  }
  return { plan: kept, changelogs };
}

/** `vulnerability-policy: hold-introduced` with OSV on: every update's package diff is asked about. */
const holdsIntroduced = (settings: ChangelogSettings) =>
  settings.vulnerabilityPolicy === 'hold-introduced' && settings.osvApi !== 'off';

/** Whether `minimum-age`, `vulnerability-policy`, `signature-policy` or `skip-unchanged-platforms` can act on this update. */
function policyActsOn(update: Update, settings: ChangelogSettings): boolean {
  if (settings.minimumAgeMs !== undefined) return true;
  if (holdsIntroduced(settings) && updateFrom(update) !== undefined) return true;
  if (signaturePolicyActsOn(settings, update.site.reference)) return true;
  if (!settings.skipUnchangedPlatforms || updateFrom(update) === undefined) return false;
  return (usedPlatforms(settings, update.site)?.length ?? 0) > 0;
}

/** Whether a plan needs facts for its settings alone (see `ChangelogOptions`). */
export function changelogNeeded(plan: PinPlan, settings: ChangelogSettings): boolean {
  // Neither setting set (the default): nothing to decide, so no pass over the updates.
  if (
    settings.minimumAgeMs === undefined &&
    !settings.skipUnchangedPlatforms &&
    !holdsIntroduced(settings) &&
    settings.signaturePolicy === 'report'
  )
    return false;
  return plan.updates.some((update) => policyActsOn(update, settings));
}
