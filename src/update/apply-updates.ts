import { applyEdits, fittingEdits, pinEdit } from '../dockerfile/index.ts';
import type { Update } from './update.ts';

/**
 * `text` with each update's digest written at its pin target. Throws
 * (EditConflictError, BadReferenceError) when the updates do not fit the
 * text; callers turn that into a per-file error.
 */
export function applyUpdates(text: string, updates: readonly Update[]): string {
  return applyEdits(text, edits(updates));
}

/** Throws as `applyUpdates` would on a text of `length` characters, without the text. */
export function checkUpdates(length: number, updates: readonly Update[]): void {
  fittingEdits(length, edits(updates));
}

function edits(updates: readonly Update[]) {
  return updates.map((update) => pinEdit(update.site.pin, update.target.digest));
}
