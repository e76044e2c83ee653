import { readFile } from 'node:fs/promises';
import {
  parseResolutionFile,
  ResolutionFileError,
  resolutionFileVersion,
  type ResolutionFile,
} from '../org/index.ts';
import { writeFileAtomic } from '../workspace/index.ts';

/** Most a resolution file may weigh: an organisation's manifests and configs, not more. */
export const maxResolutionBytes = 256 * 1024 * 1024;

/** Reads and checks a resolution file; a missing, oversized or malformed file is one line naming it. */
export async function readResolutionFile(path: string): Promise<ResolutionFile> {
  const bytes = await readFile(path).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw new ResolutionFileError(
      `${path}: the resolution file cannot be read (${typeof code === 'string' ? code : 'error'})`,
    );
  });
  if (bytes.length > maxResolutionBytes) {
    throw new ResolutionFileError(`${path}: the resolution file is larger than ${maxResolutionBytes} bytes`);
  }
  return parseResolutionFile(bytes, path);
}

/** Writes the file whole or not at all. */
export async function writeResolutionFile(
  path: string,
  content: Omit<ResolutionFile, 'version'>,
): Promise<void> {
  const file: ResolutionFile = { version: resolutionFileVersion, ...content };
  await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(file)}\n`));
}
