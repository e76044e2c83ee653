import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunSettings } from '../config/settings.ts';
import { repositoryPath } from './group-updates.ts';
import { planPins, type PinDeps, type PinPlan } from './pin.ts';

/** A path a git tree can hold and a folder can take: relative, no `..`, no backslash. */
function safePath(path: string): boolean {
  const normal = repositoryPath(path);
  return (
    normal === path &&
    path !== '' &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.split('/').some((part) => part === '..' || part === '.' || part === '')
  );
}

/**
 * Plans pins for Dockerfile texts read through the API (`/basepin pin`): they are written, as data only,
 * into a fresh temporary folder and scanned there by the same code as the workspace; nothing of the pull
 * request is checked out or run. Paths come back as the repository names them.
 */
export async function planFiles(
  files: ReadonlyMap<string, Buffer>,
  settings: Omit<RunSettings, 'cwd' | 'paths'>,
  deps: PinDeps,
): Promise<PinPlan> {
  const dir = await mkdtemp(join(tmpdir(), 'basepin-pr-'));
  try {
    const paths: string[] = [];
    for (const [path, bytes] of files) {
      if (!safePath(path)) continue;
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), bytes);
      paths.push(path);
    }
    if (paths.length === 0) {
      return { files: [], sites: [], updates: [], unchanged: [], skipped: [], errors: [], changes: [] };
    }
    return await planPins({ ...settings, cwd: dir, paths }, deps);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
