import { applyEdits, pinnedText } from '../dockerfile/index.ts';
import type { PlannedUpdate } from './pin-report.ts';

/**
 * `text` with each update's digest written at its pin target. Throws
 * (EditConflictError, BadReferenceError) when the updates do not fit the
 * text; callers turn that into a per-file error.
 */
export function applyUpdates(text: string, updates: readonly PlannedUpdate[]): string {
  return applyEdits(
    text,
    updates.map((update) => ({
      range: update.pin.range,
      text: pinnedText(text.slice(update.pin.range.start, update.pin.range.end), update.pin, update.to),
    })),
  );
}
