/**
 * The hold-back step (use case): every reason not to propose a resolved update passes here, as a
 * pure policy `(update, facts) => HoldReason | undefined` in `holdPolicies`; the updates held back
 * become skipped sites with their reason and the changed files are recomputed without them.
 */
export * from './hold-back.ts';
export * from './ignore-rule.ts';
export * from './policies.ts';
export * from './policy.ts';
export * from './signature-policy.ts';
