import { validateDigest } from '../reference/index.ts';
import type { PinTarget, SourceRange } from './site.ts';

/** Replace the text at `range` (UTF-16 offsets into the decoded text). */
export interface TextEdit {
  readonly range: SourceRange;
  readonly text: string;
}

export const EditErrorCode = {
  Overlap: 'edits overlap',
  OutOfRange: 'edit range is outside the text',
} as const;
export type EditErrorCode = (typeof EditErrorCode)[keyof typeof EditErrorCode];

export class EditConflictError extends Error {
  override readonly name = 'EditConflictError';
  readonly code: EditErrorCode;

  constructor(code: EditErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.code = code;
  }
}

/**
 * Splices edits into text from the end backwards, so earlier offsets stay
 * valid. Identical duplicates collapse (two sites may share one ARG line);
 * differing edits that overlap, or insert at the same point, throw.
 * Every character outside the edited ranges is kept.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const unique = fittingEdits(text.length, edits);
  let result = text;
  for (let index = unique.length - 1; index >= 0; index--) {
    const edit = unique[index] as TextEdit;
    result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  }
  return result;
}

/**
 * The edits `applyEdits` would splice into a text of `length` characters,
 * sorted, duplicates collapsed; throws as it would. Needs no text, so a run
 * that let go of a file's text still knows its edits fit.
 */
export function fittingEdits(length: number, edits: readonly TextEdit[]): TextEdit[] {
  for (const edit of edits) {
    const { start, end } = edit.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      throw new EditConflictError(EditErrorCode.OutOfRange, `${describe(edit)} in a text of ${length}`);
    }
  }
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const unique: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = unique.at(-1);
    if (previous && sameEdit(previous, edit)) continue;
    if (previous && (previous.range.end > edit.range.start || previous.range.start === edit.range.start)) {
      throw new EditConflictError(EditErrorCode.Overlap, `${describe(previous)} and ${describe(edit)}`);
    }
    unique.push(edit);
  }
  return unique;
}

/**
 * The edit that pins `target` to `digest`: the digest's range (an old
 * `@digest`, or the point after the tag) becomes `@digest`, with `:latest`
 * before it when the target asks for it; for a digest in its own key, the
 * key's value (or a new key) becomes the bare digest. Where that range is was decided at
 * extraction; nothing here reads the text again. Throws `BadReferenceError`
 * for a malformed digest.
 */
export function pinEdit(target: PinTarget, digest: string): TextEdit {
  validateDigest(digest);
  const key = target.digestKey;
  if (key) return { range: target.digestRange, text: `${key.before}${digest}${key.after}` };
  return { range: target.digestRange, text: `${target.addLatestTag ? ':latest' : ''}@${digest}` };
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.text === b.text;
}

function describe(edit: TextEdit): string {
  return `[${edit.range.start}, ${edit.range.end}) → ${JSON.stringify(edit.text.slice(0, 40))}`;
}
