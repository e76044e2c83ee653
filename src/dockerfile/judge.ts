import { BadReferenceError, parseImageReference, type ImageReference } from '../reference/index.ts';
import { sharedText } from './compact-site.ts';
import type { SiteStatus } from './site.ts';

export interface Judgement {
  readonly status: SiteStatus;
  readonly reference: ImageReference | undefined;
  readonly reason: string | undefined;
  /** Pinnable or already pinned: a pin may be written. */
  readonly pinnable: boolean;
  readonly addLatestTag: boolean;
}

export const digestOnlyReason = 'digest-only reference has no tag to follow';
export const emptyReason = 'the reference is empty after ARG substitution; give the ARG a value';
export const unresolvedReason = 'the reference still contains $ after ARG substitution; pin by hand';

/** What a resolved reference allows: docs/architecture.md, "Pins keep the tag". `tagOnly` pins sit after a tag ARG's value. */
export function judgeReference(resolved: string, tagOnly: boolean): Judgement {
  const key = `${tagOnly ? 't' : 'r'}${resolved}`;
  let judged = judgements.get(key);
  if (judged === undefined) {
    if (judgements.size >= maxJudgements) judgements.clear();
    judged = judgeAnew(resolved, tagOnly);
    judgements.set(key, judged);
  }
  return judged;
}

/**
 * Judgements by text, shared by every site that names the same reference: a
 * monorepo names a few thousand references at tens of thousands of sites, and
 * one (immutable) ImageReference each instead of one a site is most of what a
 * scan keeps, and bounds the heap of a 20,000-file run. Bounded, so a run over
 * many distinct names stays small.
 */
const judgements = new Map<string, Judgement>();
const maxJudgements = 10_000;

function judgeAnew(resolved: string, tagOnly: boolean): Judgement {
  if (resolved.includes('$')) return refused('skipped', undefined, unresolvedReason);
  // `ARG BASE=\` with the value on the next line: BuildKit reads `BASE=` (empty) and fails the FROM.
  if (resolved === '') return refused('invalid', undefined, emptyReason);
  let reference: ImageReference;
  try {
    // A flat copy: the reference's parts are cut from what it parses, and `resolved` is cut from a file's text.
    reference = parseImageReference(sharedText(resolved));
  } catch (error) {
    // The reason alone: every report shows the reference beside it (the site's words, or what they expand to).
    if (error instanceof BadReferenceError) return refused('invalid', undefined, error.reason);
    return refused('invalid', undefined, String(error));
  }
  if (reference.digest !== undefined && reference.tag === undefined) {
    return refused('skipped', reference, digestOnlyReason);
  }
  return {
    status: reference.digest === undefined ? 'pinnable' : 'pinned',
    reference,
    reason: undefined,
    pinnable: true,
    addLatestTag: !tagOnly && reference.tag === undefined,
  };
}

function refused(status: SiteStatus, reference: ImageReference | undefined, reason: string): Judgement {
  return { status, reference, reason, pinnable: false, addLatestTag: false };
}
