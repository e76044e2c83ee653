import { z } from 'zod';
import { parseJson } from '../../text/read-json.ts';

/** The SPDX predicate type BuildKit and cosign write. https://github.com/in-toto/attestation/blob/main/spec/predicates/spdx.md */
export const spdxPredicateType = 'https://spdx.dev/Document';

/** https://spdx.github.io/spdx-spec/v2.3/package-information/ (the fields a package diff needs). */
const SpdxPackageSchema = z.object({
  SPDXID: z.string().optional(),
  name: z.string(),
  versionInfo: z.string().optional(),
  externalRefs: z
    .array(z.object({ referenceType: z.string(), referenceLocator: z.string() }).loose())
    .optional(),
});

/** https://spdx.github.io/spdx-spec/v2.3/document-creation-information/ */
const SpdxDocumentSchema = z.object({
  spdxVersion: z.string(),
  packages: z.array(z.unknown()).default([]),
  relationships: z.array(z.unknown()).max(200_000).default([]),
});

/** https://spdx.github.io/spdx-spec/v2.3/relationships-between-SPDX-elements/ */
const SpdxRelationshipSchema = z.object({
  spdxElementId: z.string(),
  relationshipType: z.string(),
  relatedSpdxElement: z.string(),
});

/** https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md */
const InTotoStatementSchema = z.object({
  _type: z.string(),
  predicateType: z.string(),
  predicate: z.unknown(),
});

/** https://github.com/secure-systems-lab/dsse/blob/master/envelope.md */
const DsseEnvelopeSchema = z.object({ payloadType: z.string(), payload: z.string() });

export interface SbomPackage {
  /** `pkg:apk/alpine/busybox` (purl without version, qualifiers, subpath), else `name:<name>`. */
  readonly key: string;
  readonly name: string;
  readonly version: string;
  /** The full purl (qualifiers such as `distro=` and `upstream=` name the OSV ecosystem and source package). */
  readonly purl?: string | undefined;
  /** The source package an SPDX `GENERATED_FROM` relationship names (`libssl3` → `openssl`). */
  readonly source?: { readonly name: string; readonly version?: string | undefined } | undefined;
}

export class SbomError extends Error {
  override readonly name = 'SbomError';
}

/** Most packages basepin reads from one SBOM; a distroless image has tens, a full OS a few thousand. */
const maxPackages = 20_000;

/**
 * The packages of an SBOM served as an SPDX document, an in-toto statement with an SPDX predicate, or a DSSE
 * envelope around such a statement. Throws `SbomError` for anything else.
 */
export function sbomPackages(bytes: Uint8Array): SbomPackage[] {
  const read = parseJson(bytes);
  if (!read.ok) throw new SbomError('the SBOM is not JSON');
  return packagesOf(read.value, 0);
}

function packagesOf(json: unknown, depth: number): SbomPackage[] {
  if (depth > 2) throw new SbomError('the SBOM is wrapped too deeply');
  const envelope = DsseEnvelopeSchema.safeParse(json);
  if (envelope.success) {
    const inner = parseJson(Buffer.from(envelope.data.payload, 'base64').toString('utf8'));
    if (!inner.ok) throw new SbomError('the DSSE payload is not base64 JSON');
    return packagesOf(inner.value, depth + 1);
  }
  const statement = InTotoStatementSchema.safeParse(json);
  if (statement.success) {
    if (statement.data.predicateType !== spdxPredicateType) {
      throw new SbomError(`the attestation is ${statement.data.predicateType}, not SPDX`);
    }
    return packagesOf(statement.data.predicate, depth + 1);
  }
  const document = SpdxDocumentSchema.safeParse(json);
  if (!document.success) throw new SbomError('the SBOM is not an SPDX JSON document');
  if (document.data.packages.length > maxPackages) {
    throw new SbomError(`the SBOM lists ${document.data.packages.length} packages, more than basepin reads`);
  }
  const parsedPackages = document.data.packages
    .map((raw) => SpdxPackageSchema.safeParse(raw))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const sources = sourcePackages(parsedPackages, document.data.relationships);
  const packages: SbomPackage[] = [];
  for (const pkg of parsedPackages) {
    // BuildKit's (syft's) document root describes the scanned image itself, not a package in it.
    if (pkg.name === 'sbom' || pkg.SPDXID?.startsWith('SPDXRef-DocumentRoot')) continue;
    const purl = pkg.externalRefs?.find((ref) => ref.referenceType === 'purl')?.referenceLocator;
    const source = pkg.SPDXID === undefined ? undefined : sources.get(pkg.SPDXID);
    packages.push({
      key: purlKey(purl) ?? `name:${pkg.name}`,
      name: pkg.name,
      version: pkg.versionInfo ?? '',
      ...(purl === undefined ? {} : { purl }),
      ...(source === undefined ? {} : { source }),
    });
  }
  return packages;
}

