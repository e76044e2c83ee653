import { slsaProvenance } from './media-types.ts';
import {
  BuildkitVcsSchema,
  ProvenanceV02Schema,
  ProvenanceV1Schema,
  StatementSchema,
  parseBytes,
} from './schemas.ts';

/** What a SLSA provenance attestation says about how an image was built. */
export interface Provenance {
  readonly predicateType: string;
  /** `builder.id` (v0.2) or `runDetails.builder.id` (v1). */
  readonly builder: string | undefined;
  /** The source repository, as a URL without `git+`, `.git` or a fragment. */
  readonly repository: string | undefined;
  /** The source commit (hex). */
  readonly commit: string | undefined;
}

const buildkitMetadata = 'https://mobyproject.org/buildkit@v1#metadata';
const commitPattern = /^[a-f0-9]{40}(?:[a-f0-9]{24})?$/;

/** The provenance in an in-toto statement's bytes; undefined for another predicate or a malformed one. */
export function readProvenance(bytes: Uint8Array): Provenance | undefined {
  const statement = parseBytes(StatementSchema, bytes);
  if (!statement) return undefined;
  if (statement.predicateType === slsaProvenance.v02) return fromV02(statement.predicate);
  if (statement.predicateType === slsaProvenance.v1) return fromV1(statement.predicate);
  return undefined;
}

function fromV02(predicate: unknown): Provenance | undefined {
  const parsed = ProvenanceV02Schema.safeParse(predicate);
  if (!parsed.success) return undefined;
  const { builder, invocation, materials, metadata } = parsed.data;
  // BuildKit names the git context in configSource (`…repo.git#<commit>:<subdir>`), in its vcs metadata when
  // the build was given one, and among the materials (`git+https://…`).
  const config = invocation?.configSource;
  const fromConfig = config?.uri === undefined ? undefined : gitSource(config.uri, config.digest);
  const vcs = BuildkitVcsSchema.safeParse(metadata?.[buildkitMetadata] ?? {});
  const fromVcs = vcs.success ? vcs.data.vcs : undefined;
  const fromMaterials = (materials ?? [])
    .map((material) => (material.uri === undefined ? undefined : gitSource(material.uri, material.digest)))
    .find((source) => source?.repository !== undefined);
  return {
    predicateType: slsaProvenance.v02,
    builder: nonEmpty(builder?.id),
    repository: fromConfig?.repository ?? cleanRepository(fromVcs?.source) ?? fromMaterials?.repository,
    commit: fromConfig?.commit ?? commitOrUndefined(fromVcs?.revision) ?? fromMaterials?.commit,
  };
}

function fromV1(predicate: unknown): Provenance | undefined {
  const parsed = ProvenanceV1Schema.safeParse(predicate);
  if (!parsed.success) return undefined;
  const { buildDefinition, runDetails } = parsed.data;
  const external = buildDefinition.externalParameters ?? {};
  // BuildKit's v1 keeps the git context in externalParameters.configSource; the resolved dependencies
  // list it again with its commit.
  const config = readConfigSource(external['configSource']);
  const fromDependencies = (buildDefinition.resolvedDependencies ?? [])
    .map((dependency) =>
      dependency.uri === undefined ? undefined : gitSource(dependency.uri, dependency.digest),
    )
    .find((source) => source?.repository !== undefined);
  const vcs = BuildkitVcsSchema.safeParse(runDetails?.metadata?.[buildkitMetadata] ?? {});
  const fromVcs = vcs.success ? vcs.data.vcs : undefined;
  return {
    predicateType: slsaProvenance.v1,
    builder: nonEmpty(runDetails?.builder?.id),
    repository: config?.repository ?? cleanRepository(fromVcs?.source) ?? fromDependencies?.repository,
    commit: config?.commit ?? commitOrUndefined(fromVcs?.revision) ?? fromDependencies?.commit,
  };
}

function readConfigSource(value: unknown): { repository?: string; commit?: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uri, digest } = value as { uri?: unknown; digest?: unknown };
  if (typeof uri !== 'string') return undefined;
  const digests =
    typeof digest === 'object' && digest !== null
      ? Object.fromEntries(
          Object.entries(digest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        )
      : undefined;
  return gitSource(uri, digests);
}

/**
 * A git source as BuildKit writes it: `https://github.com/o/r.git#<commit>:<dir>`, `git+https://…@<ref>`,
 * with the commit in the fragment or in a `sha1`/`gitCommit` digest. Anything that is not a git URL
 * (`pkg:docker/…`) is no source.
 */
function gitSource(
  uri: string,
  digest: Readonly<Record<string, string>> | undefined,
): { repository?: string; commit?: string } | undefined {
  const text = uri.startsWith('git+') ? uri.slice(4) : uri;
  if (!/^(https?|ssh|git):\/\//.test(text)) return undefined;
  const hash = text.indexOf('#');
  const base = hash < 0 ? text : text.slice(0, hash);
  const fragment = hash < 0 ? '' : text.slice(hash + 1).split(':')[0];
  const commit = commitOrUndefined(digest?.['gitCommit'] ?? digest?.['sha1'] ?? fragment);
  // `…/repo@refs/heads/main` names a ref after the path; an `@` before the path is userinfo.
  const pathStart = base.indexOf('/', base.indexOf('://') + 3);
  const at = pathStart < 0 ? -1 : base.indexOf('@', pathStart);
  const repository = cleanRepository(at < 0 ? base : base.slice(0, at));
  return { ...(repository ? { repository } : {}), ...(commit ? { commit } : {}) };
}

function cleanRepository(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  const bare = url.startsWith('git+') ? url.slice(4) : url;
  return bare.replace(/\.git$/, '').replace(/\/+$/, '') || undefined;
}

function commitOrUndefined(value: string | undefined): string | undefined {
  const lower = value?.toLowerCase();
  return lower !== undefined && commitPattern.test(lower) ? lower : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** How the provenance compares with the image's own source annotations (`org.opencontainers.image.*`). */
export type ProvenanceMatch = 'matches' | 'differs' | 'unknown';

/**
 * `matches` when both name a repository and a commit and they agree; `differs` when a side names one the
 * other contradicts; `unknown` when there is nothing to compare. Repositories compare without scheme
 * case, `.git` or a trailing slash; a short annotated revision matches the commit it starts.
 */
export function compareWithSource(
  provenance: Provenance,
  source: { readonly repository?: string | undefined; readonly revision?: string | undefined },
): ProvenanceMatch {
  // `org.opencontainers.image.source` may carry BuildKit's `#<commit>:<dir>` fragment, as the git context did.
  const normal = (url: string) => {
    const bare = url.split('#')[0] ?? url;
    return (cleanRepository(bare) ?? bare).toLowerCase().replace(/^https?:\/\//, '');
  };
  const checks: boolean[] = [];
  if (provenance.repository !== undefined && source.repository !== undefined) {
    checks.push(normal(provenance.repository) === normal(source.repository));
  }
  if (provenance.commit !== undefined && source.revision !== undefined) {
    const revision = source.revision.toLowerCase();
    checks.push(revision.length >= 7 && provenance.commit.startsWith(revision));
  }
  if (checks.length === 0) return 'unknown';
  return checks.every(Boolean) ? 'matches' : 'differs';
}
