import { decodeDockerfile, extractImageSites, type DecodedFile } from '../dockerfile/index.ts';
import { discoverDockerfiles } from '../workspace/discover-dockerfiles.ts';
import { mapFiles } from '../workspace/read-files.ts';
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
  const options = { pinArgRepositories: settings.pinArgRepositories };
  const files = await mapFiles(settings.cwd, paths, (file, bytes): ScannedFile => {
    const decoded = decodeDockerfile(bytes);
    return { file, decoded, sites: extractImageSites(file, decoded.text, options) };
  });
  return { files, sites: files.flatMap((scanned) => scanned.sites) };
}
