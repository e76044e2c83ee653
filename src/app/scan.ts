import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeDockerfile, extractImageSites, type DecodedFile } from '../dockerfile/index.ts';
import { discoverDockerfiles, UnreadablePathError } from '../workspace/discover-dockerfiles.ts';
import type { ImageSite } from '../dockerfile/site.ts';
import type { RunSettings } from '../config/settings.ts';

export type ScanSettings = Pick<RunSettings, 'cwd' | 'paths' | 'include' | 'exclude'> &
  Partial<Pick<RunSettings, 'pinArgRepositories'>>;

export interface ScannedFile {
  readonly file: string;
  readonly decoded: DecodedFile;
  readonly sites: readonly ImageSite[];
}

export interface ScanResult {
  readonly files: readonly ScannedFile[];
  readonly sites: readonly ImageSite[];
}

/** Finds every Dockerfile under the settings' paths and every image site in them. No network. */
export async function scanDockerfiles(settings: ScanSettings): Promise<ScanResult> {
  const paths = await discoverDockerfiles([...settings.paths], {
    cwd: settings.cwd,
    include: [...settings.include],
    exclude: [...settings.exclude],
  });
  const files = await Promise.all(
    paths.map(async (file): Promise<ScannedFile> => {
      // A file found a moment ago may be gone or unreadable now: one line naming it, not a stack trace.
      const bytes = await readFile(resolve(settings.cwd, file)).catch((error: unknown) => {
        throw new UnreadablePathError(file, error);
      });
      const decoded = decodeDockerfile(bytes);
      const options = { pinArgRepositories: settings.pinArgRepositories };
      return { file, decoded, sites: extractImageSites(file, decoded.text, options) };
    }),
  );
  return { files, sites: files.flatMap((scanned) => scanned.sites) };
}
