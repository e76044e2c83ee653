/**
 * A `WWW-Authenticate` challenge as registries send it:
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="…"`.
 * https://datatracker.ietf.org/doc/html/rfc7235#section-4.1
 */
export type Challenge =
  | { readonly scheme: 'none' }
  | { readonly scheme: 'basic' }
  | { readonly scheme: 'bearer'; readonly realm: string; readonly service: string | undefined };

/** Parses the first challenge of the header; an unknown or missing scheme means none. */
export function parseChallenge(header: string | null): Challenge {
  if (header === null) return { scheme: 'none' };
  const match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  if (scheme === 'basic') return { scheme: 'basic' };
  if (scheme !== 'bearer') return { scheme: 'none' };
  const params = parseParams(match?.[2] ?? '');
  const realm = params.get('realm');
  if (realm === undefined || realm === '') return { scheme: 'none' };
  return { scheme: 'bearer', realm, service: params.get('service') };
}

/** `key="quoted \"value\"", key2=token` → map with lowercase keys. */
function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const param = /\s*([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/gy;
  for (let match = param.exec(text); match !== null; match = param.exec(text)) {
    const [, key = '', quoted, bare] = match;
    params.set(key.toLowerCase(), quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? ''));
    if (param.lastIndex >= text.length) break;
  }
  return params;
}
