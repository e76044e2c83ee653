import { dockerHub, isDockerHub } from '../reference/index.ts';
import { forbiddenAddressReason, isLoopbackAddress } from './addresses.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { quoteUntrusted } from '../text/untrusted.ts';

/** The host (with port) that serves a reference domain. */
export function registryHostFor(domain: string): string {
  return isDockerHub(domain) ? dockerHub.registryHost : domain;
}

/** `localhost:5000` → `localhost`; `[::1]:5000` → `::1`. */
export function hostnameOf(host: string): string {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracket) return bracket[1] ?? host;
  const colon = host.lastIndexOf(':');
  return colon > 0 && host.indexOf(':') === colon ? host.slice(0, colon) : host;
}

/**
 * The host name as a connection would use it: the WHATWG URL parser turns
 * `0251.0376.0251.0376`, `2852039166` and `[::ffff:169.254.169.254]` into
 * their canonical forms, so checks see what fetch will dial.
 */
export function canonicalHostname(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return hostnameOf(host).toLowerCase();
  }
}

/** Only literal loopback addresses and `localhost` itself: `127.evil.example` is a name like any other. */
export function isLoopbackHost(host: string): boolean {
  const name = canonicalHostname(host);
  return name === 'localhost' || isLoopbackAddress(name);
}

const metadataHostnames: ReadonlySet<string> = new Set(['metadata.google.internal', 'metadata.goog']);

/**
 * Why a host is refused before anything is sent, or undefined. Covers
 * literal addresses in every spelling and well-known metadata names; names
 * that resolve to such addresses are refused by the dispatcher's lookup
 * hook (connect-guard.ts).
 */
export function forbiddenHostReason(host: string): string | undefined {
  const name = canonicalHostname(host);
  if (metadataHostnames.has(name)) return 'a cloud metadata host name';
  return forbiddenAddressReason(name);
}

export interface UrlPolicy {
  /** Plain http is allowed (the registry is marked insecure). */
  readonly allowHttp: boolean;
  /** The registry itself is on loopback, so an http realm on loopback is fine. */
  readonly registryIsLoopback: boolean;
}

/**
 * The realm of a Bearer challenge, or a redirect target, that basepin is
 * willing to contact. `what` names the header it came from, e.g.
 * `auth realm (WWW-Authenticate) of registry.example`; the header value is
 * registry text, so it is quoted sanitised and without any userinfo.
 * https://distribution.github.io/distribution/spec/auth/token/
 */
export function checkOutboundUrl(text: string, policy: UrlPolicy, what: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (cause) {
    throw unsafe(`${what} ${quoteUntrusted(text.replace(/\/\/[^/]*@/, '//***@'))} is not a valid URL`, cause);
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    throw unsafe(`${what} ${url.origin} carries credentials in the URL; refusing to follow it`);
  }
  const forbidden = forbiddenHostReason(url.host);
  if (forbidden !== undefined) {
    throw unsafe(`${what} ${url.origin} is ${forbidden}; refusing to contact it`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:') {
    if (policy.allowHttp || (policy.registryIsLoopback && isLoopbackHost(url.host))) return url;
    throw unsafe(`${what} ${url.origin} uses plain http; mark the registry insecure to allow it`);
  }
  throw unsafe(`${what} ${quoteUntrusted(url.protocol)} is not an https URL`);
}

function unsafe(message: string, cause?: unknown): RegistryError {
  return new RegistryError({
    status: 0,
    code: RegistryErrorCode.UnsafeUrl,
    retryable: false,
    message,
    cause,
  });
}
