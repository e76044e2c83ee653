import { parsePlatform, type Platform } from '../reference/index.ts';
import { branchNameProblem } from './git-branch.ts';

/**
 * What a setting's text means, checked once for every source (flag, input,
 * config file, comment argument). Each parser returns the parsed value or a
 * problem phrased to follow the source's name: `--insecure-registry: "x!" is
 * not a host[:port]`.
 */
export type Parsed<T> = { readonly value: T } | { readonly problem: string };

export interface RegistryCredential {
  readonly username: string;
  readonly password: string;
  /** Where it was given (`--registry-credential`, `input registry-credentials`), for auth errors. */
  readonly source?: string;
}

/** A registry mirror: where requests for a registry's images may go instead. */
export interface Mirror {
  /** `mirror.gcr.io`, `127.0.0.1:5001`: the host requests are sent to. */
  readonly host: string;
  /** The base URL as given, without a trailing slash. */
  readonly url: string;
  readonly plainHttp: boolean;
  /**
   * Repository prefix of pull-through caches that keep each upstream under a project
   * (Harbor `https://harbor.corp/dockerhub-proxy` → `dockerhub-proxy`); `''` for none.
   */
  readonly prefix: string;
}

const quote = (text: string) => JSON.stringify(text);

const hostPattern =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

/** A registry host as references name it: `docker.io`, `localhost:5000`, `[::1]:5000`. */
export function parseHost(text: string): Parsed<string> {
  return hostPattern.test(text)
    ? { value: text.toLowerCase() }
    : { problem: `${quote(text)} is not a host[:port]` };
}

export function parsePlatformSetting(text: string): Parsed<Platform> {
  const platform = parsePlatform(text);
  return platform
    ? { value: platform }
    : { problem: `${quote(text)} is not os/arch[/variant] such as linux/amd64` };
}

/**
 * A mirror base URL. The registry client addresses a mirror by origin
 * (`/v2/…` below it), so a path would be silently dropped; credentials belong
 * in registry-credentials, and are never echoed back.
 */
export function parseMirrorUrl(text: string): Parsed<Mirror> {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const shown = quote(text.replace(/\/\/[^/@\s]*@/g, '//***@'));
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.host === '') {
    return { problem: `${shown} is not an http(s) URL such as https://mirror.gcr.io` };
  }
  if (url.username !== '' || url.password !== '') {
    return { problem: `${shown}: a mirror URL must not hold credentials; give them as registry-credentials` };
  }
  const prefix = url.pathname.replace(/^\/|\/$/g, '');
  if (url.search !== '' || url.hash !== '' || (prefix !== '' && !prefix.split('/').every(isPathComponent))) {
    return {
      problem: `${shown}: expected a base URL such as https://mirror.gcr.io, maybe with a repository prefix (https://harbor.example/dockerhub-proxy)`,
    };
  }
  if (prefix.split('/')[0] === 'v2') {
    return { problem: `${shown}: leave out /v2, basepin adds the API path (https://mirror.gcr.io)` };
  }
  const base = prefix === '' ? url.origin : `${url.origin}/${prefix}`;
  return { value: { host: url.host, url: base, plainHttp: url.protocol === 'http:', prefix } };
}

/** A repository path component (distribution/reference): lowercase alphanumerics and separators. */
function isPathComponent(part: string): boolean {
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(part);
}

/** `host=value`, as repeated flags and multiline inputs give mirrors and credentials. */
export function parsePair(text: string, show: (text: string) => string): Parsed<[string, string]> {
  const eq = text.indexOf('=');
  const host = eq > 0 ? text.slice(0, eq).trim() : '';
  const parsedHost = parseHost(host);
  if (eq <= 0 || 'problem' in parsedHost) return { problem: `expected HOST=… but got ${show(text)}` };
  return { value: [parsedHost.value, text.slice(eq + 1).trim()] };
}

/** `user:secret`; the secret is never part of a problem. */
export function parseCredential(host: string, text: string): Parsed<RegistryCredential> {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1)
    return { problem: `credential for ${host}: expected USER:SECRET` };
  return { value: { username: text.slice(0, colon), password: text.slice(colon + 1) } };
}

/** A prefix such that prefix + slug is a branch git accepts. */
export function parseBranchPrefix(text: string): Parsed<string> {
  const problem = branchNameProblem(`${text}x`);
  return problem === undefined
    ? { value: text }
    : { problem: `${quote(text)} cannot start a git branch name: ${problem}` };
}

export function parseBranch(text: string): Parsed<string> {
  const problem = branchNameProblem(text);
  return problem === undefined
    ? { value: text }
    : { problem: `${quote(text)} is not a git branch: ${problem}` };
}

const durationUnits: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `90s`, `15m`, `12h`, `3d`, `1w`, or combined `1d12h` → milliseconds. */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^(?:\d+[smhdw])+$/.test(trimmed)) {
    return { problem: `${quote(text)} is not a duration such as 90s, 15m, 12h or 3d` };
  }
  let total = 0;
  for (const [, amount = '0', unit = 's'] of trimmed.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(amount) * (durationUnits[unit] ?? 0);
  }
  return { value: total };
}

export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const value = Number(text);
  return /^\d+$/.test(text.trim()) && value >= min && value <= max
    ? { value }
    : { problem: `${quote(text)} is not a whole number from ${min} to ${max}` };
}

export function parseBoolean(text: string): Parsed<boolean> {
  if (/^(true|yes|on)$/i.test(text.trim())) return { value: true };
  if (/^(false|no|off)$/i.test(text.trim())) return { value: false };
  return { problem: `${quote(text)} is not true or false` };
}

/** A value from a closed set. */
export function parseChoice<T extends string>(text: string, choices: readonly T[]): Parsed<T> {
  const found = choices.find((choice) => choice === text);
  return found !== undefined
    ? { value: found }
    : { problem: `${quote(text)} is not one of ${choices.join(', ')}` };
}
