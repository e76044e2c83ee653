/** The public OSV API, asked unless `osv-api` says otherwise. */
export const defaultOsvApi: OsvApi = 'https://api.osv.dev';

/** `off`, or the API's base URL without a trailing slash. */
export type OsvApi = 'off' | `http${string}`;

/**
 * Loopback as the registry settings allow it for plain http: `localhost` and literal loopback addresses in
 * the WHATWG URL parser's canonical form (`127.1` is `127.0.0.1` there); `127.evil.example` is a name.
 */
function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name === '[::1]') return true;
  if (/^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(name)) return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets?.[1] === '127';
}

/**
 * The `osv-api` setting: `off`, an https base URL, or a plain-http URL on loopback (a local mirror or a
 * test stand-in). No credentials, query or fragment; a path is kept (a mirror under a prefix).
 */
export function parseOsvApi(text: string): { value: OsvApi } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'off') return { value: 'off' };
  const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
  const shown = JSON.stringify(trimmed.replace(/\/\/[^/@\s]*@/g, '//***@'));
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.host === '') {
    return { problem: `${shown} is not an http(s) URL such as ${defaultOsvApi}, or off` };
  }
  if (url.username !== '' || url.password !== '')
    return { problem: `${shown}: leave credentials out of the URL` };
  if (url.search !== '' || url.hash !== '') return { problem: `${shown}: leave out the query and fragment` };
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return { problem: `${shown}: plain http is allowed on loopback only (localhost, 127.0.0.1, [::1])` };
  }
  return { value: `${url.origin as `http${string}`}${url.pathname.replace(/\/+$/, '')}` };
}
