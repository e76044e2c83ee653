import type { ChangelogFacts } from '../changelog/facts/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { IgnoreRule } from '../dashboard/issue-body/index.ts';
import type { HoldReason, Update } from '../update/index.ts';

/** The settings the hold-back policies read. */
export type HoldSettings = Pick<
  RunSettings,
  | 'skipUnchangedPlatforms'
  | 'minimumAgeMs'
  | 'vulnerabilityPolicy'
  | 'signaturePolicy'
  | 'signaturePolicyImages'
>;

/**
 * What is known about an update when the hold-back step asks its policies: the run's settings and
 * clock, the dashboard's ignore rules, and the facts collected for it. `changelog` is undefined in
 * the first pass (before any facts are read) and when no facts could be collected: a policy that
 * needs facts then holds nothing back.
 */
export interface UpdateFacts {
  readonly settings: HoldSettings;
  readonly now: Date;
  readonly ignores: readonly IgnoreRule[];
  readonly changelog?: ChangelogFacts | undefined;
}

/**
 * One reason not to propose an update: a pure function of the update and its facts, returning the
 * typed reason, or undefined to let the update through. A new policy is one more entry in
 * `holdPolicies` (policies.ts); the facts it needs are collected before the step runs.
 */
export type HoldPolicy = (update: Update, facts: UpdateFacts) => HoldReason | undefined;
