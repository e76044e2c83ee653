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
  for (const edit of edits) {
    const { start, end } = edit.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      throw new EditConflictError(EditErrorCode.OutOfRange, `${describe(edit)} in a text of ${text.length}`);
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
  let result = text;
  for (let index = unique.length - 1; index >= 0; index--) {
    const edit = unique[index] as TextEdit;
    result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  }
  return result;
}

/**
 * The text a pin writes at `target.range`: any existing `@digest` is
 * dropped, `:latest` is added when the target asks for it and the name has
 * no tag (a registry port `localhost:5000/img` is not a tag), and `@digest`
 * is appended. Throws `BadReferenceError` for a malformed digest.
 */
export function pinnedText(current: string, target: PinTarget, digest: string): string {
  validateDigest(digest);
  // `${…}` may hold `:`, `/` or `@` (`${REG:-localhost:5000}`); mask it so only literal text is read.
  const masked = current.replace(/\$\{[^}]*\}/g, (match) => '_'.repeat(match.length));
  const at = masked.indexOf('@', Math.max(0, masked.lastIndexOf('/')));
  let base = at === -1 ? current : current.slice(0, at);
  if (target.addLatestTag) {
    const name = masked.slice(0, base.length);
    if (name.lastIndexOf(':') <= name.lastIndexOf('/')) base += ':latest';
  }
  return `${base}@${digest}`;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.text === b.text;
}

function describe(edit: TextEdit): string {
  return `[${edit.range.start}, ${edit.range.end}) → ${JSON.stringify(edit.text.slice(0, 40))}`;
}
