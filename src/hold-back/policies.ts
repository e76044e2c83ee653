import { minimumAgePolicy, unchangedPlatformsPolicy } from './fact-policies.ts';
import { ignoreRulePolicy } from './ignore-rule.ts';
import { signaturePolicyHold } from './signature-policy.ts';
import type { HoldPolicy } from './policy.ts';
import { vulnerabilityPolicy } from './vulnerability-policy.ts';

/**
 * Every reason not to propose an update that a run checks after resolution, in the order their
 * reasons are reported (the first that holds an update back names it). Excluded images are decided
 * before resolution (src/pin/policy.ts), so no registry is asked about them. A new policy is one
 * more entry here.
 */
export const holdPolicies: readonly HoldPolicy[] = [
  ignoreRulePolicy,
  unchangedPlatformsPolicy,
  minimumAgePolicy,
  signaturePolicyHold,
  vulnerabilityPolicy,
];
