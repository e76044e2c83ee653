import { isIP } from 'node:net';
import { RegistryError, RegistryErrorCode } from './errors.ts';

/** Docker Hub is named `docker.io` in references but served by another host. */
export const dockerHubDomain = 'docker.io';
export const dockerHubRegistryHost = 'registry-1.docker.io';
/** The key docker login writes for Docker Hub in config.json. */
export const dockerHubConfigKey = 'https://index.docker.io/v1/';

/** The host (with port) that serves a reference domain. */
export function registryHostFor(domain: string): string {
  return domain === dockerHubDomain || domain === 'index.docker.io' ? dockerHubRegistryHost : domain;
}

/** `localhost:5000` → `localhost`; `[::1]:5000` → `::1`. */
export function hostnameOf(host: string): string {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracket) return bracket[1] ?? host;
  const colon = host.lastIndexOf(':');
  return colon > 0 && host.indexOf(':') === colon ? host.slice(0, colon) : host;
}

export function isLoopbackHost(host: string): boolean {
  const name = hostnameOf(host).toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\./.test(name);
}

const metadataHostnames: ReadonlySet<string> = new Set([
  'metadata.google.internal',
  'metadata.goog',
  '169.254.169.254',
  'fd00:ec2::254',
]);

/**
 * Link-local and cloud metadata addresses: a registry (or a realm it names)
 * pointing there is an attempt to reach instance credentials.
 */
export function isForbiddenHost(host: string): boolean {
  const name = hostnameOf(host).toLowerCase().replace(/\.$/, '');
  if (metadataHostnames.has(name)) return true;
  if (isIP(name) === 4) return name.startsWith('169.254.');
  if (isIP(name) === 6) {
    if (/^fe[89ab][0-9a-f]:/.test(name)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name);
    if (mapped?.[1]?.startsWith('169.254.')) return true;
    return name === 'fd00:ec2::254' || name === 'fd00:ec2:0:0:0:0:0:254';
  }
  return false;
}

export interface UrlPolicy {
  /** Plain http is allowed (the registry is marked insecure). */
  readonly allowHttp: boolean;
  /** The registry itself is on loopback, so an http realm on loopback is fine. */
  readonly registryIsLoopback: boolean;
}

/**
 * The realm of a Bearer challenge, or a redirect target, that basepin is
 * willing to contact. https://distribution.github.io/distribution/spec/auth/token/
 */
export function checkOutboundUrl(text: string, policy: UrlPolicy, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw unsafe(`${what} ${JSON.stringify(text)} is not an absolute URL`, cause);
  }
  if (isForbiddenHost(url.host)) {
    throw unsafe(`${what} ${url.origin} is a link-local or cloud metadata address; refusing to contact it`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:') {
    if (policy.allowHttp || (policy.registryIsLoopback && isLoopbackHost(url.host))) return url;
    throw unsafe(`${what} ${url.origin} uses plain http; mark the registry insecure to allow it`);
  }
  throw unsafe(`${what} ${JSON.stringify(text)} must be an https URL`);
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
