import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  ImageConfigSchema,
  ImageIndexSchema,
  ImageManifestSchema,
  RegistryError,
  TargetDigestError,
  attestationFor,
  compareWithSource,
  createSignatureChecker,
  createSignaturePolicy,
  defaultDockerHubReserve,
  describeProvenance,
  describeVerdict,
  factsMaySpend,
  findProvenance,
  isImageEntry,
  isIndexMediaType,
  memoizeRegistryClient,
  parseJson,
  platformKey,
  provenanceJson,
  readJson,
  readOrUndefined,
  reportManyVulnerabilities,
  resolveTargetDigest,
  samePlatformKey,
  signatureJson,
  signaturePolicyCovers,
  tagListed,
  unavailableNote,
  vulnerabilityDataUnavailable,
  vulnerabilityDetailLines,
  vulnerabilityHeadline,
  vulnerabilityHoldBack
} from "./chunk-OERN3X4H.js";
import {
  codeSpan,
  markdownLink,
  untrustedText
} from "./chunk-5W6YY3Z7.js";
import {
  external_exports
} from "./chunk-PPE23XJU.js";
import {
  FileChangedError,
  MemoryWorkspace,
  WriteError,
  contentHash,
  jsonArrayChunks,
  scanDockerfiles
} from "./chunk-HKPFPWOG.js";
import {
  require_picomatch
} from "./chunk-5RQVPCKY.js";
import {
  BadReferenceError,
  EditConflictError,
  UnencodableTextError,
  applyEdits,
  encodeDockerfile,
  fittingEdits,
  formatPlatform,
  isPinnableSite,
  parseImageReference,
  pinEdit,
  problemJson,
  shortDigest
} from "./chunk-FXMTIOOA.js";
import {
  __toESM
} from "./chunk-FO4YOAWA.js";

// src/update/failure.ts
var FailureCode = {
  /** The text is not a reference Docker would accept (the parser's reason is the message). */
  InvalidReference: "INVALID_REFERENCE",
  /** A reference the resolver refused (digest-only, malformed). */
  BadReference: "BAD_REFERENCE",
  /** The file's edits overlap or fall outside its text: the file is left as it was. */
  EditConflict: "EDIT_CONFLICT",
  /** The edited text cannot be written back in the file's encoding. */
  Unencodable: "UNENCODABLE_TEXT",
  /** The file could not be written (permissions, disk, changed since it was read): `WriteError`. */
  WriteFailed: "WRITE_FAILED",
  /** A bug in basepin: reported with its stack on --debug; exit 70. */
  Internal: "INTERNAL_ERROR"
};
var InvalidSiteError = class extends Error {
  name = "InvalidSiteError";
  code = FailureCode.InvalidReference;
};
var InternalError = class extends Error {
  name = "InternalError";
  code = FailureCode.Internal;
  constructor(cause) {
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`internal error (${firstLine(message)})`, { cause });
  }
  /** The original stack, for --debug and the action's debug log. */
  get detail() {
    const cause = this.cause;
    return cause instanceof Error ? cause.stack ?? cause.message : String(cause);
  }
};
function asFailure(error) {
  if (error instanceof RegistryError || error instanceof BadReferenceError || error instanceof TargetDigestError || error instanceof EditConflictError || error instanceof UnencodableTextError || error instanceof InvalidSiteError || error instanceof WriteError || error instanceof InternalError) {
    return error;
  }
  return new InternalError(error);
}
function failureCode(failure2) {
  if (failure2 instanceof BadReferenceError) return FailureCode.BadReference;
  if (failure2 instanceof EditConflictError) return FailureCode.EditConflict;
  if (failure2 instanceof UnencodableTextError) return FailureCode.Unencodable;
  return failure2.code;
}
function failureMessage(failure2) {
  return firstLine(failure2.message);
}
function isInternal(failure2) {
  return failure2 instanceof InternalError;
}
function firstLine(text) {
  return text.split("\n")[0] ?? text;
}

// src/update/apply-updates.ts
function applyUpdates(text, updates) {
  return applyEdits(text, edits(updates));
}
function checkUpdates(length, updates) {
  fittingEdits(length, edits(updates));
}
function edits(updates) {
  return updates.map((update) => pinEdit(update.site.pin, update.target.digest));
}

