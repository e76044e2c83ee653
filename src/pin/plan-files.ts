import type { RunSettings } from '../config/settings.ts';
import { MemoryWorkspace } from '../workspace/index.ts';
import { planPins, type PinDeps, type PinPlan } from './plan-pins.ts';

/** A path a git tree can hold: relative, with `/` between non-empty parts, no `.` or `..`, no backslash. */
function safePath(path: string): boolean {
  return (
    path !== '' &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.split('/').some((part) => part === '..' || part === '.' || part === '')
  );
}

/**
 * Plans pins for Dockerfile texts read through the API (`/basepin pin`): they are scanned, as data only, in an
 * in-memory workspace by the same code as the checkout; nothing of the pull request touches the disk or runs.
 * Paths come back as the repository names them.
 */
export async function planFiles(
  files: ReadonlyMap<string, Uint8Array>,
  settings: Omit<RunSettings, 'cwd' | 'paths'>,
  deps: Omit<PinDeps, 'workspace'>,
): Promise<PinPlan> {
  const safe = [...files].filter(([path]) => safePath(path));
  if (safe.length === 0) {
    return {
      files: [],
      problems: [],
      sites: [],
      updates: [],
      unchanged: [],
      skipped: [],
      errors: [],
      changes: [],
    };
  }
  const workspace = new MemoryWorkspace(safe);
  return planPins({ ...settings, paths: safe.map(([path]) => path) }, { ...deps, workspace });
}
