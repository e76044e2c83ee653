/**
 * A package URL split into its parts, percent-decoded.
 * https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst
 */
export interface Purl {
  /** Lower-cased: `apk`, `deb`, `npm`. */
  readonly type: string;
  /** `alpine`, `debian`, `@babel`; undefined when the purl has none. */
  readonly namespace?: string | undefined;
  readonly name: string;
  readonly version?: string | undefined;
  /** Keys lower-cased, values decoded. */
  readonly qualifiers: ReadonlyMap<string, string>;
}

/** Longest purl read: SBOMs carry short ones; anything longer is not a package URL basepin trusts. */
const maxPurlLength = 2048;

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The parts of `pkg:type/namespace/name@version?qualifiers#subpath`, or undefined when it is not one. */
export function parsePurl(text: string): Purl | undefined {
  if (text.length > maxPurlLength || !text.startsWith('pkg:')) return undefined;
  let rest = text.slice('pkg:'.length).replace(/^\/+/, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const qualifiers = new Map<string, string>();
  const question = rest.indexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const value = decode(pair.slice(equals + 1));
      if (value !== undefined && value !== '') qualifiers.set(pair.slice(0, equals).toLowerCase(), value);
    }
    rest = rest.slice(0, question);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/').filter((segment) => segment !== '');
  const type = segments.shift()?.toLowerCase();
  const name = segments.pop();
  if (type === undefined || name === undefined) return undefined;
  const decodedName = decode(name);
  const namespaceParts = segments.map(decode);
  if (decodedName === undefined || decodedName === '' || namespaceParts.some((p) => p === undefined)) {
    return undefined;
  }
  return {
    type,
    namespace: namespaceParts.length ? namespaceParts.join('/') : undefined,
    name: decodedName,
    version: version === '' ? undefined : version,
    qualifiers,
  };
}
