import type { IgnoreRule } from '../dashboard/issue-body/index.ts';
import { fileChanges, type PinPlan } from '../pin/index.ts';
import { siteNote, type HoldReason, type Update } from '../update/index.ts';
import { holdPolicies } from './policies.ts';
import type { HoldPolicy, UpdateFacts } from './policy.ts';

export interface HeldBack {
  /** The plan without the updates held back: each is a skipped site with its reason, the file texts recomputed. */
  readonly plan: PinPlan;
  /** Each update held back, with the reason of the first policy that held it. */
  readonly held: ReadonlyMap<Update, HoldReason>;
}

/**
 * The one hold-back step: asks each policy about each update of the plan, in order, and takes out
 * the updates one holds back. Run once before facts are collected (what needs no facts, such as an
 * ignore rule, then costs no registry request) and once after (what needs facts).
 */
export function holdBack(
  plan: PinPlan,
  factsOf: (update: Update) => UpdateFacts,
  policies: readonly HoldPolicy[] = holdPolicies,
): HeldBack {
  const held = new Map<Update, HoldReason>();
  for (const update of plan.updates) {
    const facts = factsOf(update);
    for (const policy of policies) {
      const reason = policy(update, facts);
      if (reason === undefined) continue;
      held.set(update, reason);
      break;
    }
  }
  if (held.size === 0) return { plan, held };
  const kept = plan.updates.filter((update) => !held.has(update));
  const written = fileChanges(plan.files, kept);
  return {
    plan: {
      ...plan,
      updates: written.updates,
      skipped: [
        ...plan.skipped,
        ...[...held].map(([update, reason]) => siteNote(update.site, reason.message)),
      ],
      errors: [...plan.errors, ...written.errors],
      changes: written.changes,
    },
    held,
  };
}

/** The plan without the updates that `/basepin ignore` rules cover (the first pass, before any facts). */
export function applyIgnoreRules(plan: PinPlan, ignores: readonly IgnoreRule[]): PinPlan {
  if (ignores.length === 0) return plan;
  const facts: UpdateFacts = {
    settings: {
      skipUnchangedPlatforms: false,
      minimumAgeMs: undefined,
      vulnerabilityPolicy: 'report',
      signaturePolicy: 'report',
      signaturePolicyImages: [],
    },
    now: new Date(0),
    ignores,
  };
  return holdBack(plan, () => facts).plan;
}
