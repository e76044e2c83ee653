import { decodeDockerfile, extractImageSites, type DecodedFile } from '../dockerfile/index.ts';
import type { ImageSite } from '../dockerfile/site.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Workspace } from '../workspace/types.ts';

export type ScanSettings = Pick<RunSettings, 'paths' | 'include' | 'exclude'> &
  Partial<Pick<RunSettings, 'pinArgRepositories'>>;

export interface ScannedFile {
  /** The repository path the workspace listed (src/workspace/types.ts): every report names the file by it. */
  readonly file: string;
  readonly decoded: DecodedFile;
  readonly sites: readonly ImageSite[];
}

export interface ScanResult {
  readonly files: readonly ScannedFile[];
  readonly sites: readonly ImageSite[];
}

/** Finds every Dockerfile under the settings' paths and every image site in them. No network. */
export async function scanDockerfiles(settings: ScanSettings, workspace: Workspace): Promise<ScanResult> {
  const paths = await workspace.list([...settings.paths], {
    include: [...settings.include],
    exclude: [...settings.exclude],
  });
  const options = { pinArgRepositories: settings.pinArgRepositories };
  const files = await workspace.read(paths, (file, bytes): ScannedFile => {
    const decoded = decodeDockerfile(bytes);
    return { file, decoded, sites: extractImageSites(file, decoded.text, options) };
  });
  return { files, sites: files.flatMap((scanned) => scanned.sites) };
}
