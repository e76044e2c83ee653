/**
 * Image sites built from what an instruction word says: the shared context
 * of one extraction and the three shapes a site takes (pinnable or pinned at
 * a range, skipped with a reason, invalid).
 */
import type { ExtractOptions } from './extract-options.ts';
import {
  digestSpan,
  templatePattern,
  templateReason,
  type TokenReading,
  type TokenScope,
} from './image-token.ts';
import { judgeReference } from './judge.ts';
import { lineOf, type Instruction, type LexedDockerfile } from './lex.ts';
import { sourceRange, type ScannedDockerfile } from './scan.ts';
import type { ImageSite, PinTarget, SiteKind, SourceRange } from './site.ts';

export interface Context {
  readonly options: ExtractOptions;
  readonly file: string;
  readonly text: string;
  readonly lexed: LexedDockerfile;
  readonly scanned: ScannedDockerfile;
}

export function scopeOf(context: Context, stages: ReadonlySet<string>): TokenScope {
  return {
    escape: context.lexed.escape,
    globals: context.scanned.globals,
    isStage: (name) => stages.has(name.toLowerCase()),
    stages,
  };
}

/** A site for an image word of an instruction; `start` indexes `instruction.args`. */
export function wordSite(
  context: Context,
  kind: SiteKind,
  instruction: Instruction,
  start: number,
  written: string,
  reading: TokenReading,
): ImageSite | undefined {
  const wordRange = sourceRange(instruction, context.text, start, start + written.length);
  const line = lineOf(context.lexed.lineStarts, wordRange?.start ?? instruction.offsets[start] ?? 0);
  switch (reading.form) {
    case 'not-image':
      return undefined;
    case 'invalid':
      return { ...skippedSite(context, kind, line, written, undefined, reading.reason), status: 'invalid' };
    case 'skipped':
      return skippedSite(context, kind, line, written, reading.resolved, reading.reason);
    case 'in-place': {
      const range = sourceRange(instruction, context.text, start + reading.pinStart, start + reading.pinEnd);
      if (!range) {
        const reason = 'the reference is split across lines by a line continuation; join it onto one line';
        return skippedSite(context, kind, line, written, reading.resolved, reason);
      }
      return literalSite(context, kind, line, written, reading.resolved, range, reading.tagOnly);
    }
    default:
      return skippedSite(
        context,
        kind,
        line,
        written,
        reading.resolved,
        `the image comes from an ARG; pin by hand`,
      );
  }
}

export function literalSite(
  context: Context,
  kind: SiteKind,
  line: number,
  written: string,
  resolved: string,
  range: SourceRange,
  tagOnly: boolean,
): ImageSite {
  // `ARG BASE={{.Base}}` feeding a FROM: the placeholder shows only after substitution.
  if (templatePattern.test(resolved))
    return skippedSite(context, kind, line, written, undefined, templateReason);
  const judged = judgeReference(resolved, tagOnly);
  const pin = judged.pinnable ? pinTarget(context, range, judged.addLatestTag) : undefined;
  return {
    file: context.file,
    line,
    kind,
    written,
    resolved,
    reference: judged.reference,
    pin,
    stage: undefined,
    platform: undefined,
    status: judged.status,
    // A report shows the reference as written: an invalid one read through ARGs also says what it became.
    reason:
      judged.status === 'invalid' && resolved !== written && resolved !== ''
        ? `${judged.reason ?? 'invalid reference'} (after ARG substitution: ${JSON.stringify(resolved)})`
        : judged.reason,
  };
}

/** The pin location of a reference (or bare tag) at `range`, with its digest's own range inside it. */
function pinTarget(context: Context, range: SourceRange, addLatestTag: boolean): PinTarget {
  const span = digestSpan(context.text.slice(range.start, range.end), context.lexed.escape);
  const digestRange = { start: range.start + span.start, end: range.start + span.end };
  return { range, digestRange, addLatestTag };
}

export function skippedSite(
  context: Context,
  kind: SiteKind,
  line: number,
  written: string,
  resolved: string | undefined,
  reason: string,
): ImageSite {
  const reference = resolved === undefined ? undefined : judgeReference(resolved, false).reference;
  return {
    file: context.file,
    line,
    kind,
    written,
    resolved,
    reference,
    pin: undefined,
    stage: undefined,
    platform: undefined,
    status: 'skipped',
    reason,
  };
}
