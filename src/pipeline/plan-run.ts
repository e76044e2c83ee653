import { addChangelogs, changelogNeeded, pinningForChangelogs, type Changelogs } from '../changelog/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { IgnoreRule } from '../dashboard/issue-body/index.ts';
import { applyIgnoreRules, ignoredBy } from '../hold-back/index.ts';
import { planPins, type PinDeps, type PinPlan } from '../pin/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import type { SignatureTrust } from '../signature-check/index.ts';
import type { Update } from '../update/index.ts';
import type { Workspace } from '../workspace/index.ts';
import type { OsvClient } from '../osv/index.ts';

export interface PlanRunDeps {
  readonly registry: RegistryClient;
  readonly workspace: Workspace;
  /** The clock changelog ages and `minimum-age` are measured by. */
  readonly now: Date;
  readonly debug?: ((line: string) => void) | undefined;
  readonly onProgress?: PinDeps['onProgress'];
  /** The run's signature trust, built once by the entry (`signatureTrustFor`); without it none are read. */
  readonly signatureTrust?: SignatureTrust | undefined;
  /** The run's OSV client (`osv-api`): known vulnerabilities in the facts; none asked without it. */
  readonly osv?: OsvClient | undefined;
}

export interface PlanRunRequest {
  /**
   * `all`: every update's facts (pull requests, `--changelog`); `policy`: only the facts a hold-back
   * policy acts on, and none when no setting needs them (a plain `check` stays a HEAD per reference).
   */
  readonly facts: 'all' | 'policy';
  /** The dashboard's `/basepin ignore` rules; the CLI has none. */
  readonly ignores?: readonly IgnoreRule[] | undefined;
  /**
   * Whether pinning reads by GET the indexes the facts will read anyway, so their verified bytes confirm
   * the pins instead of a HEAD each (never an ignored image's).
   */
  readonly pinningReadsFacts: boolean;
  /** Facts for these updates only (a comment command's pull request), chosen once the plan is known. */
  readonly factsFor?: ((plan: PinPlan) => ((update: Update) => boolean) | undefined) | undefined;
  /** False: hold a hash a file, not its text (`pin` and `check` on disk). */
  readonly keepTexts?: boolean;
}

export interface PlannedRun {
  /** The updates to propose or write, after the hold-back step; held ones are skipped sites with their reason. */
  readonly plan: PinPlan;
  /** The facts of each update kept (all of them, or only what a policy needed: see `PlanRunRequest.facts`). */
  readonly changelogs: Changelogs;
}

/**
 * The one plan pipeline of the CLI and the action: discover → extract → decide → resolve (`planPins`)
 * → hold back what needs no facts (ignore rules) → collect facts → hold back what needs them
 * (skip-unchanged-platforms, minimum-age, …) → the plan and its facts, which the caller acts on
 * (writes files, prints, opens pull requests). Pins and facts share one cache by digest.
 */
export async function planRun(
  settings: Omit<RunSettings, 'cwd'>,
  deps: PlanRunDeps,
  request: PlanRunRequest,
): Promise<PlannedRun> {
  const pinning = pinningForChangelogs(deps.registry);
  const ignores = request.ignores ?? [];
  const planned = applyIgnoreRules(
    await planPins(settings, {
      registry: pinning.registry,
      workspace: deps.workspace,
      keepTexts: request.keepTexts,
      onProgress: deps.onProgress,
      fetchesDigests: request.pinningReadsFacts
        ? (ref) => ignoredBy(ignores, ref.name, ref.trackedTag) === undefined && pinning.fetchesDigests(ref)
        : undefined,
    }),
    ignores,
  );
  if (request.facts === 'policy' && !changelogNeeded(planned, settings)) {
    return { plan: planned, changelogs: new Map() };
  }
  return await addChangelogs(
    planned,
    settings,
    {
      registry: pinning.registry,
      now: deps.now,
      debug: deps.debug,
      signatureTrust: deps.signatureTrust,
      osv: deps.osv,
    },
    { facts: request.facts, only: request.factsFor?.(planned) },
  );
}
