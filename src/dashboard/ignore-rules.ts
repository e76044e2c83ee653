import { ruleCovers, type IgnoreRule } from './issue-body/index.ts';
import { fileChanges, type PinPlan } from '../pin/index.ts';
import { siteNote } from '../update/index.ts';
import { updateRepository, updateTag } from '../update/index.ts';
import { familiarRepository } from '../pull-requests/index.ts';

/** How a rule reads in a reason or reply: `alpine`, `alpine:3.20`. */
export function ruleName(rule: Pick<IgnoreRule, 'repository' | 'tag'>): string {
  const name = familiarRepository(rule.repository);
  return rule.tag === undefined ? name : `${name}:${rule.tag}`;
}

/** The rule that covers `repository:tag`, if any. */
export function ignoredBy(
  rules: readonly IgnoreRule[],
  repository: string,
  tag: string,
): IgnoreRule | undefined {
  return rules.find((rule) => ruleCovers(rule, repository, tag));
}

/**
 * The plan without the updates that `/basepin ignore` rules cover: each becomes a skipped site with the rule
 * as its reason, and the file texts are recomputed from the updates that remain.
 */
export function applyIgnoreRules(plan: PinPlan, rules: readonly IgnoreRule[]): PinPlan {
  if (rules.length === 0) return plan;
  const kept = [];
  const skipped = [...plan.skipped];
  for (const update of plan.updates) {
    const rule = ignoredBy(rules, updateRepository(update), updateTag(update));
    if (rule === undefined) kept.push(update);
    else {
      skipped.push(
        siteNote(update.site, `ignored by \`/basepin ignore ${ruleName(rule)}\` (${rule.source.by})`),
      );
    }
  }
  if (kept.length === plan.updates.length) return plan;
  const written = fileChanges(plan.files, kept);
  return {
    ...plan,
    updates: written.updates,
    skipped,
    errors: [...plan.errors, ...written.errors],
    changes: written.changes,
  };
}
