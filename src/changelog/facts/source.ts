/**
 * Where an image was built from: `org.opencontainers.image.source` (+ `.revision`), or the older
 * `org.label-schema.vcs-url` / `vcs-ref`. Docker Official Images write the source as
 * `https://github.com/<o>/<r>.git#<40-hex commit>:<directory>` (the directory differs per architecture).
 * https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys
 */
export interface SourceRef {
  /** `https://github.com/owner/repo`, when the value is an http(s) URL. */
  readonly repository: string;
  readonly commit?: string | undefined;
  readonly directory?: string | undefined;
  /** `github` or `gitlab` when the host is one of theirs: a compare link can be built. */
  readonly forge?: 'github' | 'gitlab' | undefined;
}

const commitPattern = /^[0-9a-f]{7,64}$/;
/** Owner/group and repository path segments: the characters GitHub and GitLab allow. */
const pathSegment = /^[A-Za-z0-9_.-]+$/;
const hostPattern = /^[a-z0-9.-]+(:\d{1,5})?$/;

/** Parses a source URL (and its revision) into parts that are safe to put in a link; undefined if it is not one. */
export function parseSource(url: string | undefined, revision: string | undefined): SourceRef | undefined {
  if (url === undefined) return undefined;
  const [address = '', fragment] = splitOnce(url.trim(), '#');
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  const segments = parsed.pathname
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((segment) => segment !== '');
  if (segments.length === 0 || !segments.every((segment) => pathSegment.test(segment))) return undefined;
  const host = parsed.host.toLowerCase();
  if (!hostPattern.test(host)) return undefined;
  const forge = host === 'github.com' ? 'github' : host === 'gitlab.com' ? 'gitlab' : undefined;
  // GitHub repositories are exactly owner/repo; a longer path is a tree link, whose first two segments name the repository.
  const kept = forge === 'github' ? segments.slice(0, 2) : segments;
  if (forge === 'github' && kept.length < 2) return undefined;
  const [fragmentCommit, directory] = fragment === undefined ? [] : splitOnce(fragment, ':');
  const commit = [fragmentCommit, revision]
    .map((value) => value?.trim().toLowerCase())
    .find((value) => value !== undefined && commitPattern.test(value));
  return {
    repository: `https://${host}/${kept.join('/')}`,
    commit,
    directory: directory === undefined || directory === '' ? undefined : directory,
    forge,
  };
}

/** A link comparing two commits of the same repository, on a forge that has compare pages. */
export function compareUrl(from: SourceRef | undefined, to: SourceRef | undefined): string | undefined {
  if (!from?.commit || !to?.commit || from.commit === to.commit) return undefined;
  if (to.forge === undefined || from.repository !== to.repository) return undefined;
  return to.forge === 'github'
    ? `${to.repository}/compare/${from.commit}...${to.commit}`
    : `${to.repository}/-/compare/${from.commit}...${to.commit}`;
}

/** A link to one commit, on a forge whose commit pages we know. */
export function commitUrl(source: SourceRef | undefined): string | undefined {
  if (!source?.commit || source.forge === undefined) return undefined;
  return source.forge === 'github'
    ? `${source.repository}/commit/${source.commit}`
    : `${source.repository}/-/commit/${source.commit}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
