import { createSignatureTrust, SignatureTrustError, type SignatureTrust } from './trust.ts';

/** The settings trust is built from: `sigstore-trusted-root` and `signature-keys`. */
export interface TrustSettings {
  /** A file holding a Sigstore trusted root; undefined: the public-good root shipped with basepin. */
  readonly trustedRoot: string | undefined;
  /** Image pattern → a PEM public key, inline or the path of a file holding one. */
  readonly keys: Readonly<Record<string, string>>;
}

/**
 * Reads the files the settings name (through `readText`, relative paths resolved by the caller's reader)
 * and builds the trust. A file that cannot be read or is not what it should be fails with one line naming
 * the setting and the file.
 */
export async function loadSignatureTrust(
  settings: TrustSettings,
  readText: (path: string) => Promise<string>,
): Promise<SignatureTrust> {
  const read = async (setting: string, path: string): Promise<string> => {
    try {
      return await readText(path);
    } catch (error) {
      throw new SignatureTrustError(
        `${setting}: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  };
  let trustedRoot: unknown;
  if (settings.trustedRoot !== undefined) {
    const text = await read('sigstore-trusted-root', settings.trustedRoot);
    try {
      trustedRoot = JSON.parse(text);
    } catch {
      throw new SignatureTrustError(`sigstore-trusted-root: ${settings.trustedRoot} is not JSON`);
    }
  }
  const keys: (readonly [string, string])[] = [];
  for (const [pattern, value] of Object.entries(settings.keys)) {
    const pem = value.trimStart().startsWith('-----BEGIN')
      ? value
      : await read(`signature-keys: ${pattern}`, value);
    keys.push([pattern, pem]);
  }
  return createSignatureTrust({
    trustedRoot,
    trustedRootLabel:
      settings.trustedRoot === undefined ? undefined : `sigstore-trusted-root: ${settings.trustedRoot}`,
    keys,
  });
}
