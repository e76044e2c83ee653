import { ruleCovers, type IgnoreRule } from '../dashboard/issue-body/index.ts';
import { familiarRepository, updateRepository, updateTag } from '../update/index.ts';
import type { HoldPolicy } from './policy.ts';

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

/** A `/basepin ignore` rule on the dashboard covers the update's repository (and tag). */
export const ignoreRulePolicy: HoldPolicy = (update, facts) => {
  const rule = ignoredBy(facts.ignores, updateRepository(update), updateTag(update));
  if (rule === undefined) return undefined;
  return { code: 'ignored', message: `ignored by \`/basepin ignore ${ruleName(rule)}\` (${rule.source.by})` };
};