/** Binary package SPDXID → the source package it was GENERATED_FROM (Docker Scout and syft write these). */
function sourcePackages(
  packages: readonly z.infer<typeof SpdxPackageSchema>[],
  relationships: readonly unknown[],
): Map<string, { name: string; version?: string }> {
  const byId = new Map(
    packages.flatMap((pkg) => (pkg.SPDXID === undefined ? [] : [[pkg.SPDXID, pkg] as const])),
  );
  const sources = new Map<string, { name: string; version?: string }>();
  for (const raw of relationships) {
    const relationship = SpdxRelationshipSchema.safeParse(raw);
    if (!relationship.success || relationship.data.relationshipType !== 'GENERATED_FROM') continue;
    const source = byId.get(relationship.data.relatedSpdxElement);
    if (source === undefined || !byId.has(relationship.data.spdxElementId)) continue;
    sources.set(relationship.data.spdxElementId, {
      name: source.name,
      ...(source.versionInfo === undefined ? {} : { version: source.versionInfo }),
    });
  }
  return sources;
}

/**
 * `pkg:apk/alpine/busybox@1.36.1-r2?arch=x86_64` → `pkg:apk/alpine/busybox`: the package's identity without
 * the version, qualifiers or subpath. https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst
 */
export function purlKey(purl: string | undefined): string | undefined {
  if (purl === undefined || !purl.startsWith('pkg:')) return undefined;
  const end = [purl.indexOf('?'), purl.indexOf('#')].filter((at) => at >= 0);
  const withoutQualifiers = end.length ? purl.slice(0, Math.min(...end)) : purl;
  // The version follows the last `@` of the name part; `@` in a namespace is percent-encoded.
  const at = withoutQualifiers.lastIndexOf('@');
  const key = at > 'pkg:'.length ? withoutQualifiers.slice(0, at) : withoutQualifiers;
  return key.toLowerCase();
}

export interface PackageUpgrade {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export interface PackageDiff {
  readonly upgraded: readonly PackageUpgrade[];
  readonly added: readonly { readonly name: string; readonly version: string }[];
  readonly removed: readonly { readonly name: string; readonly version: string }[];
}

/** Added, removed and changed packages, each list sorted by name. Several versions of one package are joined. */
export function diffPackages(before: readonly SbomPackage[], after: readonly SbomPackage[]): PackageDiff {
  const old = byKey(before);
  const now = byKey(after);
  const upgraded: PackageUpgrade[] = [];
  const added: { name: string; version: string }[] = [];
  const removed: { name: string; version: string }[] = [];
  for (const [key, entry] of now) {
    const previous = old.get(key);
    if (!previous) added.push({ name: entry.name, version: entry.version });
    else if (previous.version !== entry.version)
      upgraded.push({ name: entry.name, from: previous.version, to: entry.version });
  }
  for (const [key, entry] of old)
    if (!now.has(key)) removed.push({ name: entry.name, version: entry.version });
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return { upgraded: upgraded.sort(byName), added: added.sort(byName), removed: removed.sort(byName) };
}

function byKey(packages: readonly SbomPackage[]): Map<string, { name: string; version: string }> {
  const versions = new Map<string, { name: string; versions: Set<string> }>();
  for (const pkg of packages) {
    const entry = versions.get(pkg.key) ?? { name: pkg.name, versions: new Set<string>() };
    entry.versions.add(pkg.version);
    versions.set(pkg.key, entry);
  }
  return new Map(
    [...versions].map(([key, entry]) => [
      key,
      { name: entry.name, version: [...entry.versions].sort().join(', ') },
    ]),
  );
}

export function isEmptyDiff(diff: PackageDiff): boolean {
  return diff.upgraded.length === 0 && diff.added.length === 0 && diff.removed.length === 0;
}
