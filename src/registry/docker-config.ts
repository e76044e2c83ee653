import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { defaultHelperLimits, runCredentialHelper, type HelperLimits } from './credential-helper.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { readJson } from '../text/read-json.ts';
import { untrustedText } from '../text/untrusted.ts';
import { dockerHub, dockerHubAliases, isDockerHub } from '../reference/index.ts';

/** What a registry accepts from us: a password, or an identity (refresh) token for the token server. */
export type Credential =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'identity'; readonly username: string; readonly identityToken: string };

/**
 * A credential and where it was found, as a label a person can check
 * (`~/.docker/config.json`, `docker-credential-desktop`): never any part of the secret.
 */
export interface FoundCredential {
  readonly credential: Credential;
  readonly source: string;
}

/** `/home/me/.docker/config.json` → `~/.docker/config.json`: shorter, and the same on every machine. */
export function homeRelative(path: string, home: string = homedir()): string {
  if (home === '' || home === sep) return path;
  return path === home || path.startsWith(`${home}${sep}`) ? `~${path.slice(home.length)}` : path;
}

/** https://github.com/docker/cli/blob/master/cli/config/configfile/file.go */
const DockerConfigFileSchema = z.object({
  auths: z
    .record(
      z.string(),
      z.object({
        auth: z.string().optional(),
        username: z.string().optional(),
        password: z.string().optional(),
        identitytoken: z.string().optional(),
      }),
    )
    .optional(),
  credHelpers: z.record(z.string(), z.string()).optional(),
  credsStore: z.string().optional(),
});
type DockerConfigFile = z.infer<typeof DockerConfigFileSchema>;

/** https://github.com/docker/docker-credential-helpers#development */
const HelperReplySchema = z.object({ Username: z.string(), Secret: z.string() });

/** docker-credential-helpers' `credentials.NewErrCredentialsNotFound()` text. */
const helperNotFound = 'credentials not found in native keychain';

/** `https://index.docker.io/v1/` → `index.docker.io`; `ghcr.io` → `ghcr.io`. */
function keyHost(key: string): string {
  return key
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')[0]!
    .toLowerCase();
}

/** Host names a config.json key may use for the registry serving `domain`. */
function hostsFor(domain: string): string[] {
  return isDockerHub(domain) ? [...dockerHubAliases] : [domain.toLowerCase()];
}

/** Reads docker's config.json once, lazily, and answers credentials per registry domain. */
export class DockerCredentials {
  private readonly dir: string;
  private readonly onSecret: (secret: string) => void;
  private config: Promise<DockerConfigFile> | undefined;
  private readonly helperReplies = new Map<string, Promise<Credential | undefined>>();
  private readonly helperLimits: HelperLimits;

  constructor(
    dir: string | undefined,
    onSecret: (secret: string) => void,
    helperLimits: Partial<HelperLimits> = {},
  ) {
    this.dir = dir ?? process.env['DOCKER_CONFIG'] ?? join(homedir(), '.docker');
    this.onSecret = onSecret;
    this.helperLimits = { ...defaultHelperLimits, ...helperLimits };
  }

  get file(): string {
    return join(this.dir, 'config.json');
  }

  async lookup(domain: string): Promise<FoundCredential | undefined> {
    const config = await (this.config ??= this.load());
    const hosts = hostsFor(domain);
    const serverUrl = domain === dockerHub.domain ? dockerHub.configKey : domain;
    const helper = Object.entries(config.credHelpers ?? {}).find(([key]) => hosts.includes(keyHost(key)));
    if (helper) return this.fromHelper(helper[1], serverUrl);
    const entry = Object.entries(config.auths ?? {}).find(([key]) => hosts.includes(keyHost(key)))?.[1];
    if (entry) {
      const credential = this.fromAuthEntry(entry);
      if (credential) return { credential, source: homeRelative(this.file) };
    }
    if (config.credsStore) return this.fromHelper(config.credsStore, serverUrl);
    return undefined;
  }

  private async fromHelper(name: string, serverUrl: string): Promise<FoundCredential | undefined> {
    const credential = await this.askHelper(name, serverUrl);
    return credential && { credential, source: `docker-credential-${name}` };
  }

  private async load(): Promise<DockerConfigFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw this.configError(`cannot be read (${(error as Error).message})`, error);
    }
    // The text around an error is the password, in this file: only file:line:column are named, no cause kept.
    const read = readJson(text, DockerConfigFileSchema);
    if (read.ok) return read.value;
    const { problem } = read;
    if (problem.kind === 'syntax') {
      const at = problem.line === undefined ? '' : `:${problem.line}:${problem.column}`;
      throw this.configError(`is not valid JSON (${problem.problem})`, undefined, at);
    }
    throw this.configError(`has an unexpected shape at ${problem.path || '(root)'}: ${problem.issue}`);
  }

  private fromAuthEntry(entry: NonNullable<DockerConfigFile['auths']>[string]): Credential | undefined {
    let { username, password } = entry;
    if (entry.auth) {
      this.onSecret(entry.auth);
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw this.configError('has an "auth" value that is not base64 of user:password');
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
    if (entry.identitytoken) {
      this.onSecret(entry.identitytoken);
      return { kind: 'identity', username: username ?? '', identityToken: entry.identitytoken };
    }
    if (username !== undefined && password !== undefined && (username !== '' || password !== '')) {
      this.onSecret(password);
      return { kind: 'basic', username, password };
    }
    return undefined;
  }

  private askHelper(name: string, serverUrl: string): Promise<Credential | undefined> {
    const key = `${name}\n${serverUrl}`;
    let reply = this.helperReplies.get(key);
    if (!reply) {
      reply = this.runHelper(name, serverUrl);
      this.helperReplies.set(key, reply);
    }
    return reply;
  }

  private async runHelper(name: string, serverUrl: string): Promise<Credential | undefined> {
    const program = `docker-credential-${name}`;
    const failed = (reason: string) =>
      new RegistryError({
        status: 0,
        code: RegistryErrorCode.CredentialHelper,
        retryable: false,
        message: `${program} get ${serverUrl} ${reason}`,
      });
    const outcome = await runCredentialHelper(program, serverUrl, this.helperLimits);
    if (outcome.kind === 'failed') throw failed(outcome.reason);
    const { code, stdout, stderr } = outcome;
    if (code !== 0) {
      if (stdout.includes(helperNotFound) || stderr.includes(helperNotFound)) return undefined;
      // The helper's own words, one line of them: they are printed, so they are capped and escaped.
      const detail = (stderr.trim() || stdout.trim()).split('\n')[0] ?? '';
      throw failed(`failed (exit ${code}): ${untrustedText(detail, 200)}`);
    }
    const read = readJson(stdout, HelperReplySchema);
    if (!read.ok) throw failed('printed no {"Username","Secret"} JSON');
    const { Username: username, Secret: secret } = read.value;
    this.onSecret(secret);
    // docker-credential-helpers: the username `<token>` marks an identity token.
    if (username === '<token>') return { kind: 'identity', username: '', identityToken: secret };
    return { kind: 'basic', username, password: secret };
  }

  private configError(what: string, cause?: unknown, at = ''): RegistryError {
    return new RegistryError({
      status: 0,
      code: RegistryErrorCode.DockerConfig,
      retryable: false,
      message: at === '' ? `${this.file} ${what}` : `${this.file}${at}: ${what}`,
      cause,
    });
  }
}