// src/update/pin-report.ts
function siteNote(site, reason) {
  const base = { file: site.file, line: site.line, kind: site.kind, reference: site.written };
  return reason === void 0 ? base : { ...base, reason };
}
function groupUnreachable(errors) {
  const shown2 = [];
  const counts = /* @__PURE__ */ new Map();
  for (const failure2 of errors) {
    const host = failure2.error instanceof RegistryError ? failure2.error.unreachable : void 0;
    if (host === void 0) shown2.push(failure2);
    else if (!counts.has(host)) {
      counts.set(host, 0);
      shown2.push(failure2);
    } else counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const unreachable = [...counts].filter(([, notChecked]) => notChecked > 0).map(([host, notChecked]) => ({ host, notChecked }));
  return { shown: shown2, unreachable };
}
function unreachableLine({ host, notChecked }) {
  return `${host} unreachable: ${notChecked} ${notChecked === 1 ? "reference" : "references"} not checked`;
}

// src/update/update.ts
function updateRepository(update) {
  return update.site.reference.name;
}
function updateTag(update) {
  return update.site.reference.trackedTag;
}
function updateFrom(update) {
  return update.site.reference.digest;
}
function updatePlace(update) {
  return `${update.site.file}:${update.site.line}`;
}

// src/update/display-name.ts
function updateImageName(update) {
  return `${update.site.reference.familiarName}:${updateTag(update)}`;
}
function familiarRepository(repository) {
  try {
    return parseImageReference(repository).familiarName;
  } catch {
    return repository;
  }
}

// src/update/hold-reason.ts
function excludedImage(pattern) {
  return { code: "excluded", message: `excluded by exclude-images (${pattern})` };
}

// src/changelog/facts/vulnerabilities.ts
function vulnerabilityHeadlinePart(facts) {
  return vulnerabilityHeadline(facts.vulnerabilities);
}
function listLines(entries, format, maxItems) {
  return vulnerabilityDetailLines(
    { status: "known", fixed: entries, introduced: [], stillOpen: 0 },
    { format, ...maxItems === void 0 ? {} : { maxItems } }
  ).filter((line) => line.startsWith("- "));
}
function vulnerabilitySection(facts, maxItems) {
  const report = facts.vulnerabilities;
  if (report?.status !== "known") return [];
  const max = Number.isFinite(maxItems) ? Math.max(0, maxItems) : void 0;
  const lines = [];
  const list = (title, entries) => {
    if (entries.length) lines.push(`**${title}**`, "", ...listLines(entries, "markdown", max), "");
  };
  list("Known vulnerabilities fixed", report.fixed);
  list("Known vulnerabilities introduced", report.introduced);
  if (!lines.length) lines.push("**Known vulnerabilities**: none fixed or introduced.", "");
  if (report.stillOpen > 0) lines.push(`Still open in the changed packages: ${report.stillOpen}.`, "");
  return lines;
}
function vulnerabilityTextRows(facts) {
  const report = facts.vulnerabilities;
  if (report === void 0) return [];
  if (report.status === "unavailable") return [["vulns", vulnerabilityDataUnavailable]];
  const items = (label, entries) => listLines(entries, "text").map((line) => [label, line.slice(2)]);
  const rows = [...items("fixed", report.fixed), ...items("introduced", report.introduced)];
  if (!rows.length) rows.push(["vulns", "none fixed or introduced"]);
  if (report.stillOpen > 0) rows.push(["vulns", `still open in the changed packages: ${report.stillOpen}`]);
  return rows;
}
function vulnerabilityNote(facts) {
  return unavailableNote(facts.map((fact) => fact.vulnerabilities));
}

// src/changelog/facts/headline.ts
var dayMs = 864e5;
function dateWithAge(iso, now) {
  if (now === void 0) return iso.slice(0, 10);
  const days = Math.floor((now.getTime() - Date.parse(iso)) / dayMs);
  const age = days < 0 ? "in the future" : days === 0 ? "today" : days === 1 ? "1 day old" : `${days} days old`;
  return `${iso.slice(0, 10)} (${age})`;
}
function newestCreated(facts) {
  const dates = (facts.details ?? []).map((d) => d.created?.to).filter((d) => d !== void 0);
  return dates.sort().at(-1);
}
function ageInDays(facts, now) {
  const created = newestCreated(facts);
  return created === void 0 ? void 0 : (now.getTime() - Date.parse(created)) / dayMs;
}
function baseMoved(detail) {
  const base = detail.base;
  if (!base || base.name.from === void 0 && base.digest.from === void 0) return false;
  return base.name.from !== base.name.to || base.digest.from !== base.digest.to;
}
function leadPackages(facts) {
  return facts.details?.find((d) => d.packages !== void 0)?.packages;
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function renderHeadline(facts, now, format = "markdown") {
  const code = format === "markdown" ? (text) => codeSpan(text) : (text) => untrustedText(text, 200);
  const digest = format === "markdown" ? (d) => `\`${shortDigest(d)}\`` : shortDigest;
  const parts = [];
  const version = facts.version?.to ?? facts.tags?.[0];
  const from = facts.version?.from;
  parts.push(
    version === void 0 ? code(facts.image) : from !== void 0 && from !== version ? `${code(facts.image)} ${code(from)} \u2192 ${code(version)}` : `${code(facts.image)} \u2192 ${code(version)}`
  );
  if (facts.from === void 0) parts.push(`pinned to ${digest(facts.to)}`);
  else if (facts.from === facts.to) parts.push("digest unchanged");
  else parts.push(`${digest(facts.from)} \u2192 ${digest(facts.to)}`);
  const created = newestCreated(facts);
  const rebuilt = facts.from !== void 0 && (facts.details ?? []).some((d) => d.created?.from !== d.created?.to);
  if (created !== void 0) parts.push(`${rebuilt ? "rebuilt" : "built"} ${dateWithAge(created, now)}`);
  if (facts.source?.sameSource) parts.push("same source");
  const moved = facts.details?.find(baseMoved);
  if (moved?.base) {
    const name = moved.base.name.to ?? moved.base.name.from;
    parts.push(name === void 0 ? "base image moved" : `base ${code(name)} moved`);
  }
  const platforms = facts.platforms;
  if (platforms?.usedChanged === false) parts.push("only platforms this repository does not use changed");
  else if (platforms && platforms.changed.length + platforms.added.length + platforms.removed.length > 0) {
    const total = platforms.changed.length + platforms.unchanged.length + platforms.added.length;
    parts.push(
      `${platforms.changed.length + platforms.added.length} of ${plural(total, "platform")} changed`
    );
  }
  const packages = leadPackages(facts);
  if (packages) {
    const counts = [
      packages.upgraded.length ? `${plural(packages.upgraded.length, "package")} upgraded` : "",
      packages.added.length ? `${packages.added.length} added` : "",
      packages.removed.length ? `${packages.removed.length} removed` : ""
    ].filter(Boolean);
    parts.push(counts.length ? counts.join(", ") : "no package changes");
  }
  const vulnerabilities = vulnerabilityHeadlinePart(facts);
  if (vulnerabilities !== void 0) parts.push(vulnerabilities);
  return parts.join(" \xB7 ");
}

// src/changelog/facts/signature-lines.ts
function signatureFactLines(facts, style) {
  const lines = [];
  if (facts.signature) lines.push({ label: "Signature", text: describeVerdict(facts.signature, style) });
  const built = /* @__PURE__ */ new Map();
  for (const entry of facts.provenance ?? []) {
    const text = describeProvenance(entry.provenance, entry.match, style);
    if (text === void 0) continue;
    built.set(text, [...built.get(text) ?? [], entry.platform]);
  }
  for (const [text, platforms] of built) {
    const where = built.size > 1 ? ` (${platforms.join(", ")})` : "";
    lines.push({ label: "Provenance", text: `${text}${where}` });
  }
  return lines;
}
function signatureFactsJson(facts) {
  return {
    ...facts.signature && { signature: signatureJson(facts.signature) },
    ...facts.provenance && {
      provenance: facts.provenance.map((entry) => ({
        platform: entry.platform,
        ...provenanceJson(entry.provenance, entry.match)
      }))
    }
  };
}

// src/changelog/facts/text.ts
var jsonValueChars = 500;
var maxValueChars = 200;
function changelogJson(facts) {
  const clean = (value2) => {
    if (typeof value2 === "string") return untrustedText(value2, jsonValueChars);
    if (Array.isArray(value2)) return value2.map(clean);
    if (value2 !== null && typeof value2 === "object") {
      return Object.fromEntries(Object.entries(value2).map(([key, inner]) => [key, clean(inner)]));
    }
    return value2;
  };
  const { signature: _signature, provenance: _provenance, ...rest } = facts;
  return { ...clean(rest), ...signatureFactsJson(facts) };
}
var shown = (value2) => untrustedText(value2, maxValueChars);
var show = (value2) => value2 === void 0 ? "\u2013" : shown(String(value2));
function renderChangelogText(facts, now) {
  const lines = [renderHeadline(facts, now, "text")];
  const row = (label, text) => lines.push(`  ${label.padEnd(10)} ${text}`);
  row("digest", `${facts.from ?? "unpinned"} \u2192 ${facts.to}`);
  if (facts.version) row("version", `${show(facts.version.from)} \u2192 ${show(facts.version.to)}`);
  if (facts.tags?.length) row("tags", facts.tags.map((t) => shown(t)).join(", "));
  for (const detail of facts.details ?? []) {
    const platform = shown(detail.platform);
    if (detail.created) {
      const when = (iso) => iso === void 0 ? "\u2013" : dateWithAge(iso, now);
      row("built", `${platform}  ${when(detail.created.from)} \u2192 ${when(detail.created.to)}`);
    }
    if (detail.base) {
      const base = (name, digest) => [name, digest].filter(Boolean).map((v) => shown(v)).join(" ") || "\u2013";
      row(
        "base",
        `${platform}  ${base(detail.base.name.from, detail.base.digest.from)} \u2192 ${base(detail.base.name.to, detail.base.digest.to)}`
      );
    }
    if (detail.size) row("size", `${platform}  ${show(detail.size.from)} \u2192 ${show(detail.size.to)} bytes`);
    if (detail.packages) {
      const { upgraded, added, removed } = detail.packages;
      if (upgraded.length + added.length + removed.length === 0) row("packages", `${platform}  no changes`);
      for (const p of upgraded)
        row("packages", `${platform}  ${shown(p.name)} ${show(p.from)} \u2192 ${show(p.to)}`);
      for (const p of added) row("packages", `${platform}  + ${shown(p.name)} ${show(p.version)}`);
      for (const p of removed) row("packages", `${platform}  - ${shown(p.name)} ${show(p.version)}`);
    }
  }
  const source = facts.source;
  if (source) {
    const where = source.directory ? `${source.repository} (${shown(source.directory)})` : source.repository;
    const commits = source.sameSource ? `same commit ${source.to}, rebuilt` : source.compareUrl ?? (source.to === void 0 ? "" : `commit ${source.to}`);
    row("source", [where, commits].filter(Boolean).join("  "));
  }
  const platforms = facts.platforms;
  if (platforms) {
    const list = (label, items) => items.length ? `${label}: ${items.map((p) => shown(p)).join(", ")}` : "";
    const parts = [
      list("rebuilt", platforms.changed),
      list("added", platforms.added),
      list("removed", platforms.removed),
      platforms.unchanged.length ? `identical: ${platforms.unchanged.length}` : "",
      platforms.usedChanged === false ? "none of the platforms used here changed" : ""
    ];
    row("platforms", parts.filter(Boolean).join("; "));
  }
  for (const { label, text } of signatureFactLines(facts, "plain")) row(label.toLowerCase(), text);
  for (const [label, text] of vulnerabilityTextRows(facts)) row(label, text);
  for (const note of facts.skipped ?? []) row("note", note);
  return lines.join("\n");
}

// src/changelog/facts/sbom.ts
var spdxPredicateType = "https://spdx.dev/Document";
var SpdxPackageSchema = external_exports.object({
  SPDXID: external_exports.string().optional(),
  name: external_exports.string(),
  versionInfo: external_exports.string().optional(),
  externalRefs: external_exports.array(external_exports.object({ referenceType: external_exports.string(), referenceLocator: external_exports.string() }).loose()).optional()
});
var SpdxDocumentSchema = external_exports.object({
  spdxVersion: external_exports.string(),
  packages: external_exports.array(external_exports.unknown()).default([]),
  relationships: external_exports.array(external_exports.unknown()).max(2e5).default([])
});
var SpdxRelationshipSchema = external_exports.object({
  spdxElementId: external_exports.string(),
  relationshipType: external_exports.string(),
  relatedSpdxElement: external_exports.string()
});
var InTotoStatementSchema = external_exports.object({
  _type: external_exports.string(),
  predicateType: external_exports.string(),
  predicate: external_exports.unknown()
});
var DsseEnvelopeSchema = external_exports.object({ payloadType: external_exports.string(), payload: external_exports.string() });
var SbomError = class extends Error {
  name = "SbomError";
};
var maxPackages = 2e4;
function sbomPackages(bytes) {
  const read = parseJson(bytes);
  if (!read.ok) throw new SbomError("the SBOM is not JSON");
  return packagesOf(read.value, 0);
}
function packagesOf(json, depth) {
  if (depth > 2) throw new SbomError("the SBOM is wrapped too deeply");
  const envelope = DsseEnvelopeSchema.safeParse(json);
  if (envelope.success) {
    const inner = parseJson(Buffer.from(envelope.data.payload, "base64").toString("utf8"));
    if (!inner.ok) throw new SbomError("the DSSE payload is not base64 JSON");
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
  if (!document.success) throw new SbomError("the SBOM is not an SPDX JSON document");
  if (document.data.packages.length > maxPackages) {
    throw new SbomError(`the SBOM lists ${document.data.packages.length} packages, more than basepin reads`);
  }
  const parsedPackages = document.data.packages.map((raw) => SpdxPackageSchema.safeParse(raw)).flatMap((parsed) => parsed.success ? [parsed.data] : []);
  const sources = sourcePackages(parsedPackages, document.data.relationships);
  const packages = [];
  for (const pkg of parsedPackages) {
    if (pkg.name === "sbom" || pkg.SPDXID?.startsWith("SPDXRef-DocumentRoot")) continue;
    const purl = pkg.externalRefs?.find((ref) => ref.referenceType === "purl")?.referenceLocator;
    const source = pkg.SPDXID === void 0 ? void 0 : sources.get(pkg.SPDXID);
    packages.push({
      key: purlKey(purl) ?? `name:${pkg.name}`,
      name: pkg.name,
      version: pkg.versionInfo ?? "",
      ...purl === void 0 ? {} : { purl },
      ...source === void 0 ? {} : { source }
    });
  }
  return packages;
}
function sourcePackages(packages, relationships) {
  const byId = new Map(
    packages.flatMap((pkg) => pkg.SPDXID === void 0 ? [] : [[pkg.SPDXID, pkg]])
  );
  const sources = /* @__PURE__ */ new Map();
  for (const raw of relationships) {
    const relationship = SpdxRelationshipSchema.safeParse(raw);
    if (!relationship.success || relationship.data.relationshipType !== "GENERATED_FROM") continue;
    const source = byId.get(relationship.data.relatedSpdxElement);
    if (source === void 0 || !byId.has(relationship.data.spdxElementId)) continue;
    sources.set(relationship.data.spdxElementId, {
      name: source.name,
      ...source.versionInfo === void 0 ? {} : { version: source.versionInfo }
    });
  }
  return sources;
}
function purlKey(purl) {
  if (purl === void 0 || !purl.startsWith("pkg:")) return void 0;
  const end = [purl.indexOf("?"), purl.indexOf("#")].filter((at2) => at2 >= 0);
  const withoutQualifiers = end.length ? purl.slice(0, Math.min(...end)) : purl;
  const at = withoutQualifiers.lastIndexOf("@");
  const key = at > "pkg:".length ? withoutQualifiers.slice(0, at) : withoutQualifiers;
  return key.toLowerCase();
}
function diffPackages(before, after) {
  const old = byKey(before);
  const now = byKey(after);
  const upgraded = [];
  const added = [];
  const removed = [];
  for (const [key, entry] of now) {
    const previous = old.get(key);
    if (!previous) added.push({ name: entry.name, version: entry.version });
    else if (previous.version !== entry.version)
      upgraded.push({ name: entry.name, from: previous.version, to: entry.version });
  }
  for (const [key, entry] of old)
    if (!now.has(key)) removed.push({ name: entry.name, version: entry.version });
  const byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return { upgraded: upgraded.sort(byName), added: added.sort(byName), removed: removed.sort(byName) };
}
function byKey(packages) {
  const versions = /* @__PURE__ */ new Map();
  for (const pkg of packages) {
    const entry = versions.get(pkg.key) ?? { name: pkg.name, versions: /* @__PURE__ */ new Set() };
    entry.versions.add(pkg.version);
    versions.set(pkg.key, entry);
  }
  return new Map(
    [...versions].map(([key, entry]) => [
      key,
      { name: entry.name, version: [...entry.versions].sort().join(", ") }
    ])
  );
}

// src/changelog/facts/source.ts
var commitPattern = /^[0-9a-f]{7,64}$/;
var pathSegment = /^[A-Za-z0-9_.-]+$/;
var hostPattern = /^[a-z0-9.-]+(:\d{1,5})?$/;
function parseSource(url, revision) {
  if (url === void 0) return void 0;
  const [address = "", fragment] = splitOnce(url.trim(), "#");
  let parsed;
  try {
    parsed = new URL(address);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  if (parsed.username !== "" || parsed.password !== "") return void 0;
  const segments = parsed.pathname.replace(/\.git\/?$/, "").split("/").filter((segment) => segment !== "");
  if (segments.length === 0 || !segments.every((segment) => pathSegment.test(segment))) return void 0;
  const host = parsed.host.toLowerCase();
  if (!hostPattern.test(host)) return void 0;
  const forge = host === "github.com" ? "github" : host === "gitlab.com" ? "gitlab" : void 0;
  const kept = forge === "github" ? segments.slice(0, 2) : segments;
  if (forge === "github" && kept.length < 2) return void 0;
  const [fragmentCommit, directory] = fragment === void 0 ? [] : splitOnce(fragment, ":");
  const commit = [fragmentCommit, revision].map((value2) => value2?.trim().toLowerCase()).find((value2) => value2 !== void 0 && commitPattern.test(value2));
  return {
    repository: `https://${host}/${kept.join("/")}`,
    commit,
    directory: directory === void 0 || directory === "" ? void 0 : directory,
    forge
  };
}
function compareUrl(from, to) {
  if (!from?.commit || !to?.commit || from.commit === to.commit) return void 0;
  if (to.forge === void 0 || from.repository !== to.repository) return void 0;
  return to.forge === "github" ? `${to.repository}/compare/${from.commit}...${to.commit}` : `${to.repository}/-/compare/${from.commit}...${to.commit}`;
}
function commitUrl(source) {
  if (!source?.commit || source.forge === void 0) return void 0;
  return source.forge === "github" ? `${source.repository}/commit/${source.commit}` : `${source.repository}/-/commit/${source.commit}`;
}
function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, void 0] : [text.slice(0, at), text.slice(at + 1)];
}

// src/changelog/facts/compare.ts
function compareSnapshots(input) {
  const { from, to } = input;
  const fromMeta = from ? leadMetadata(from) : void 0;
  const toMeta = leadMetadata(to);
  const details = to.details.map(
    (detail) => platformFacts(
      detail,
      from?.details.find((d) => d.platform === detail.platform)
    )
  );
  return prune({
    image: input.image,
    from: from?.digest,
    to: to.digest,
    fromMediaType: from?.mediaType || void 0,
    toMediaType: to.mediaType,
    version: change(fromMeta?.version, toMeta.version),
    tags: input.tags?.length ? input.tags : void 0,
    source: sourceFacts(fromMeta, toMeta),
    platforms: from ? platformChanges(from, to, input.used) : void 0,
    details: details.some((d) => Object.keys(d).length > 1) ? details : void 0,
    skipped: input.skipped?.length ? input.skipped : void 0
  });
}
function leadMetadata(snapshot) {
  return { ...snapshot.details[0]?.metadata, ...definedOnly(snapshot.metadata) };
}
function platformFacts(to, from) {
  const base = to.metadata.baseName !== void 0 || to.metadata.baseDigest !== void 0 ? {
    name: { from: from?.metadata.baseName, to: to.metadata.baseName },
    digest: { from: from?.metadata.baseDigest, to: to.metadata.baseDigest }
  } : void 0;
  return prune({
    platform: to.platform,
    created: change(from?.metadata.created, to.metadata.created),
    size: to.size === void 0 ? void 0 : { from: from?.size, to: to.size },
    base,
    packages: from?.packages && to.packages ? diffPackages(from.packages, to.packages) : void 0
  });
}
function sourceFacts(from, to) {
  const source = to.source;
  if (!source) return void 0;
  const before = from?.source?.repository === source.repository ? from.source : void 0;
  return prune({
    repository: source.repository,
    from: before?.commit,
    to: source.commit,
    directory: source.directory,
    compareUrl: compareUrl(before, source),
    commitUrl: commitUrl(source),
    sameSource: before?.commit !== void 0 && before.commit === source.commit
  });
}
function platformChanges(from, to, used) {
  if (!from.platforms || !to.platforms) return void 0;
  const before = from.platforms;
  const after = to.platforms;
  const names = (record) => Object.keys(record).sort();
  const changed = names(after).filter((p) => before[p] !== void 0 && before[p] !== after[p]);
  const unchanged = names(after).filter((p) => before[p] === after[p]);
  const added = names(after).filter((p) => before[p] === void 0);
  const removed = names(before).filter((p) => after[p] === void 0);
  const known = [.../* @__PURE__ */ new Set([...names(after), ...names(before)])];
  const usedKeys = used?.flatMap((wanted) => {
    const matches = known.filter((key) => samePlatformKey(key, wanted));
    return matches.length ? matches : [wanted];
  });
  const usedChanged = usedKeys === void 0 || usedKeys.length === 0 ? void 0 : usedKeys.some((p) => changed.includes(p) || added.includes(p) || removed.includes(p));
  return prune({
    changed,
    added,
    removed,
    unchanged,
    used: usedKeys?.length ? usedKeys : void 0,
    usedChanged
  });
}
function change(from, to) {
  return from === void 0 && to === void 0 ? void 0 : prune({ from, to });
}
function definedOnly(value2) {
  return Object.fromEntries(Object.entries(value2).filter(([, v]) => v !== void 0));
}
function prune(value2) {
  return definedOnly(value2);
}

// src/changelog/facts/metadata.ts
var Annotation = {
  created: "org.opencontainers.image.created",
  version: "org.opencontainers.image.version",
  revision: "org.opencontainers.image.revision",
  source: "org.opencontainers.image.source",
  url: "org.opencontainers.image.url",
  baseName: "org.opencontainers.image.base.name",
  baseDigest: "org.opencontainers.image.base.digest",
  vcsUrl: "org.label-schema.vcs-url",
  vcsRef: "org.label-schema.vcs-ref",
  labelSchemaVersion: "org.label-schema.version",
  labelSchemaDate: "org.label-schema.build-date"
};
var earliestPlausible = Date.UTC(1990, 0, 1);
function plausibleDate(value2) {
  if (value2 === void 0) return void 0;
  const time = Date.parse(value2);
  if (Number.isNaN(time) || time < earliestPlausible) return void 0;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function readMetadata(sources, configCreated) {
  const first = (...keys) => {
    for (const map of sources) {
      if (!map) continue;
      for (const key of keys) {
        const value2 = map[key];
        if (typeof value2 === "string" && value2.trim() !== "") return value2.trim();
      }
    }
    return void 0;
  };
  const revision = first(Annotation.revision, Annotation.vcsRef);
  const created = plausibleDate(first(Annotation.created)) ?? plausibleDate(configCreated) ?? plausibleDate(first(Annotation.labelSchemaDate));
  return dropUndefined({
    created,
    version: first(Annotation.version, Annotation.labelSchemaVersion),
    revision,
    source: parseSource(first(Annotation.source, Annotation.vcsUrl), revision),
    url: first(Annotation.url),
    baseName: first(Annotation.baseName),
    baseDigest: first(Annotation.baseDigest)
  });
}
function dropUndefined(value2) {
  return Object.fromEntries(Object.entries(value2).filter(([, v]) => v !== void 0));
}

// src/changelog/facts/platforms.ts
var defaultPlatform = "linux/amd64";
function imagePlatforms(index) {
  const platforms = {};
  for (const entry of index.manifests.filter(isImageEntry)) {
    platforms[platformKey(entry.platform)] ??= entry.digest;
  }
  return platforms;
}
function relevantEntries(index, used) {
  const images = index.manifests.filter(isImageEntry);
  const wanted = used?.length ? used : [defaultPlatform];
  const picked = wanted.map((platform) => images.find((entry) => samePlatformKey(platformKey(entry.platform), platform))).filter((entry) => entry !== void 0);
  if (picked.length === 0 && !used?.length && images[0]) return [images[0]];
  return [...new Set(picked)];
}

// src/changelog/facts/details.ts
var dash = "\u2013";
function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`)
  ];
}
function capped(items, row, width, limit) {
  const shown2 = items.slice(0, limit.maxItems).map(row);
  if (items.length <= limit.maxItems) return shown2;
  const left = items.length - limit.maxItems;
  return [...shown2, [`\u2026and ${left} more, left out to fit`, ...Array(width - 1).fill("")]];
}
function cell(text) {
  return codeSpan(text, { inTable: true });
}
function value(text, inTable = true) {
  return text === void 0 ? dash : codeSpan(text, { inTable });
}
function megabytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
function sizeChange(from, to) {
  if (from === void 0 || from === 0) return dash;
  const delta = to - from;
  const sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "\xB1";
  return `${sign}${megabytes(Math.abs(delta))} (${sign}${(Math.abs(delta) / from * 100).toFixed(1)}%)`;
}
function whenSection(details, now) {
  const rows = details.filter((d) => d.created).map((d) => [
    cell(d.platform),
    d.created?.from ? dateWithAge(d.created.from, now) : dash,
    d.created?.to ? dateWithAge(d.created.to, now) : dash
  ]);
  return rows.length ? ["**Built**", "", ...table(["Platform", "Before", "After"], rows), ""] : [];
}
function sourceSection(facts) {
  const source = facts.source;
  if (!source) return [];
  const lines = [
    `**Source**: ${markdownLink(source.repository.replace(/^https:\/\//, ""), source.repository)}`
  ];
  if (source.directory) lines[0] += ` (directory ${codeSpan(source.directory)})`;
  const commit = (hash) => source.commitUrl ? markdownLink(hash.slice(0, 12), source.commitUrl) : codeSpan(hash.slice(0, 12));
  if (source.sameSource && source.to) lines.push(`same source commit ${commit(source.to)}, rebuilt`);
  else if (source.compareUrl && source.from && source.to) {
    const range = `${source.from.slice(0, 12)}...${source.to.slice(0, 12)}`;
    lines.push(`commits ${markdownLink(range, source.compareUrl)}`);
  } else if (source.to) lines.push(`commit ${commit(source.to)}`);
  return [lines.join(" \xB7 "), ""];
}
function versionSection(facts) {
  const lines = [];
  const version = facts.version;
  if (version?.from !== void 0 && version.to !== void 0 && version.from === version.to) {
    lines.push(`**Version**: ${value(version.to, false)} (unchanged)`);
  } else if (version) lines.push(`**Version**: ${value(version.from, false)} \u2192 ${value(version.to, false)}`);
  if (facts.tags?.length) lines.push(`**Also tagged**: ${facts.tags.map((t) => codeSpan(t)).join(", ")}`);
  return lines.length ? [lines.join(" \xB7 "), ""] : [];
}
function baseSection(details) {
  const withBase = details.filter((d) => d.base);
  if (withBase.length > 0 && !withBase.some(baseMoved)) {
    const names = [...new Set(withBase.map((d) => d.base.name.to).filter((n) => n !== void 0))];
    return names.length ? [`**Base image**: ${names.map((n) => codeSpan(n)).join(", ")}, unchanged`, ""] : [];
  }
  const rows = withBase.map((d) => {
    const base = d.base;
    const show2 = (name, digest) => name === void 0 && digest === void 0 ? dash : [name, digest?.slice(0, 19)].filter(Boolean).map((p) => cell(p)).join(" ");
    return [cell(d.platform), show2(base.name.from, base.digest.from), show2(base.name.to, base.digest.to)];
  });
  return rows.length ? ["**Base image**", "", ...table(["Platform", "Before", "After"], rows), ""] : [];
}
function platformSection(facts, limit) {
  const p = facts.platforms;
  if (!p) return [];
  const mark = (platform) => p.used?.includes(platform) ? `${cell(platform)} (used here)` : cell(platform);
  const items = [
    ...p.changed.map((x) => [x, "rebuilt"]),
    ...p.added.map((x) => [x, "added"]),
    ...p.removed.map((x) => [x, "removed"])
  ];
  if (items.length === 0) return [];
  const rows = capped(items, ([platform, change2]) => [mark(platform), change2], 2, limit);
  const lines = ["**Platforms**", "", ...table(["Platform", "Change"], rows)];
  if (p.unchanged.length)
    lines.push(
      "",
      `${p.unchanged.length} other platform${p.unchanged.length === 1 ? "" : "s"} byte-identical.`
    );
  if (p.usedChanged === false) lines.push("", "None of the platforms this repository uses changed.");
  return [...lines, ""];
}
function sizeSection(details) {
  const rows = details.filter((d) => d.size?.to !== void 0).map((d) => [
    cell(d.platform),
    d.size?.from === void 0 ? dash : megabytes(d.size.from),
    megabytes(d.size.to),
    sizeChange(d.size?.from, d.size.to)
  ]);
  return rows.length ? ["**Compressed size**", "", ...table(["Platform", "Before", "After", "Change"], rows), ""] : [];
}
var itemsCache = /* @__PURE__ */ new WeakMap();
function packageItems(diff) {
  const cached = itemsCache.get(diff);
  if (cached) return cached;
  const items = listPackages(diff);
  const entry = { items, signature: JSON.stringify(items) };
  itemsCache.set(diff, entry);
  return entry;
}
function listPackages(diff) {
  return [
    ...diff.upgraded.map((p) => [p.name, p.from, p.to]),
    ...diff.added.map((p) => [p.name, void 0, p.version]),
    ...diff.removed.map((p) => [p.name, p.version, void 0])
  ];
}
function packageSection(details, limit) {
  const lines = [];
  let previous;
  for (const detail of details) {
    if (!detail.packages) continue;
    const { items, signature } = packageItems(detail.packages);
    if (signature === previous) continue;
    previous = signature;
    const rows = capped(
      items,
      ([name, before, after]) => [cell(name), value(before), value(after)],
      3,
      limit
    );
    lines.push(`**Packages** (${codeSpan(detail.platform)})`, "");
    lines.push(...items.length ? table(["Package", "Before", "After"], rows) : ["No package changes."], "");
  }
  return lines;
}
function renderDetails(facts, now, limit) {
  const details = facts.details ?? [];
  return [
    ...versionSection(facts),
    ...whenSection(details, now),
    ...sourceSection(facts),
    ...baseSection(details),
    ...platformSection(facts, limit),
    ...sizeSection(details),
    ...packageSection(details, limit),
    ...vulnerabilitySection(facts, limit.maxItems),
    ...(facts.skipped ?? []).map((note) => `_${note}._
`)
  ];
}

// src/changelog/facts/render.ts
var manifestKinds = {
  "application/vnd.oci.image.index.v1+json": "multi-platform OCI image index",
  "application/vnd.docker.distribution.manifest.list.v2+json": "multi-platform Docker manifest list",
  "application/vnd.oci.image.manifest.v1+json": "single-platform OCI image manifest",
  "application/vnd.docker.distribution.manifest.v2+json": "single-platform Docker image manifest"
};
function manifestKind(mediaType) {
  return manifestKinds[mediaType] ?? codeSpan(mediaType);
}
function hasDetails(facts) {
  return facts.version !== void 0 || facts.tags !== void 0 || facts.source !== void 0 || facts.platforms !== void 0 || facts.details !== void 0 || facts.skipped !== void 0 || facts.vulnerabilities !== void 0;
}
function digestLine(facts) {
  const to = `\`${shortDigest(facts.to)}\``;
  const lines = [
    facts.from === void 0 ? `- ${codeSpan(facts.image)}: now pinned to ${to} (${manifestKind(facts.toMediaType)}).` : facts.from === facts.to ? `- ${codeSpan(facts.image)}: pinned to ${to} (unchanged digest).` : `- ${codeSpan(facts.image)}: the tag moved from \`${shortDigest(facts.from)}\` to ${to} (${manifestKind(facts.toMediaType)}).`
  ];
  if (facts.fromMediaType !== void 0 && facts.fromMediaType !== facts.toMediaType) {
    lines.push(
      `  - The manifest kind changed: ${manifestKind(facts.fromMediaType)} \u2192 ${manifestKind(facts.toMediaType)}.`
    );
  }
  return lines;
}
function renderImageSection(facts, now, maxItems) {
  const signed = signatureFactLines(facts, "markdown").map(({ label, text }) => `
  - ${label}: ${text}`).join("");
  if (!hasDetails(facts)) return `${digestLine(facts).join("\n")}${signed}`;
  const headline = `- ${renderHeadline(facts, now)}${signed}`;
  if (maxItems < 0) return headline;
  const body = renderDetails(facts, now, { maxItems });
  if (body.length === 0) return headline;
  return [
    headline,
    "",
    "<details>",
    "<summary>What changed inside</summary>",
    "",
    ...body,
    "</details>",
    ""
  ].join("\n");
}
var listLimits = [Infinity, 200, 100, 50, 20, 10, 5, 0, -1];
function dedupe(facts) {
  const seen = /* @__PURE__ */ new Set();
  return facts.filter((fact) => {
    const key = `${fact.image}
${fact.from ?? ""}
${fact.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
var minRowChars = 16;
function lowerBound(facts, limit) {
  const headlines = facts.reduce((sum, fact) => sum + fact.image.length + 40, 0);
  if (limit < 0) return headlines;
  let rows = 0;
  for (const fact of facts) {
    const platforms = fact.platforms;
    if (platforms)
      rows += Math.min(limit, platforms.changed.length + platforms.added.length + platforms.removed.length);
    const packages = (fact.details ?? []).map(
      (d) => d.packages ? d.packages.upgraded.length + d.packages.added.length + d.packages.removed.length : 0
    );
    rows += Math.min(limit, Math.max(0, ...packages));
  }
  return headlines + rows * minRowChars;
}
function renderChangelog(facts, options = {}) {
  const note = vulnerabilityNote(facts);
  if (note === void 0) return renderImages(facts, options);
  const suffix = `

_${note}._`;
  return `${renderImages(facts, { ...options, maxChars: (options.maxChars ?? Infinity) - suffix.length })}${suffix}`;
}
function renderImages(facts, options) {
  const unique = dedupe(facts);
  const max = options.maxChars ?? Infinity;
  let text = "";
  for (const limit of listLimits) {
    if (lowerBound(unique, limit) > max) continue;
    text = unique.map((fact) => renderImageSection(fact, options.now, limit)).join("\n");
    if (text.length <= max) return text;
  }
  const lines = text.split("\n");
  const kept = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 200 > max) break;
    kept.push(line);
    used += line.length + 1;
  }
  kept.push(`- \u2026and ${lines.length - kept.length} more images, left out to fit GitHub's size limit.`);
  return kept.join("\n");
}

// src/pin/write-changes.ts
var filesPerWrite = 16;
async function writeChanges(workspace, plan) {
  const failures = /* @__PURE__ */ new Map();
  const wroteFor = /* @__PURE__ */ new Map();
  const { changes } = plan;
  for (let start = 0; start < changes.length; start += filesPerWrite) {
    const encoded = [];
    for (const change2 of changes.slice(start, start + filesPerWrite)) {
      try {
        const bytes = encodeDockerfile(change2.after, change2.encoding);
        if (change2.sourceHash !== void 0) wroteFor.set(change2.sourceHash, contentHash(bytes));
        encoded.push({ file: change2.file, bytes });
      } catch (error) {
        const pinnedByThisRun = error instanceof FileChangedError && change2.sourceHash !== void 0 && wroteFor.get(change2.sourceHash) === error.found;
        if (!pinnedByThisRun) failures.set(change2.file, { file: change2.file, error: asFailure(error) });
      }
    }
    for (const { file, error } of await workspace.write(encoded)) {
      failures.set(file, { file, error: new WriteError(error.message, { cause: error.cause ?? error }) });
    }
  }
  if (failures.size === 0) return [];
  return changes.flatMap((change2) => failures.get(change2.file) ?? []);
}

// src/pin/policy.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function createSitePolicy(options) {
  const isExcluded = options.excludeImages.length ? (0, import_picomatch.default)([...options.excludeImages], { dot: true }) : () => false;
  return (site) => {
    if (site.status === "invalid") return { action: "invalid", reason: site.reason ?? "invalid reference" };
    if (site.status === "skipped" || !isPinnableSite(site)) {
      return { action: "skip", reason: site.reason ?? "nothing to follow" };
    }
    const ref = site.reference;
    const names = [
      ref.familiarName,
      ref.name,
      `${ref.familiarName}:${ref.trackedTag}`,
      `${ref.name}:${ref.trackedTag}`
    ];
    const pattern = names.find((name) => isExcluded(name));
    if (pattern !== void 0) return { action: "skip", reason: excludedImage(pattern).message };
    return { action: "resolve", site };
  };
}

// src/pin/plan-pins.ts
async function planPins(settings, deps) {
  const scan = await scanDockerfiles(settings, deps.workspace, { keepTexts: deps.keepTexts });
  const policy = createSitePolicy({ excludeImages: settings.excludeImages });
  const registry = memoizeRegistryClient(deps.registry);
  const { platform } = settings;
  const skipped = [];
  const errors = [];
  const toResolve = [];
  for (const site of scan.sites) {
    const decision = policy(site);
    if (decision.action === "resolve") toResolve.push(decision.site);
    else if (decision.action === "skip") skipped.push(siteNote(site, decision.reason));
    else errors.push(failure(site, new InvalidSiteError(decision.reason)));
  }
  const unique = uniqueReferences(toResolve);
  if (registry.prepare) await registry.prepare([...unique.values()].map((entry) => entry.ref));
  const outcomes = await resolveOnce(
    unique,
    (ref) => resolveTargetDigest(registry, ref, { platform, fetchesDigests: deps.fetchesDigests }),
    2 * settings.concurrency,
    (done) => deps.onProgress?.(done, toResolve.length)
  );
  const updates = [];
  const unchanged = [];
  for (const site of toResolve) {
    const outcome = outcomes.get(targetKey(site.reference));
    if ("error" in outcome) {
      errors.push(failure(site, outcome.error));
    } else if (outcome.target.digest === site.reference.digest) {
      unchanged.push(siteNote(site));
    } else {
      updates.push({ site, target: outcome.target });
    }
  }
  const written = fileChanges(scan.files, updates);
  return {
    files: scan.files,
    problems: scan.problems,
    sites: scan.sites,
    updates: written.updates,
    unchanged,
    skipped,
    errors: [...errors, ...written.errors],
    changes: written.changes,
    dockerHubPulls: registry.stats().dockerHubPulls
  };
}
function fileChanges(files, updates) {
  const byFile = Map.groupBy(updates, (update) => update.site.file);
  const result = { changes: [], updates: [], errors: [] };
  for (const scanned of files) {
    const mine = byFile.get(scanned.file);
    if (!mine) continue;
    try {
      if (changesText(scanned, mine)) result.changes.push(new LazyChange(scanned, mine));
      for (const update of mine) result.updates.push(update);
    } catch (error) {
      for (const update of mine) {
        result.errors.push(failure(update.site, asFailure(error)));
      }
    }
  }
  return result;
}
function changesText(scanned, updates) {
  if (!scanned.kept) {
    checkUpdates(scanned.length, updates);
    return updates.length > 0;
  }
  const text = scanned.text();
  return applyUpdates(text, updates) !== text;
}
function targetKey(ref) {
  return `${ref.name}:${ref.trackedTag}@${ref.digest ?? ""}`;
}
function uniqueReferences(sites) {
  const unique = /* @__PURE__ */ new Map();
  for (const site of sites) {
    const ref = site.reference;
    const key = targetKey(ref);
    const entry = unique.get(key);
    if (entry) entry.sites += 1;
    else unique.set(key, { ref, sites: 1 });
  }
  return unique;
}
async function resolveOnce(unique, resolve, perRegistry, onProgress) {
  const outcomes = /* @__PURE__ */ new Map();
  let done = 0;
  const resolveOne = async (key, { ref, sites }) => {
    try {
      outcomes.set(key, { target: await resolve(ref) });
    } catch (error) {
      outcomes.set(key, { error: asFailure(error) });
    } finally {
      done += sites;
      onProgress(done);
    }
  };
  const byRegistry = Map.groupBy(unique, ([, { ref }]) => ref.domain);
  await Promise.all(
    Array.from(byRegistry.values(), async (entries) => {
      let next = 0;
      const worker = async () => {
        while (next < entries.length) {
          const [key, entry] = entries[next++];
          await resolveOne(key, entry);
        }
      };
      await Promise.all(Array.from({ length: Math.min(perRegistry, entries.length) }, worker));
    })
  );
  return outcomes;
}
var LazyChange = class {
  file;
  encoding;
  #scanned;
  #updates;
  constructor(scanned, updates) {
    this.file = scanned.file;
    this.encoding = scanned.encoding;
    this.#scanned = scanned;
    this.#updates = updates;
  }
  get before() {
    return this.#scanned.text();
  }
  get sourceHash() {
    return this.#scanned.sourceHash;
  }
  get after() {
    return applyUpdates(this.#scanned.text(), this.#updates);
  }
};
function failure(site, error) {
  return { file: site.file, line: site.line, reference: site.written, error };
}

// src/pin/plan-files.ts
function safePath(path) {
  return path !== "" && !path.startsWith("/") && !path.includes("\\") && !path.split("/").some((part) => part === ".." || part === "." || part === "");
}
async function planFiles(files, settings, deps) {
  const safe = [...files].filter(([path]) => safePath(path));
  if (safe.length === 0) {
    return {
      files: [],
      problems: [],
      sites: [],
      updates: [],
      unchanged: [],
      skipped: [],
      errors: [],
      changes: []
    };
  }
  const workspace = new MemoryWorkspace(safe);
  return planPins({ ...settings, paths: safe.map(([path]) => path) }, { ...deps, workspace });
}

// src/changelog/attestations.ts
var defaultMaxSbomBytes = 16 * 1024 * 1024;
var predicateAnnotations = ["in-toto.io/predicate-type", "predicateType"];
var spdxMediaTypes = /* @__PURE__ */ new Set(["application/spdx+json", "text/spdx+json"]);
async function findSbom(lookup, digest) {
  const { client, ref, index, debug } = lookup;
  const where = `${ref.familiarName}@${digest}`;
  try {
    const buildkit = index ? attestationFor(index, digest) : void 0;
    if (buildkit) return await fromArtifact(lookup, buildkit.digest);
    const tags = await lookup.tags?.();
    if (client.fetchReferrers) {
      const referrer = (await client.fetchReferrers(ref, digest, { tags })).find(isSbomReferrer);
      if (referrer) return await fromArtifact(lookup, referrer.digest);
    }
    for (const suffix of ["sbom", "att"]) {
      const tag = `${digest.replace(":", "-")}.${suffix}`;
      const listed = tagListed(tags, tag);
      if (listed === false) continue;
      if (listed === void 0 && ref.domain === "docker.io" && !await exists(client, ref, tag)) continue;
      try {
        return await fromArtifact(lookup, tag);
      } catch (error) {
        if (isMissing(error)) continue;
        throw error;
      }
    }
    debug(`changelog: ${where} has no SBOM attestation`);
  } catch (error) {
    debug(`changelog: SBOM of ${where} not read (${error.message})`);
  }
  return void 0;
}
function isSbomReferrer(referrer) {
  const type = referrer.artifactType ?? "";
  if (spdxMediaTypes.has(type)) return true;
  return predicateAnnotations.some((key) => referrer.annotations?.[key] === spdxPredicateType);
}
async function fromArtifact(lookup, tagOrDigest) {
  const { client, ref, maxBytes, debug } = lookup;
  const manifest = readOrUndefined(ImageManifestSchema, (await client.fetchManifest(ref, tagOrDigest)).bytes);
  if (!manifest) throw new Error(`${tagOrDigest} is not an image manifest`);
  const layer = manifest.layers.find(isSpdxLayer);
  if (!layer) {
    debug(`changelog: ${ref.familiarName}@${tagOrDigest} holds no SPDX document (provenance only?)`);
    return void 0;
  }
  if (layer.size !== void 0 && layer.size > maxBytes) {
    throw new Error(`the SBOM is ${layer.size} bytes, over the ${maxBytes}-byte cap`);
  }
  const bytes = await client.fetchBlob(ref, layer.digest);
  if (bytes.length > maxBytes)
    throw new Error(`the SBOM is ${bytes.length} bytes, over the ${maxBytes}-byte cap`);
  return sbomPackages(bytes);
}
function isSpdxLayer(layer) {
  const predicate = predicateAnnotations.map((key) => layer.annotations?.[key]).find((v) => v !== void 0);
  if (predicate !== void 0) return predicate === spdxPredicateType;
  return spdxMediaTypes.has(layer.mediaType) || layer.mediaType.startsWith("application/vnd.in-toto") || layer.mediaType === "application/vnd.dsse.envelope.v1+json";
}
function isMissing(error) {
  return error instanceof RegistryError && error.status === 404;
}
async function exists(client, ref, tag) {
  try {
    await client.describeManifest(ref, tag);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

// src/changelog/package-change.ts
function packageChangeOf(before, after) {
  const old = new Map(before?.details.map((detail) => [detail.platform, detail.packages]));
  const pairs = after.details.flatMap((detail) => {
    const was = old.get(detail.platform);
    return was?.length && detail.packages?.length ? [[was, detail.packages]] : [];
  });
  if (!pairs.length) return void 0;
  return { before: pairs.flatMap(([was]) => was), after: pairs.flatMap(([, now]) => now) };
}

// src/changelog/tags.ts
var maxTagProbes = 8;
async function siblingTags(client, ref, digest, debug) {
  if (!client.listTags) return [];
  const tag = ref.trackedTag;
  try {
    const page = await client.listTags(ref);
    const candidates = refinements(page.tags, tag).slice(0, maxTagProbes);
    const found = [];
    for (const candidate of candidates) {
      const head = await client.describeManifest(ref, candidate).catch(() => void 0);
      if (head?.digest === digest) found.push(candidate);
    }
    if (page.more && found.length === 0)
      debug(`changelog: ${ref.familiarName} has more tags than one page; not read`);
    return found;
  } catch (error) {
    debug(`changelog: tags of ${ref.familiarName} not read (${error.message})`);
    return [];
  }
}
function refinements(tags, tag) {
  const prefix = tag === "latest" ? "" : tag;
  return tags.filter((candidate) => candidate !== tag && candidate.startsWith(prefix)).filter(
    (candidate) => prefix === "" ? /^v?\d/.test(candidate) : /^[.-]\d/.test(candidate.slice(prefix.length))
  ).sort((a, b) => compareVersions(b, a));
}
function compareVersions(a, b) {
  return a.localeCompare(b, "en", { numeric: true });
}

// src/changelog/signatures.ts
function createSignatureReader(collection, client, canSpend, tagPage, debug) {
  const checkers = /* @__PURE__ */ new Map();
  const checkerFor = (ref) => {
    let checker = checkers.get(ref.name);
    if (!checker) {
      checker = createSignatureChecker({
        client,
        trust: collection.trust,
        canSpend,
        tags: tagPage(ref),
        debug
      });
      checkers.set(ref.name, checker);
    }
    return checker;
  };
  return {
    async verdict(ref, from, to) {
      return (await checkerFor(ref).check(ref, from, to)).verdict;
    },
    async provenance(ref, index, details) {
      if (!collection.provenance || index === void 0) return void 0;
      const found = [];
      for (const detail of details) {
        const attestation = attestationFor(index, detail.digest);
        if (!attestation) continue;
        const provenance = await findProvenance({ client, canSpend, debug }, ref, attestation);
        if (!provenance) continue;
        const { source, revision } = detail.metadata;
        const match = compareWithSource(provenance, {
          repository: source?.repository,
          revision: revision ?? source?.commit
        });
        found.push({ platform: detail.platform, provenance, match });
      }
      return found.length ? found : void 0;
    }
  };
}

// src/changelog/collect.ts
var budgetNote = {
  image: "changelog skipped: Docker Hub pull budget",
  platforms: "platform details skipped: Docker Hub pull budget",
  packages: "package diff skipped: Docker Hub pull budget"
};
function createChangelogCollector(options) {
  const client = memoizeRegistryClient(options.client);
  const debug = options.debug ?? (() => void 0);
  const reserve = options.dockerHubReserve ?? defaultDockerHubReserve;
  const maxBytes = options.maxSbomBytes ?? defaultMaxSbomBytes;
  const results = /* @__PURE__ */ new Map();
  const packageChanges = /* @__PURE__ */ new WeakMap();
  const canSpend = (ref, pulls) => factsMaySpend(client, ref, pulls, reserve);
  const tagPage = (ref) => async () => client.listTags ? client.listTags(ref).catch(() => void 0) : void 0;
  const signatures = options.signatures && createSignatureReader(options.signatures, client, canSpend, tagPage, debug);
  const readIndex = async (request, digest, skipped) => {
    const { ref } = request;
    const bare = { snapshot: { digest, mediaType: "", metadata: {}, details: [] }, read: false };
    if (!client.asked(ref, digest) && !canSpend(ref, 1)) {
      skipped.add(budgetNote.image);
      return bare;
    }
    let manifest;
    try {
      manifest = await client.fetchManifest(ref, digest);
    } catch (error) {
      debug(`changelog: ${ref.familiarName}@${digest} not read (${error.message})`);
      return bare;
    }
    const { mediaType } = manifest;
    if (!isIndexMediaType(mediaType)) {
      return { snapshot: { digest, mediaType, metadata: {}, details: [] }, read: true };
    }
    const index = readOrUndefined(ImageIndexSchema, manifest.bytes);
    if (!index) {
      debug(`changelog: ${ref.familiarName}@${digest} is not a valid image index`);
      return { snapshot: { ...bare.snapshot, mediaType }, read: false };
    }
    const metadata = options.platformDetails === false ? {} : readMetadata([index.annotations]);
    return {
      snapshot: { digest, mediaType, metadata, platforms: imagePlatforms(index), details: [] },
      index,
      read: true
    };
  };
  const readDetails = async (request, side, identical, skipped) => {
    const { snapshot, index } = side;
    if (!side.read || options.platformDetails === false) return snapshot;
    const read = (digest, platform, outer = []) => readPlatform(request, { digest, index, platform, outer, packages: !identical.has(digest) }, skipped);
    if (!index) {
      const detail = await read(snapshot.digest);
      return { ...snapshot, details: detail ? [detail] : [] };
    }
    const details = [];
    for (const entry of relevantEntries(index, request.platforms)) {
      const detail = await read(entry.digest, platformKey(entry.platform), [
        entry.annotations,
        index.annotations
      ]);
      if (detail) details.push(detail);
    }
    return { ...snapshot, details };
  };
  const readPlatform = async (request, at, skipped) => {
    const { ref } = request;
    const { digest, index } = at;
    const where = `${ref.familiarName}@${digest}`;
    try {
      if (index && !client.asked(ref, digest) && !canSpend(ref, 1)) {
        skipped.add(budgetNote.platforms);
        return void 0;
      }
      const manifest = readOrUndefined(ImageManifestSchema, (await client.fetchManifest(ref, digest)).bytes);
      if (!manifest) {
        debug(`changelog: ${where} is not a valid image manifest`);
        return void 0;
      }
      const config = readOrUndefined(ImageConfigSchema, await client.fetchBlob(ref, manifest.config.digest));
      if (!config) debug(`changelog: ${where} has no readable image config`);
      const key = at.platform ?? (config?.os && config.architecture ? platformKey({
        os: config.os,
        architecture: config.architecture,
        variant: config.variant,
        "os.version": config["os.version"]
      }) : "unknown");
      let packages;
      if (options.packages === false || !at.packages) {
        packages = void 0;
      } else if (canSpend(ref, 1)) {
        packages = await findSbom({ client, ref, index, maxBytes, debug, tags: tagPage(ref) }, digest);
      } else {
        skipped.add(budgetNote.packages);
      }
      return {
        platform: key,
        digest,
        metadata: readMetadata(
          [manifest.annotations, ...at.outer, config?.config?.Labels ?? void 0],
          config?.created
        ),
        size: manifest.layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0),
        packages
      };
    } catch (error) {
      debug(`changelog: ${where} not read (${error.message})`);
      return void 0;
    }
  };
  const collectOnce = async (request) => {
    const skipped = /* @__PURE__ */ new Set();
    const [before, after] = await Promise.all([
      request.from === void 0 ? void 0 : readIndex(request, request.from, skipped),
      readIndex(request, request.to, skipped)
    ]);
    const compare = (from, to) => compareSnapshots({
      image: request.image,
      from,
      to: { ...to, mediaType: to.mediaType || request.toMediaType },
      used: request.platforms,
      skipped: [...skipped]
    });
    const lists = compare(before?.snapshot, after.snapshot);
    if (options.skipUnchangedPlatforms && lists.from !== void 0 && lists.platforms?.usedChanged === false) {
      return lists;
    }
    const identical = before ? sameContent(before, after) : /* @__PURE__ */ new Set();
    const [beforeDetails, afterDetails] = await Promise.all([
      before === void 0 ? void 0 : readDetails(request, before, identical, skipped),
      readDetails(request, after, identical, skipped)
    ]);
    const [signature, provenance] = signatures ? await Promise.all([
      signatures.verdict(request.ref, request.from, request.to),
      signatures.provenance(request.ref, after.index, afterDetails.details)
    ]) : [];
    const compared = {
      ...compare(beforeDetails, afterDetails),
      ...signature && { signature },
      ...provenance && { provenance }
    };
    const facts = options.lookupTags === false || compared.version?.to !== void 0 ? compared : await withTags(request, compared);
    const packages = packageChangeOf(beforeDetails, afterDetails);
    if (packages) packageChanges.set(facts, packages);
    return facts;
  };
  const withTags = async (request, facts) => {
    const tags = await siblingTags(client, request.ref, request.to, debug);
    return tags.length ? { ...facts, tags } : facts;
  };
  return {
    collect(request) {
      const key = `${request.ref.name}:${request.ref.trackedTag}
${request.from ?? ""}
${request.to}
${request.platforms?.join(",") ?? ""}`;
      let pending = results.get(key);
      if (!pending) {
        pending = collectOnce(request);
        results.set(key, pending);
      }
      return pending;
    },
    packagesOf: (facts) => packageChanges.get(facts)
  };
}
function sameContent(before, after) {
  const digests = (side) => new Set(side.index ? Object.values(side.snapshot.platforms ?? {}) : [side.snapshot.digest]);
  const old = digests(before);
  return new Set([...digests(after)].filter((digest) => old.has(digest)));
}

// src/changelog/vulnerabilities.ts
async function addVulnerabilities(osv, collector, collected) {
  if (osv === void 0 || osv.status() === "off") return [...collected];
  const changes = new Map(
    collected.flatMap(([, facts]) => {
      const change2 = collector.packagesOf(facts);
      return change2 ? [[facts, change2]] : [];
    })
  );
  if (!changes.size) return [...collected];
  const reports = await reportManyVulnerabilities(osv, [...changes.values()]);
  const withReport = new Map(
    [...changes.keys()].map((facts, i) => {
      const report = reports[i];
      return [facts, report ? { ...facts, vulnerabilities: report } : facts];
    })
  );
  return collected.map(([key, facts]) => [key, withReport.get(facts) ?? facts]);
}

// src/changelog/explain.ts
async function explainImage(text, settings, deps) {
  const ref = parseImageReference(text);
  const current = await deps.registry.resolveTag(ref);
  const collector = createChangelogCollector({
    client: deps.registry,
    debug: deps.debug,
    signatures: deps.signatureTrust && { trust: deps.signatureTrust, provenance: true }
  });
  const facts = await collector.collect({
    ref,
    image: `${ref.familiarName}:${ref.trackedTag}`,
    from: ref.digest,
    to: current.digest,
    toMediaType: current.mediaType,
    platforms: settings.platform ? [formatPlatform(settings.platform)] : void 0
  });
  const [asked] = await addVulnerabilities(deps.osv, collector, [[ref, facts]]);
  return asked?.[1] ?? facts;
}

// src/hold-back/fact-policies.ts
var dayMs2 = 864e5;
function describeAge(ms) {
  const days = ms / dayMs2;
  return days >= 1 ? `${Math.round(days * 10) / 10}d` : `${Math.round(ms / 36e5)}h`;
}
var unchangedPlatformsPolicy = (_update, { settings, changelog }) => {
  const platforms = changelog?.platforms;
  if (!settings.skipUnchangedPlatforms || changelog?.from === void 0 || platforms?.usedChanged !== false) {
    return void 0;
  }
  const changed = [...platforms.changed, ...platforms.added, ...platforms.removed];
  return {
    code: "unchanged-platforms",
    message: `the new digest changed only platforms this repository does not use (${changed.join(", ")}); skip-unchanged-platforms`
  };
};
var minimumAgePolicy = (_update, { settings, changelog, now }) => {
  if (settings.minimumAgeMs === void 0 || changelog === void 0) return void 0;
  const age = ageInDays(changelog, now);
  if (age === void 0 || age * dayMs2 >= settings.minimumAgeMs) return void 0;
  return {
    code: "minimum-age",
    message: `the new digest was built ${newestCreated(changelog)}, ${describeAge(Math.max(0, age * dayMs2))} ago, less than minimum-age ${describeAge(settings.minimumAgeMs)}`
  };
};

// src/text/marks.ts
var changeTrailerKey = "Basepin-Change";
var basepinLabel = "basepin";
var dashboardBlockMarker = "basepin:dashboard";
var dashboardBlockStart = `<!-- ${dashboardBlockMarker} `;
var commentMarker = "<!-- basepin:reply -->";
function isChangeId(value2) {
  if (value2.length === 0 || value2.length > 200) return false;
  for (let i = 0; i < value2.length; i++) {
    const code = value2.charCodeAt(i);
    if (code <= 32 || code >= 127) return false;
  }
  return true;
}
var trailerLine = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/;
function paragraphs(message) {
  const lines = message.replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let current = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line.trimEnd());
  }
  if (current.length > 0) out.push(current);
  return out;
}
function trailers(message) {
  const all = paragraphs(message);
  const last = all.length >= 2 ? all[all.length - 1] : void 0;
  if (last === void 0) return void 0;
  const parsed = [];
  for (const line of last) {
    const match = trailerLine.exec(line);
    if (match === null) return void 0;
    parsed.push({ key: match[1] ?? "", value: (match[2] ?? "").trim() });
  }
  return parsed;
}
function withChangeTrailer(message, changeId) {
  if (!isChangeId(changeId)) throw new Error(`not a change id: ${JSON.stringify(changeId)}`);
  const text = message.replace(/\r\n?/g, "\n").trimEnd();
  const line = `${changeTrailerKey}: ${changeId}`;
  if (text === "") throw new Error("a commit message needs a subject before its trailers");
  return trailers(text) === void 0 ? `${text}

${line}
` : `${text}
${line}
`;
}
function readChangeTrailer(message) {
  const found = (trailers(message) ?? []).filter(
    (t) => t.key.toLowerCase() === changeTrailerKey.toLowerCase()
  );
  const [only] = found;
  return found.length === 1 && only !== void 0 && isChangeId(only.value) ? only.value : void 0;
}
function markComment(body) {
  return `${commentMarker}
${body}`;
}
function isBasepinComment(body) {
  return body.startsWith(commentMarker);
}
function hasDashboardMark(issue) {
  return !issue.isPullRequest && issue.labels.some((label) => label.toLowerCase() === basepinLabel) && issue.body.includes(dashboardBlockStart);
}
function chooseDashboard(issues) {
  const marked = issues.filter(hasDashboardMark).sort((a, b) => a.number - b.number);
  const [dashboard, ...duplicates] = marked;
  return { dashboard, duplicates };
}

// src/text/hidden-block.ts
function renderHiddenBlock(marker2, value2) {
  const json = JSON.stringify(value2).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
  return `<!-- ${marker2} ${json} -->`;
}
function parseHiddenBlock(json, marker2, schema, version) {
  const read = readJson(json, schema);
  if (read.ok) return { kind: "valid", state: read.value };
  const { problem } = read;
  if (problem.kind === "syntax") {
    return { kind: "invalid", reason: `the ${marker2} block is ${problem.message}` };
  }
  return {
    kind: "invalid",
    reason: `the ${marker2} block does not match schema v${version}: ${problem.path || "(root)"} ${problem.issue}`
  };
}
function isSpace(char) {
  return char === " " || char === "	" || char === "\n" || char === "\r";
}
function findHiddenBlock(body, marker2) {
  for (let open = body.indexOf("<!--"); open !== -1; open = body.indexOf("<!--", open + 4)) {
    let at = open + 4;
    while (isSpace(body[at])) at += 1;
    if (!body.startsWith(marker2, at) || !isSpace(body[at + marker2.length])) continue;
    const jsonStart = at + marker2.length;
    const close = body.indexOf("-->", jsonStart);
    if (close === -1) return "unclosed";
    return { start: open, end: close + 3, json: body.slice(jsonStart, close).trim() };
  }
  return void 0;
}
function readHiddenBlock(body, marker2, schema, version) {
  const place = findHiddenBlock(body, marker2);
  if (place === void 0) return { kind: "absent" };
  if (place === "unclosed") return { kind: "invalid", reason: `the ${marker2} block is not closed` };
  return parseHiddenBlock(place.json, marker2, schema, version);
}
function replaceHiddenBlock(body, marker2, block) {
  const place = findHiddenBlock(body, marker2);
  if (place === void 0 || place === "unclosed") return void 0;
  return body.slice(0, place.start) + block + body.slice(place.end);
}

// src/comments/commands/help.ts
var commandHelp = [
  {
    name: "rebase",
    usage: "/basepin rebase",
    effect: "recompute this pull request on the current base branch and update its branch",
    where: "basepin pull request"
  },
  {
    name: "recreate",
    usage: "/basepin recreate",
    effect: "like rebase, also when the branch carries commits basepin did not make (they are dropped)",
    where: "basepin pull request"
  },
  {
    name: "ignore",
    usage: "/basepin ignore <image>[:<tag>]",
    effect: "stop proposing updates for that image or tag (e.g. `/basepin ignore alpine`)",
    where: "basepin pull request or dashboard"
  },
  {
    name: "unignore",
    usage: "/basepin unignore <image>[:<tag>]",
    effect: "undo an ignore",
    where: "basepin pull request or dashboard"
  },
  {
    name: "ignored",
    usage: "/basepin ignored",
    effect: "list the ignore rules and where each came from",
    where: "anywhere"
  },
  {
    name: "pin",
    usage: "/basepin pin",
    effect: "pin the unpinned and stale references in the Dockerfiles this pull request changes, as one commit on its branch (branches of this repository only)",
    where: "pull request"
  },
  { name: "help", usage: "/basepin help", effect: "show this list", where: "anywhere" }
];
function renderHelp() {
  return [
    "basepin commands (a comment whose first line is the command; people with write access):",
    "",
    ...commandHelp.map((c) => `- \`${c.usage}\` (${c.where}): ${c.effect}.`)
  ].join("\n");
}

// src/comments/commands/parse.ts
var maxCommentChars = 65536;
var maxCommandLineChars = 512;
var commandPrefix = "/basepin";
var noArgument = ["rebase", "recreate", "ignored", "pin", "help"];
var withImage = ["ignore", "unignore"];
var commandNames = [
  "rebase",
  "recreate",
  "ignore",
  "unignore",
  "ignored",
  "pin",
  "help"
];
function isSeparator(char) {
  return char === " " || char === "	";
}
function words(line) {
  const out = [];
  let current = "";
  for (const char of line) {
    if (isSeparator(char)) {
      if (current !== "") out.push(current);
      current = "";
    } else current += char;
  }
  if (current !== "") out.push(current);
  return out;
}
function firstLine2(body) {
  const end = body.indexOf("\n");
  const line = end === -1 ? body : body.slice(0, end);
  let start = 0;
  while (start < line.length && isSeparator(line.charAt(start))) start += 1;
  return (line.endsWith("\r") ? line.slice(0, -1) : line).slice(start);
}
function isCommandName(word) {
  return commandNames.includes(word);
}
function parseIgnoreTarget(text) {
  let reference;
  try {
    reference = parseImageReference(text);
  } catch (error) {
    if (error instanceof BadReferenceError) return "the image is not a valid image reference";
    throw error;
  }
  if (reference.digest !== void 0) return "give an image and optionally a tag, not a digest";
  return { repository: reference.name, tag: reference.tag };
}
function parseCommand(body) {
  if (body.length > maxCommentChars) {
    return firstLine2(body.slice(0, maxCommandLineChars + 1)).startsWith(commandPrefix) ? { kind: "invalid", reason: `the comment is longer than ${maxCommentChars} characters` } : { kind: "none" };
  }
  const line = firstLine2(body);
  if (!line.startsWith(commandPrefix)) return { kind: "none" };
  const after = line.charAt(commandPrefix.length);
  if (after !== "" && !isSeparator(after)) return { kind: "none" };
  if (line.length > maxCommandLineChars) {
    return { kind: "invalid", reason: `the command line is longer than ${maxCommandLineChars} characters` };
  }
  const [, name, ...args] = words(line);
  if (name === void 0) return { kind: "invalid", reason: "no command was given" };
  const lower = /^[A-Za-z]+$/.test(name) ? name.toLowerCase() : name;
  if (!isCommandName(lower)) return { kind: "invalid", reason: "that is not a basepin command" };
  if (noArgument.includes(lower)) {
    if (args.length > 0) return { kind: "invalid", reason: `\`${lower}\` takes no argument` };
    return { kind: "command", command: { name: lower } };
  }
  if (withImage.includes(lower)) {
    const [image, ...extra] = args;
    if (image === void 0) {
      return { kind: "invalid", reason: `\`${lower}\` needs an image, e.g. \`/basepin ${lower} alpine\`` };
    }
    if (extra.length > 0) return { kind: "invalid", reason: `\`${lower}\` takes one image` };
    const target = parseIgnoreTarget(image);
    if (typeof target === "string") return { kind: "invalid", reason: target };
    return { kind: "command", command: { name: lower, target } };
  }
  return { kind: "invalid", reason: "that is not a basepin command" };
}

// src/dashboard/issue-body/state.ts
var dashboardSchemaVersion = 1;
var emptyDashboardState = { v: dashboardSchemaVersion, ignores: [], pending: [] };
var login = external_exports.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/);
var branch = external_exports.string().max(255).regex(/^[A-Za-z0-9._/-]+$/);
var IgnoreRuleSchema = external_exports.object({
  repository: external_exports.string().max(512),
  tag: external_exports.string().max(128).optional(),
  source: external_exports.object({
    issue: external_exports.number().int().positive(),
    comment: external_exports.number().int().positive(),
    by: login
  })
}).superRefine((rule, context) => {
  const parsed = parseIgnoreTarget(
    rule.tag === void 0 ? rule.repository : `${rule.repository}:${rule.tag}`
  );
  if (typeof parsed === "string" || parsed.repository !== rule.repository || parsed.tag !== rule.tag) {
    context.addIssue({ code: "custom", message: "not a fully qualified image reference" });
  }
});
var DashboardStateSchema = external_exports.object({
  v: external_exports.literal(dashboardSchemaVersion),
  ignores: external_exports.array(IgnoreRuleSchema).max(1e3),
  pending: external_exports.array(branch).max(1e3)
});
var marker = dashboardBlockMarker;
function renderDashboardBlock(state) {
  return renderHiddenBlock(marker, state);
}
function replaceDashboardBlock(body, state) {
  return replaceHiddenBlock(body, marker, renderDashboardBlock(state));
}
function readDashboardState(body) {
  const reading = readHiddenBlock(body, marker, DashboardStateSchema, dashboardSchemaVersion);
  if (reading.kind !== "valid") return reading;
  const ignores = reading.state.ignores.map((rule) => ({ ...rule, tag: rule.tag }));
  return { kind: "valid", state: { ...reading.state, ignores } };
}
function ruleCovers(rule, repository, tag) {
  return rule.repository === repository && (rule.tag === void 0 || rule.tag === tag);
}
function sameTarget(a, b) {
  return a.repository === b.repository && a.tag === b.tag;
}
function withIgnore(state, rule) {
  const others = state.ignores.filter((r) => !sameTarget(r, rule));
  return { ...state, ignores: [...others, rule] };
}
function withoutIgnore(state, target) {
  return { ...state, ignores: state.ignores.filter((r) => !sameTarget(r, target)) };
}
var rebaseAllMarker = "basepin:rebase-all";
var createMarkerPrefix = "basepin:create:";
function checkboxLine(marker2, label) {
  return `- [ ] <!-- ${marker2} --> ${label}`;
}
function createMarker(branchName) {
  return `${createMarkerPrefix}${branchName}`;
}
function readTickedBoxes(body, state) {
  let rebaseAll = false;
  const create = /* @__PURE__ */ new Set();
  for (const raw of body.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const ticked = line.startsWith("- [x] <!-- ") || line.startsWith("- [X] <!-- ");
    if (!ticked) continue;
    const rest = line.slice("- [x] <!-- ".length);
    const close = rest.indexOf(" -->");
    if (close === -1) continue;
    const found = rest.slice(0, close);
    if (found === rebaseAllMarker) rebaseAll = true;
    else if (found.startsWith(createMarkerPrefix)) {
      const name = found.slice(createMarkerPrefix.length);
      if (state.pending.includes(name)) create.add(name);
    }
  }
  return { rebaseAll, create: [...create] };
}

// src/dashboard/issue-body/render.ts
var dashboardTitle = "basepin dashboard";
var maxDashboardChars = 65e3;
var stateWords = {
  current: "pinned, current",
  stale: "pinned, stale",
  unpinned: "unpinned",
  skipped: "skipped",
  failed: "failed"
};
function siteRow(site) {
  const where = `[${codeSpan(`${site.file}:${site.line}`, { inTable: true })}](${site.url})`;
  const detail = site.detail === void 0 ? "" : `: ${codeSpan(site.detail, { inTable: true })}`;
  return `| ${where} | ${codeSpan(site.reference, { inTable: true })} | ${stateWords[site.state]}${detail} |`;
}
function sections(view) {
  const byImage = Map.groupBy(view.sites, (site) => site.image);
  const imageRows = [];
  for (const image of [...byImage.keys()].sort()) {
    imageRows.push(`| **${codeSpan(image, { inTable: true })}** | | |`);
    for (const site of byImage.get(image) ?? []) imageRows.push(siteRow(site));
  }
  const ruleRows = [
    ...view.state.ignores.map(
      (rule) => `- ${codeSpan(rule.tag === void 0 ? rule.repository : `${rule.repository}:${rule.tag}`)}${rule.tag === void 0 ? " (every tag)" : ""}: [by ${codeSpan(rule.source.by)}](${view.ruleUrl(rule)})`
    ),
    ...view.configExcludes.map((glob) => `- ${codeSpan(glob)}: \`exclude-images\` in the settings`)
  ];
  return [
    {
      heading: "Open pull requests",
      rows: view.pullRequests.map((pr) => `- #${pr.number} ${codeSpan(pr.title)} (${codeSpan(pr.branch)})`),
      empty: "None."
    },
    {
      heading: "Images",
      lead: ["| Where | Reference | State |", "| --- | --- | --- |"],
      rows: imageRows,
      empty: "No image references found."
    },
    { heading: "Ignore rules", rows: ruleRows, empty: "None." }
  ];
}
function renderSection(section, shown2) {
  if (section.rows.length === 0) return [`## ${section.heading}`, "", section.empty, ""];
  const cut = section.rows.length - shown2;
  return [
    `## ${section.heading}`,
    "",
    ...section.lead ?? [],
    ...section.rows.slice(0, shown2),
    ...cut > 0 ? ["", `\u2026${cut} more line${cut === 1 ? "" : "s"} cut to stay within GitHub's size limit.`] : [],
    ""
  ];
}
function renderBody(view, all, shown2) {
  const boxes = [
    checkboxLine(rebaseAllMarker, "Rebase every open basepin pull request"),
    ...view.pending.map(
      (p) => checkboxLine(createMarker(p.branch), `Create ${codeSpan(p.branch)} now (${codeSpan(p.why)})`)
    )
  ];
  return [
    "basepin keeps the Dockerfile base images of this repository pinned to digests. This issue shows what it tracks;",
    "it is rewritten by every scheduled run. Comment `/basepin help` for the commands.",
    "",
    "## Actions",
    "",
    "Tick a box; the next run (or, when the workflow listens to issue edits, this edit) acts on it.",
    "",
    ...boxes,
    "",
    ...all.flatMap((section, i) => renderSection(section, shown2[i] ?? 0)),
    renderDashboardBlock({ ...view.state, pending: view.pending.map((p) => p.branch) }),
    ""
  ].join("\n");
}
function renderDashboard(view) {
  const all = sections(view);
  const shown2 = all.map((s) => s.rows.length);
  let body = renderBody(view, all, shown2);
  for (let round = 0; body.length > maxDashboardChars && round < 64; round += 1) {
    const sizes = all.map((s, i) => s.rows.slice(0, shown2[i]).join("\n").length);
    const longest = sizes.indexOf(Math.max(...sizes));
    if ((shown2[longest] ?? 0) === 0) break;
    shown2[longest] = Math.floor((shown2[longest] ?? 0) / 2);
    body = renderBody(view, all, shown2);
  }
  return body;
}

// src/hold-back/ignore-rule.ts
function ruleName(rule) {
  const name = familiarRepository(rule.repository);
  return rule.tag === void 0 ? name : `${name}:${rule.tag}`;
}
function ignoredBy(rules, repository, tag) {
  return rules.find((rule) => ruleCovers(rule, repository, tag));
}
var ignoreRulePolicy = (update, facts) => {
  const rule = ignoredBy(facts.ignores, updateRepository(update), updateTag(update));
  if (rule === void 0) return void 0;
  return { code: "ignored", message: `ignored by \`/basepin ignore ${ruleName(rule)}\` (${rule.source.by})` };
};

// src/hold-back/signature-policy.ts
function signatureImageNames(ref) {
  return { familiarName: ref.familiarName, name: ref.name, tag: ref.trackedTag };
}
function signaturePolicyActsOn(settings, ref) {
  return settings.signaturePolicy !== "report" && signaturePolicyCovers(settings.signaturePolicyImages, signatureImageNames(ref));
}
var signaturePolicyHold = (update, { settings, changelog }) => {
  const verdict = changelog?.signature;
  if (settings.signaturePolicy === "report" || verdict === void 0) return void 0;
  const check = createSignaturePolicy(
    { policy: settings.signaturePolicy, images: settings.signaturePolicyImages },
    (shown2) => describeVerdict(shown2)
  );
  const hold = check(signatureImageNames(update.site.reference), verdict);
  return hold && { code: "signature-policy", message: hold.reason };
};

// src/hold-back/vulnerability-policy.ts
var vulnerabilityPolicy = (_update, { settings, changelog }) => {
  const hold = vulnerabilityHoldBack(settings.vulnerabilityPolicy, changelog?.vulnerabilities);
  return hold && { code: hold.kind, message: hold.reason };
};

// src/hold-back/policies.ts
var holdPolicies = [
  ignoreRulePolicy,
  unchangedPlatformsPolicy,
  minimumAgePolicy,
  signaturePolicyHold,
  vulnerabilityPolicy
];

// src/hold-back/hold-back.ts
function holdBack(plan, factsOf, policies = holdPolicies) {
  const held = /* @__PURE__ */ new Map();
  for (const update of plan.updates) {
    const facts = factsOf(update);
    for (const policy of policies) {
      const reason = policy(update, facts);
      if (reason === void 0) continue;
      held.set(update, reason);
      break;
    }
  }
  if (held.size === 0) return { plan, held };
  const kept = plan.updates.filter((update) => !held.has(update));
  const written = fileChanges(plan.files, kept);
  return {
    plan: {
      ...plan,
      updates: written.updates,
      skipped: [
        ...plan.skipped,
        ...[...held].map(([update, reason]) => siteNote(update.site, reason.message))
      ],
      errors: [...plan.errors, ...written.errors],
      changes: written.changes
    },
    held
  };
}
function applyIgnoreRules(plan, ignores) {
  if (ignores.length === 0) return plan;
  const facts = {
    settings: {
      skipUnchangedPlatforms: false,
      minimumAgeMs: void 0,
      vulnerabilityPolicy: "report",
      signaturePolicy: "report",
      signaturePolicyImages: []
    },
    now: /* @__PURE__ */ new Date(0),
    ignores
  };
  return holdBack(plan, () => facts).plan;
}

// src/changelog/changelogs.ts
function changelogKey(update) {
  return `${update.site.file}:${update.site.line}@${update.target.digest}`;
}
function pinningForChangelogs(registry) {
  const shared = memoizeRegistryClient(registry);
  return { registry: shared, fetchesDigests: (ref) => factsMaySpend(shared, ref, ref.digest ? 2 : 1) };
}
function usedPlatforms(settings, site) {
  if (settings.platform) return [formatPlatform(settings.platform)];
  const written = site?.platform;
  if (written === void 0 || written.includes("$")) return void 0;
  return written.split(",").map((p) => p.trim()).filter((p) => /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p));
}
async function addChangelogs(plan, settings, deps, options = { facts: "all" }) {
  const all = options.facts === "all";
  const collector = createChangelogCollector({
    client: deps.registry,
    debug: deps.debug,
    skipUnchangedPlatforms: settings.skipUnchangedPlatforms,
    // skip-unchanged-platforms needs the two platform lists only; minimum-age needs build dates too.
    ...all ? {} : {
      packages: holdsIntroduced(settings),
      lookupTags: false,
      platformDetails: settings.minimumAgeMs !== void 0 || holdsIntroduced(settings)
    },
    // Shown with every changelog; without one, read only for signature-policy (provenance only shown).
    signatures: deps.signatureTrust && (all || settings.signaturePolicy !== "report") ? { trust: deps.signatureTrust, provenance: all } : void 0
  });
  const wanted = (all ? plan.updates : plan.updates.filter((update) => policyActsOn(update, settings))).filter((update) => options.only?.(update) ?? true);
  const read = await Promise.all(
    wanted.map(async (update) => {
      const { site, target } = update;
      const facts = await collector.collect({
        ref: site.reference,
        image: updateImageName(update),
        from: updateFrom(update),
        to: target.digest,
        toMediaType: target.mediaType,
        platforms: usedPlatforms(settings, site)
      });
      return [update, facts];
    })
  );
  const collected = await addVulnerabilities(deps.osv, collector, read);
  const factsOf = new Map(collected);
  const { plan: kept, held } = holdBack(plan, (update) => ({
    settings,
    now: deps.now,
    ignores: [],
    changelog: factsOf.get(update)
  }));
  const changelogs = /* @__PURE__ */ new Map();
  for (const [update, collectedFacts] of collected) {
    if (held.has(update)) continue;
    let facts = collectedFacts;
    if (settings.minimumAgeMs !== void 0 && newestCreated(facts) === void 0) {
      facts = {
        ...facts,
        skipped: [...facts.skipped ?? [], "build date unknown: minimum-age could not be applied"]
      };
    }
    changelogs.set(changelogKey(update), facts);
  }
  return { plan: kept, changelogs };
}
var holdsIntroduced = (settings) => settings.vulnerabilityPolicy === "hold-introduced" && settings.osvApi !== "off";
function policyActsOn(update, settings) {
  if (settings.minimumAgeMs !== void 0) return true;
  if (holdsIntroduced(settings) && updateFrom(update) !== void 0) return true;
  if (signaturePolicyActsOn(settings, update.site.reference)) return true;
  if (!settings.skipUnchangedPlatforms || updateFrom(update) === void 0) return false;
  return (usedPlatforms(settings, update.site)?.length ?? 0) > 0;
}
function changelogNeeded(plan, settings) {
  if (settings.minimumAgeMs === void 0 && !settings.skipUnchangedPlatforms && !holdsIntroduced(settings) && settings.signaturePolicy === "report")
    return false;
  return plan.updates.some((update) => policyActsOn(update, settings));
}

// src/pipeline/report-json.ts
function updatesJson(report, changelogs) {
  return report.updates.map((update) => updateJson(update, changelogs));
}
function updateJson(update, changelogs) {
  const facts = changelogs?.get(changelogKey(update));
  return {
    file: update.site.file,
    line: update.site.line,
    reference: update.site.written,
    repository: updateRepository(update),
    tag: updateTag(update),
    from: updateFrom(update) ?? null,
    to: update.target.digest,
    fromMirror: update.target.fromMirror ?? null,
    // What the registry says changed; present when the facts were collected.
    ...facts ? { changelog: changelogJson(facts) } : {}
  };
}
function failureJson(failure2) {
  return {
    file: failure2.file,
    line: failure2.line,
    reference: failure2.reference,
    code: failureCode(failure2.error),
    error: failureMessage(failure2.error)
  };
}
function noteJson(note) {
  return { file: note.file, line: note.line, reference: note.reference, reason: note.reason ?? null };
}
function* pinReportJsonChunks(report, changelogs) {
  yield* jsonArrayChunks('{"updates":', report.updates, (update) => updateJson(update, changelogs));
  yield* jsonArrayChunks(',"unchanged":', report.unchanged, noteJson);
  yield* jsonArrayChunks(',"skipped":', report.skipped, noteJson);
  yield* jsonArrayChunks(',"errors":', report.errors, failureJson);
  if (report.problems?.length) yield* jsonArrayChunks(',"warnings":', report.problems, problemJson);
  yield `,"dockerHubPulls":${JSON.stringify(report.dockerHubPulls ?? 0)}}`;
}

// src/pipeline/plan-run.ts
async function planRun(settings, deps, request) {
  const pinning = pinningForChangelogs(deps.registry);
  const ignores = request.ignores ?? [];
  const planned = applyIgnoreRules(
    await planPins(settings, {
      registry: pinning.registry,
      workspace: deps.workspace,
      keepTexts: request.keepTexts,
      onProgress: deps.onProgress,
      fetchesDigests: request.pinningReadsFacts ? (ref) => ignoredBy(ignores, ref.name, ref.trackedTag) === void 0 && pinning.fetchesDigests(ref) : void 0
    }),
    ignores
  );
  if (request.facts === "policy" && !changelogNeeded(planned, settings)) {
    return { plan: planned, changelogs: /* @__PURE__ */ new Map() };
  }
  return await addChangelogs(
    planned,
    settings,
    {
      registry: pinning.registry,
      now: deps.now,
      debug: deps.debug,
      signatureTrust: deps.signatureTrust,
      osv: deps.osv
    },
    { facts: request.facts, only: request.factsFor?.(planned) }
  );
}

export {
  applyUpdates,
  asFailure,
  failureCode,
  failureMessage,
  isInternal,
  siteNote,
  groupUnreachable,
  unreachableLine,
  updateRepository,
  updateTag,
  updateFrom,
  updatePlace,
  updateImageName,
  familiarRepository,
  basepinLabel,
  withChangeTrailer,
  readChangeTrailer,
  markComment,
  isBasepinComment,
  chooseDashboard,
  renderHiddenBlock,
  readHiddenBlock,
  replaceHiddenBlock,
  commandHelp,
  renderHelp,
  commandPrefix,
  parseCommand,
  emptyDashboardState,
  renderDashboardBlock,
  replaceDashboardBlock,
  readDashboardState,
  ruleCovers,
  sameTarget,
  withIgnore,
  withoutIgnore,
  readTickedBoxes,
  dashboardTitle,
  renderDashboard,
  vulnerabilityHeadlinePart,
  renderChangelog,
  changelogJson,
  renderChangelogText,
  planFiles,
  writeChanges,
  ruleName,
  changelogKey,
  explainImage,
  updatesJson,
  failureJson,
  pinReportJsonChunks,
  planRun
};
