import type { RegistryCredential } from '../registry/types.ts';
import { ConfigError } from './load.ts';
import { mirrorUrlProblem, registryHost } from './schema.ts';

/**
 * `host=value` lines, as given by repeated CLI flags or a multiline action
 * input. Blank lines and `#` comments are ignored. A bad line is quoted as
 * `show` renders it, so a line that may hold a secret is never echoed.
 */
function splitPairs(
  what: string,
  lines: readonly string[],
  show: (line: string) => string,
): [host: string, value: string][] {
  return lines
    .flatMap((line) => line.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const eq = line.indexOf('=');
      const host = eq > 0 ? line.slice(0, eq).trim() : '';
      if (eq <= 0 || !registryHost.safeParse(host).success) {
        throw new ConfigError(`${what}: expected HOST=… but got ${show(line)}`);
      }
      return [host, line.slice(eq + 1).trim()];
    });
}

/** `docker.io=https://mirror.gcr.io` lines → host → mirror URLs in order. */
export function parseMirrorPairs(lines: readonly string[]): Record<string, string[]> {
  const mirrors: Record<string, string[]> = {};
  for (const [host, url] of splitPairs('registry mirror', lines, quoteWithoutUserinfo)) {
    const problem = mirrorUrlProblem(url);
    if (problem !== undefined) {
      throw new ConfigError(`registry mirror for ${host}: ${problem} but got ${quoteWithoutUserinfo(url)}`);
    }
    (mirrors[host] ??= []).push(url.replace(/\/+$/, ''));
  }
  return mirrors;
}

/** `ghcr.io=user:token` lines → host → credential. The secret is never echoed in errors. */
export function parseCredentialPairs(lines: readonly string[]): Record<string, RegistryCredential> {
  const credentials: Record<string, RegistryCredential> = {};
  const hidden = () => 'a line not shown here, as it may hold a secret';
  for (const [host, value] of splitPairs('registry credential', lines, hidden)) {
    const colon = value.indexOf(':');
    if (colon <= 0 || colon === value.length - 1) {
      throw new ConfigError(`registry credential for ${host}: expected USER:SECRET`);
    }
    credentials[host] = { username: value.slice(0, colon), password: value.slice(colon + 1) };
  }
  return credentials;
}

/** `https://user:token@mirror` is quoted as `https://***@mirror`. */
function quoteWithoutUserinfo(text: string): string {
  return JSON.stringify(text.replace(/\/\/[^/@\s]*@/g, '//***@'));
}
