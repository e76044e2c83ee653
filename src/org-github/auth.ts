import { createAppAuth } from '@octokit/auth-app';
import type { GitHubClient } from '../github/index.ts';
import type { PacerClock } from './write-pacer.ts';
import { realClock } from './write-pacer.ts';

/**
 * How an organisation run authenticates: as a GitHub App installation (App id + private key; the library
 * mints installation tokens and the run refreshes them before they expire), or with one installation
 * token minted beforehand (by `actions/create-github-app-token`, say), which lasts an hour.
 */
export type OrgAuth =
  | {
      readonly kind: 'app';
      readonly appId: string;
      readonly privateKey: string;
      /** The installation; when absent, the one on `owner`'s account (the App's installations are listed). */
      readonly installationId?: number;
      readonly owner?: string;
    }
  | { readonly kind: 'token'; readonly token: string };

export class OrgAuthError extends Error {
  override readonly name = 'OrgAuthError';
}

/** What the inputs or the environment give, checked: a token, or an App id with its key. */
export function orgAuthFrom(values: {
  readonly token?: string | undefined;
  readonly appId?: string | undefined;
  readonly privateKey?: string | undefined;
  readonly installationId?: string | undefined;
  readonly owner?: string | undefined;
}): OrgAuth {
  const appId = values.appId?.trim() || undefined;
  const key = values.privateKey?.trim() || undefined;
  if (appId !== undefined || key !== undefined) {
    if (appId === undefined || !/^\d+$/.test(appId))
      throw new OrgAuthError('app-id: expected the App id, a number');
    if (key === undefined || !key.includes('PRIVATE KEY-----')) {
      throw new OrgAuthError(
        'private-key: expected the App private key in PEM form (-----BEGIN … PRIVATE KEY-----)',
      );
    }
    const installation = values.installationId?.trim() || undefined;
    if (installation !== undefined && !/^\d+$/.test(installation)) {
      throw new OrgAuthError('installation-id: expected a number');
    }
    return {
      kind: 'app',
      appId,
      // Secrets stored with literal `\n` (a common way to put a key in one line) are restored.
      privateKey: key.includes('\\n') ? key.replaceAll('\\n', '\n') : key,
      ...(installation === undefined ? {} : { installationId: Number(installation) }),
      ...(values.owner === undefined ? {} : { owner: values.owner }),
    };
  }
  const token = values.token?.trim();
  if (token) return { kind: 'token', token };
  throw new OrgAuthError(
    'an organisation run needs a GitHub App: app-id and private-key, or an installation token (actions/create-github-app-token)',
  );
}

/** Installation tokens live an hour; one older than this is minted again before it is used. */
export const tokenRefreshAfterMs = 50 * 60_000;

/**
 * The token cache `@octokit/auth-app` keeps, on the run's clock: an entry is dropped `tokenRefreshAfterMs`
 * after it was stored, so the next request mints a fresh token well before GitHub would refuse the old one.
 */
export function installationTokenCache(clock: PacerClock = realClock): {
  /** `''` (the library's miss) when there is no fresh entry. */
  get(key: string): string;
  set(key: string, value: string): void;
} {
  const entries = new Map<string, { readonly value: string; readonly at: number }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (entry === undefined) return '';
      if (clock.now() - entry.at >= tokenRefreshAfterMs) {
        entries.delete(key);
        return '';
      }
      return entry.value;
    },
    set: (key, value) => {
      entries.set(key, { value, at: clock.now() });
    },
  };
}

/**
 * Authenticates every request of `octokit` as the installation (App mode), minting and refreshing its
 * tokens; the installation is found from `owner` when not given. A token mode client needs nothing here:
 * it was made with the token.
 */
export async function authenticateAsInstallation(
  octokit: GitHubClient,
  auth: Extract<OrgAuth, { kind: 'app' }>,
  clock: PacerClock = realClock,
): Promise<number> {
  const cache = installationTokenCache(clock);
  const appAuth = createAppAuth({
    appId: auth.appId,
    privateKey: auth.privateKey,
    request: octokit.request,
    cache,
  });
  const installationId = auth.installationId ?? (await findInstallation(octokit, appAuth, auth.owner));
  const installation = createAppAuth({
    appId: auth.appId,
    privateKey: auth.privateKey,
    installationId,
    request: octokit.request,
    cache,
  });
  // The token is looked up when the request starts; tokens are minted again well before they expire, so a
  // retry with the same token is still in its hour. A request that carries its own authorization (the
  // App's JWT, minting a token) keeps it.
  octokit.hook.before('request', async (options) => {
    if (options.headers.authorization !== undefined) return;
    const { token } = await installation({ type: 'installation' });
    options.headers.authorization = `token ${token}`;
  });
  return installationId;
}

async function findInstallation(
  octokit: GitHubClient,
  appAuth: ReturnType<typeof createAppAuth>,
  owner: string | undefined,
): Promise<number> {
  const { token } = await appAuth({ type: 'app' });
  const installations = await octokit.paginate(octokit.rest.apps.listInstallations, {
    per_page: 100,
    headers: { authorization: `bearer ${token}` },
  });
  const found = installations.filter(
    (installation) =>
      owner === undefined || installation.account?.login?.toLowerCase() === owner.toLowerCase(),
  );
  if (found.length !== 1 || found[0] === undefined) {
    throw new OrgAuthError(
      owner === undefined
        ? `the App has ${installations.length} installations; set installation-id or the owner to choose one`
        : `the App is not installed on ${owner}`,
    );
  }
  return found[0].id;
}
