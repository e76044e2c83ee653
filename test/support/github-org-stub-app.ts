import { verify, type KeyObject } from 'node:crypto';
import { StubHttpError, type StubReply } from './github-stub-http.ts';
import type { StubState } from './github-stub-state.ts';
import type { OrgStubRepository } from './github-org-stub-api.ts';

const perPageMax = 100;

/**
 * `GET /installation/repositories`, a page at a time with GitHub's `link` header.
 * https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation
 */
export function installationListing(
  url: string,
  owner: string,
  serverUrl: string,
  all: readonly { readonly spec: OrgStubRepository; readonly state: StubState }[],
  query: URLSearchParams,
): StubReply {
  const perPage = Math.min(perPageMax, Number(query.get('per_page') ?? 30) || 30);
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const last = Math.ceil(all.length / perPage);
  return {
    status: 200,
    headers:
      page < last
        ? { link: `<${url}/installation/repositories?per_page=${perPage}&page=${page + 1}>; rel="next"` }
        : {},
    body: {
      total_count: all.length,
      repositories: slice.map(({ spec, state }, index) => ({
        id: 1000 + (page - 1) * perPage + index,
        name: spec.name,
        full_name: `${owner}/${spec.name}`,
        owner: { login: owner, type: 'Organization' },
        private: true,
        fork: spec.fork ?? false,
        archived: spec.archived ?? false,
        disabled: spec.disabled ?? false,
        size: spec.files === undefined ? 0 : 12,
        default_branch: state.defaultBranch,
        html_url: `${serverUrl}/${owner}/${spec.name}`,
      })),
    },
  };
}

/** An App's JWT (`bearer …`): RS256-signed by the App's key, issued by its id; anything else is GitHub's 401. */
export function checkAppJwt(
  authorization: string | undefined,
  publicKey: KeyObject | undefined,
  appId: number | undefined,
): void {
  const jwt = authorization?.replace(/^bearer /i, '') ?? '';
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  let issuer: unknown;
  try {
    issuer = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
  } catch {
    issuer = undefined;
  }
  const signed =
    publicKey !== undefined &&
    verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  if (!signed || String(issuer) !== String(appId)) {
    throw new StubHttpError(401, 'A JSON web token could not be decoded');
  }
}
