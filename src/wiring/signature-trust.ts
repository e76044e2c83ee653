import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SettingsError } from '../config/errors.ts';
import type { RunSettings } from '../config/settings.ts';
import { loadSignatureTrust, SignatureTrustError, type SignatureTrust } from '../signature-check/index.ts';

/**
 * The run's signature trust, built once: the shipped public-good root or `sigstore-trusted-root`, and the
 * `signature-keys`, files read relative to the repository root. A file that cannot be read or is not what it
 * should be is a settings error (exit 64 on the CLI, a failed action) naming the setting and the file.
 */
export async function signatureTrustFor(
  settings: Pick<RunSettings, 'cwd' | 'sigstoreTrustedRoot' | 'signatureKeys'>,
): Promise<SignatureTrust> {
  try {
    return await loadSignatureTrust(
      { trustedRoot: settings.sigstoreTrustedRoot, keys: settings.signatureKeys },
      (path) => readFile(resolve(settings.cwd, path), 'utf8'),
    );
  } catch (error) {
    if (error instanceof SignatureTrustError) throw new SettingsError(error.message);
    throw error;
  }
}
