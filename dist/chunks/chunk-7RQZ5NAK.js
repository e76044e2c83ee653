import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/reference/errors.ts
var ReferenceErrorCode = {
  InvalidFormat: "invalid reference format",
  NameEmpty: "repository name must have at least one component",
  NameContainsUppercase: "repository name must be lowercase",
  NameTooLong: "repository name must not be more than 255 characters",
  HexIdentifier: "cannot specify 64-byte hexadecimal strings",
  DigestInvalidLength: "invalid checksum digest length",
  DigestUnsupported: "unsupported digest algorithm",
  DigestInvalidFormat: "invalid checksum digest format"
};
var BadReferenceError = class extends Error {
  name = "BadReferenceError";
  code;
  input;
  /** What is wrong, without the input: for a line that shows the reference already. */
  reason;
  constructor(code, input, detail) {
    const reason = `${code}${detail ? ` (${detail})` : ""}`;
    super(`${JSON.stringify(input)}: ${reason}`);
    this.code = code;
    this.input = input;
    this.reason = reason;
  }
};

// src/reference/docker-hub.ts
var dockerHub = {
  /** The domain a familiar name (`alpine`) normalises to. */
  domain: "docker.io",
  /** The domain older references write; normalised to `domain`. */
  legacyDomain: "index.docker.io",
  /** The host that answers the registry API. */
  registryHost: "registry-1.docker.io",
  /** The key `docker login` writes for Docker Hub in config.json. */
  configKey: "https://index.docker.io/v1/"
};
var dockerHubAliases = [
  dockerHub.domain,
  dockerHub.legacyDomain,
  dockerHub.registryHost
];
function isDockerHub(host2) {
  return dockerHubAliases.includes(host2.toLowerCase());
}

// src/reference/grammar.ts
var alphanumeric = "[a-z0-9]+";
var separator = "(?:[._]|__|[-]+)";
var pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
var domainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var ipv6Address = "\\[(?:[a-fA-F0-9:]+)\\]";
var domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
var host = `(?:${domainName}|${ipv6Address})`;
var domainAndPort = `${host}(?::[0-9]+)?`;
var remoteName = `${pathComponent}(?:/${pathComponent})*`;
var tag = "[\\w][\\w.-]{0,127}";
var digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
var name = `(?:${domainAndPort}/)?${remoteName}`;
var referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
var namePattern = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
var digestPattern = new RegExp(`^${digest}$`);
var hexIdentifierPattern = /^[a-f0-9]{64}$/;
var maxPathLength = 255;

// src/reference/digest.ts
var hexLengthByAlgorithm = { sha256: 64, sha384: 96, sha512: 128 };
function validateDigest(text2, input = text2) {
  const colon = text2.indexOf(":");
  if (colon <= 0 || colon === text2.length - 1) {
    throw new BadReferenceError(ReferenceErrorCode.DigestInvalidFormat, input);
  }
  const algorithm = text2.slice(0, colon);
  const hex = text2.slice(colon + 1);
  const length = hexLengthByAlgorithm[algorithm];
  if (length === void 0) {
    const code = digestPattern.test(text2) ? ReferenceErrorCode.DigestUnsupported : ReferenceErrorCode.DigestInvalidFormat;
    throw new BadReferenceError(code, input, algorithm);
  }
  if (hex.length !== length) throw new BadReferenceError(ReferenceErrorCode.DigestInvalidLength, input);
  if (!/^[a-f0-9]+$/.test(hex)) throw new BadReferenceError(ReferenceErrorCode.DigestInvalidFormat, input);
  return text2;
}
function isDigest(text2) {
  try {
    validateDigest(text2);
    return true;
  } catch {
    return false;
  }
}
function shortDigest(digest2) {
  return digest2.slice(digest2.indexOf(":") + 1, digest2.indexOf(":") + 8);
}

// src/reference/image-reference.ts
var ImageReference = class {
  original;
  writtenName;
  domain;
  path;
  tag;
  digest;
  constructor(parts) {
    this.original = parts.original;
    this.writtenName = parts.writtenName;
    this.domain = parts.domain;
    this.path = parts.path;
    this.tag = parts.tag;
    this.digest = parts.digest;
  }
  /** Fully qualified repository name: `docker.io/library/alpine`. */
  get name() {
    return `${this.domain}/${this.path}`;
  }
  /** Docker's short form: `alpine`, `user/img`, `ghcr.io/o/r`. */
  get familiarName() {
    if (this.domain !== dockerHub.domain) return this.name;
    const officialName = this.path.startsWith("library/") ? this.path.slice("library/".length) : void 0;
    return officialName !== void 0 && !officialName.includes("/") ? officialName : this.path;
  }
  /** The tag to follow: the written one, or `latest` when none is written. */
  get trackedTag() {
    return this.tag ?? "latest";
  }
  /** Fully qualified text, `docker.io/library/alpine:3.20@sha256:…`. */
  get fullString() {
    return this.name + this.suffix();
  }
  get familiarString() {
    return this.familiarName + this.suffix();
  }
  toString() {
    return this.original;
  }
  suffix() {
    return (this.tag !== void 0 ? `:${this.tag}` : "") + (this.digest !== void 0 ? `@${this.digest}` : "");
  }
};

// src/reference/parse.ts
function parseReference(text2) {
  const match = referencePattern.exec(text2);
  if (!match) {
    if (text2 === "") throw new BadReferenceError(ReferenceErrorCode.NameEmpty, text2);
    if (referencePattern.test(text2.toLowerCase())) {
      throw new BadReferenceError(ReferenceErrorCode.NameContainsUppercase, text2);
    }
    throw new BadReferenceError(ReferenceErrorCode.InvalidFormat, text2);
  }
  const [, name2 = "", tag2, digest2] = match;
  const nameMatch = namePattern.exec(name2);
  const domain = nameMatch?.[1] ?? "";
  const path = nameMatch?.[2] ?? name2;
  if (path.length > maxPathLength) throw new BadReferenceError(ReferenceErrorCode.NameTooLong, text2);
  if (digest2 !== void 0) validateDigest(digest2, text2);
  return { name: name2, domain, path, tag: tag2, digest: digest2 };
}
var officialRepoPrefix = "library/";
function parseImageReference(text2) {
  if (hexIdentifierPattern.test(text2)) throw new BadReferenceError(ReferenceErrorCode.HexIdentifier, text2);
  const { domain, remainder } = splitDockerDomain(text2);
  const colon = remainder.indexOf(":");
  const remoteName2 = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remoteName2.toLowerCase() !== remoteName2) {
    throw new BadReferenceError(ReferenceErrorCode.NameContainsUppercase, text2);
  }
  let parsed;
  try {
    parsed = parseReference(`${domain}/${remainder}`);
  } catch (error) {
    if (error instanceof BadReferenceError) throw new BadReferenceError(error.code, text2);
    throw error;
  }
  return new ImageReference({
    original: text2,
    writtenName: stripSuffix(text2, parsed),
    domain: parsed.domain,
    path: parsed.path,
    tag: parsed.tag,
    digest: parsed.digest
  });
}
function stripSuffix(text2, parsed) {
  let end = text2.length;
  if (parsed.digest !== void 0) end = text2.lastIndexOf("@");
  const beforeDigest = text2.slice(0, end);
  if (parsed.tag !== void 0) return beforeDigest.slice(0, beforeDigest.length - parsed.tag.length - 1);
  return beforeDigest;
}
function splitDockerDomain(name2) {
  const slash = name2.indexOf("/");
  const first = slash === -1 ? "" : name2.slice(0, slash);
  let domain;
  let remainder;
  if (slash === -1 || !/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first) {
    domain = dockerHub.domain;
    remainder = name2;
  } else {
    domain = first;
    remainder = name2.slice(slash + 1);
  }
  if (domain === dockerHub.legacyDomain) domain = dockerHub.domain;
  if (domain === dockerHub.domain && !remainder.includes("/")) remainder = officialRepoPrefix + remainder;
  return { domain, remainder };
}

// src/reference/platform.ts
function parsePlatform(text2) {
  if (!/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/.test(text2)) return void 0;
  const [os = "", architecture = "", variant] = text2.split("/");
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}

// src/config/errors.ts
var SettingsError = class extends Error {
  name = "SettingsError";
};

// src/config/git-branch.ts
function branchNameProblem(name2) {
  if (name2 === "" || name2 === "@") return 'it is empty or "@"';
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name2))
    return "it contains a space, control character or one of ~^:?*[\\";
  if (name2.includes("..")) return 'it contains ".."';
  if (name2.includes("@{")) return 'it contains "@{"';
  if (name2.includes("//") || name2.startsWith("/") || name2.endsWith("/"))
    return "it has an empty path component";
  if (name2.endsWith(".")) return 'it ends with "."';
  for (const component of name2.split("/")) {
    if (component.startsWith(".")) return `component ${JSON.stringify(component)} starts with "."`;
    if (component.endsWith(".lock")) return `component ${JSON.stringify(component)} ends with ".lock"`;
  }
  return void 0;
}

// src/config/values.ts
var quote = (text2) => JSON.stringify(text2);
var hostPattern = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
function parseHost(text2) {
  return hostPattern.test(text2) ? { value: text2.toLowerCase() } : { problem: `${quote(text2)} is not a host[:port]` };
}
function parsePlatformSetting(text2) {
  const platform = parsePlatform(text2);
  return platform ? { value: platform } : { problem: `${quote(text2)} is not os/arch[/variant] such as linux/amd64` };
}
function parseMirrorUrl(text2) {
  const url = URL.canParse(text2) ? new URL(text2) : void 0;
  const shown = quote(text2.replace(/\/\/[^/@\s]*@/g, "//***@"));
  if (url === void 0 || url.protocol !== "https:" && url.protocol !== "http:" || url.host === "") {
    return { problem: `${shown} is not an http(s) URL such as https://mirror.gcr.io` };
  }
  if (url.username !== "" || url.password !== "") {
    return { problem: `${shown}: a mirror URL must not hold credentials; give them as registry-credentials` };
  }
  const prefix = url.pathname.replace(/^\/|\/$/g, "");
  if (url.search !== "" || url.hash !== "" || prefix !== "" && !prefix.split("/").every(isPathComponent)) {
    return {
      problem: `${shown}: expected a base URL such as https://mirror.gcr.io, maybe with a repository prefix (https://harbor.example/dockerhub-proxy)`
    };
  }
  if (prefix.split("/")[0] === "v2") {
    return { problem: `${shown}: leave out /v2, basepin adds the API path (https://mirror.gcr.io)` };
  }
  const base = prefix === "" ? url.origin : `${url.origin}/${prefix}`;
  return { value: { host: url.host, url: base, plainHttp: url.protocol === "http:", prefix } };
}
function isPathComponent(part) {
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(part);
}
function parsePair(text2, show) {
  const eq = text2.indexOf("=");
  const host2 = eq > 0 ? text2.slice(0, eq).trim() : "";
  const parsedHost = parseHost(host2);
  if (eq <= 0 || "problem" in parsedHost) return { problem: `expected HOST=\u2026 but got ${show(text2)}` };
  return { value: [parsedHost.value, text2.slice(eq + 1).trim()] };
}
function parseCredential(host2, text2) {
  const colon = text2.indexOf(":");
  if (colon <= 0 || colon === text2.length - 1)
    return { problem: `credential for ${host2}: expected USER:SECRET` };
  return { value: { username: text2.slice(0, colon), password: text2.slice(colon + 1) } };
}
function parseBranchPrefix(text2) {
  const problem = branchNameProblem(`${text2}x`);
  return problem === void 0 ? { value: text2 } : { problem: `${quote(text2)} cannot start a git branch name: ${problem}` };
}
function parseBranch(text2) {
  const problem = branchNameProblem(text2);
  return problem === void 0 ? { value: text2 } : { problem: `${quote(text2)} is not a git branch: ${problem}` };
}
var durationUnits = {
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 6048e5
};
function parseDuration(text2) {
  const trimmed = text2.trim();
  if (!/^(?:\d+[smhdw])+$/.test(trimmed)) {
    return { problem: `${quote(text2)} is not a duration such as 90s, 15m, 12h or 3d` };
  }
  let total = 0;
  for (const [, amount = "0", unit = "s"] of trimmed.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(amount) * (durationUnits[unit] ?? 0);
  }
  return { value: total };
}
function parseWholeNumber(text2, min, max) {
  const value = Number(text2);
  return /^\d+$/.test(text2.trim()) && value >= min && value <= max ? { value } : { problem: `${quote(text2)} is not a whole number from ${min} to ${max}` };
}
function parseBoolean(text2) {
  if (/^(true|yes|on)$/i.test(text2.trim())) return { value: true };
  if (/^(false|no|off)$/i.test(text2.trim())) return { value: false };
  return { problem: `${quote(text2)} is not true or false` };
}
function parseChoice(text2, choices) {
  const found = choices.find((choice) => choice === text2);
  return found !== void 0 ? { value: found } : { problem: `${quote(text2)} is not one of ${choices.join(", ")}` };
}

// src/config/shape.ts
function each(parse) {
  return (raw) => {
    const items = raw.kind === "list" ? raw.value : raw.kind === "text" ? [raw.value] : [];
    const values = [];
    for (const item of items) {
      const parsed = parse(item);
      if ("problem" in parsed) return parsed;
      values.push(parsed.value);
    }
    return { value: values };
  };
}
var text = (raw) => raw.kind === "text" ? raw.value : String(raw.value);
var nonEmpty = (item) => item.trim() === "" ? { problem: "an empty value" } : { value: item };
function textSetting(parse) {
  return (raw) => parse(text(raw));
}
function parseMirrors(raw) {
  if (raw.kind !== "pairs") return { problem: "expected HOST=URL pairs" };
  const mirrors = {};
  for (const [host2, url] of raw.value) {
    const parsedHost = parseHost(host2);
    if ("problem" in parsedHost) return parsedHost;
    const mirror = parseMirrorUrl(url);
    if ("problem" in mirror) return { problem: `mirror for ${host2}: ${mirror.problem}` };
    (mirrors[parsedHost.value] ??= []).push(mirror.value);
  }
  return { value: mirrors };
}
function parseAliases(raw) {
  if (raw.kind !== "pairs") return { problem: "expected HOST=URL pairs" };
  const aliases = {};
  for (const [host2, url] of raw.value) {
    const parsedHost = parseHost(host2);
    if ("problem" in parsedHost) return parsedHost;
    if (aliases[parsedHost.value] !== void 0) return { problem: `${host2} has more than one alias` };
    const alias = parseMirrorUrl(url);
    if ("problem" in alias) return { problem: `alias for ${host2}: ${alias.problem}` };
    aliases[parsedHost.value] = alias.value;
  }
  return { value: aliases };
}
function parseDeadline(text2) {
  const parsed = parseDuration(text2);
  if ("problem" in parsed) return parsed;
  return parsed.value >= 1e3 ? parsed : { problem: `${JSON.stringify(text2)} is shorter than 1s` };
}

// src/vulnerabilities/settings/osv-api.ts
var defaultOsvApi = "https://api.osv.dev";
function isLoopbackHostname(hostname) {
  const name2 = hostname.toLowerCase().replace(/\.$/, "");
  if (name2 === "localhost" || name2 === "[::1]") return true;
  if (/^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(name2)) return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name2);
  return octets?.[1] === "127";
}
function parseOsvApi(text2) {
  const trimmed = text2.trim();
  if (trimmed.toLowerCase() === "off") return { value: "off" };
  const url = URL.canParse(trimmed) ? new URL(trimmed) : void 0;
  const shown = JSON.stringify(trimmed.replace(/\/\/[^/@\s]*@/g, "//***@"));
  if (url === void 0 || url.protocol !== "https:" && url.protocol !== "http:" || url.host === "") {
    return { problem: `${shown} is not an http(s) URL such as ${defaultOsvApi}, or off` };
  }
  if (url.username !== "" || url.password !== "")
    return { problem: `${shown}: leave credentials out of the URL` };
  if (url.search !== "" || url.hash !== "") return { problem: `${shown}: leave out the query and fragment` };
  if (url.protocol === "http:" && !isLoopbackHostname(url.hostname)) {
    return { problem: `${shown}: plain http is allowed on loopback only (localhost, 127.0.0.1, [::1])` };
  }
  return { value: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}

// src/vulnerabilities/settings/policies.ts
var vulnerabilityPolicies = ["report", "hold-introduced"];

// src/config/schema.ts
var groupByValues = ["all", "image", "directory"];
var commandPermissionValues = ["write", "maintain", "admin"];
var signaturePolicyValues = ["report", "same-identity", "require"];
function parsePatternPairs(raw) {
  if (raw.kind !== "pairs") return { problem: "expected IMAGE-GLOB: value pairs" };
  const pairs = {};
  for (const [pattern, value] of raw.value) {
    if (pattern.trim() === "" || value.trim() === "")
      return { problem: `${pattern || "a pattern"}: an empty value` };
    if (pairs[pattern] !== void 0) return { problem: `${pattern} is given more than once` };
    pairs[pattern] = value;
  }
  return { value: pairs };
}
var fileList = (z) => z.union([z.string().min(1), z.array(z.string().min(1))]);
var fileMirrorUrls = (z) => z.union([z.string(), z.array(z.string()).min(1)]);
var settingSpecs = {
  paths: {
    shape: "list",
    file: fileList,
    flag: null,
    description: "Files or folders to scan for Dockerfiles, relative to the repository root.",
    parse: each(nonEmpty),
    fallback: ["."]
  },
  include: {
    shape: "list",
    file: fileList,
    description: "Extra globs of files to treat as Dockerfiles.",
    parse: each(nonEmpty),
    fallback: []
  },
  exclude: {
    shape: "list",
    file: fileList,
    description: "Globs of files to leave out.",
    parse: each(nonEmpty),
    fallback: []
  },
  "exclude-images": {
    shape: "list",
    file: fileList,
    flag: "exclude-image",
    description: "Globs of images to leave alone (`node`, `ghcr.io/acme/*`, `alpine:3.*`).",
    parse: each(nonEmpty),
    fallback: []
  },
  "registry-mirrors": {
    shape: "pairs",
    file: (z) => z.record(z.string(), fileMirrorUrls(z)),
    flag: "registry-mirror",
    description: "Registry host \u2192 mirror base URL (maybe with a repository prefix), or a list tried in order. Tags are resolved on the registry; mirrors serve content by digest, and name digests only when the registry cannot be reached (reported as unconfirmed).",
    parse: (raw) => parseMirrors(raw),
    fallback: {}
  },
  "registry-aliases": {
    shape: "pairs",
    file: (z) => z.record(z.string(), z.string()),
    flag: "registry-alias",
    description: "Registry host \u2192 the base URL that replaces it, maybe with a repository prefix (`docker.io=https://harbor.corp/dockerhub-proxy`); the registry itself is never contacted and references are written unchanged.",
    parse: (raw) => parseAliases(raw),
    fallback: {}
  },
  "registry-deadline": {
    shape: "text",
    file: (z) => z.string(),
    description: "How long a registry host may go without answering any request while basepin waits on it (`60s`, `2m`); then that host's remaining references fail and the others go on. A reply counts once read whole. A slow host that keeps answering is not failed (each request has its own 30 s timeout) until it has kept basepin busy for 30 times the deadline in all.",
    parse: textSetting(parseDeadline),
    fallback: 6e4
  },
  "insecure-registries": {
    shape: "list",
    file: fileList,
    flag: "insecure-registry",
    description: "Registry hosts that may be reached over plain HTTP.",
    parse: each(parseHost),
    fallback: []
  },
  platform: {
    shape: "text",
    file: (z) => z.string(),
    description: "Pin this platform's manifest (`linux/amd64`) instead of the multi-platform index.",
    parse: textSetting(parsePlatformSetting),
    fallback: void 0
  },
  "pin-arg-repositories": {
    shape: "boolean",
    file: (z) => z.boolean(),
    description: "Pin `FROM $REPO:tag` (the whole repository from an ARG default, the tag literal) in the FROM line; `false` skips it.",
    parse: (raw) => raw.kind === "boolean" ? { value: raw.value } : parseBoolean(text(raw)),
    fallback: true
  },
  concurrency: {
    shape: "number",
    file: (z) => z.number().int().min(1).max(64),
    description: "Requests in flight per registry (1\u201364).",
    parse: textSetting((value) => parseWholeNumber(value, 1, 64)),
    fallback: 8
  },
  "group-by": {
    shape: "text",
    file: (z) => z.enum(groupByValues),
    flag: null,
    description: "One pull request for `all` updates, one per `image` repository, or one per Dockerfile `directory`.",
    parse: textSetting((value) => parseChoice(value, groupByValues)),
    fallback: "all"
  },
  "max-pull-requests": {
    shape: "number",
    file: (z) => z.number().int().min(1).max(100),
    flag: null,
    description: "Open basepin pull requests at most (1\u2013100); new ones wait, listed in the job summary, until one is merged or closed.",
    parse: textSetting((value) => parseWholeNumber(value, 1, 100)),
    fallback: 10
  },
  "base-branch": {
    shape: "text",
    file: (z) => z.string().min(1),
    flag: null,
    description: "Branch the pull requests target; default the repository's default branch.",
    parse: textSetting(parseBranch),
    fallback: void 0
  },
  "branch-prefix": {
    shape: "text",
    file: (z) => z.string().min(1),
    flag: null,
    description: "Prefix of the branches basepin owns.",
    parse: textSetting(parseBranchPrefix),
    fallback: "basepin/"
  },
  labels: {
    shape: "list",
    file: fileList,
    flag: null,
    description: "Labels for the pull requests.",
    parse: each(nonEmpty),
    fallback: []
  },
  reviewers: {
    shape: "list",
    file: fileList,
    flag: null,
    description: "Users (or `org/team`) to request reviews from.",
    parse: each(nonEmpty),
    fallback: []
  },
  assignees: {
    shape: "list",
    file: fileList,
    flag: null,
    description: "Users to assign the pull requests to.",
    parse: each(nonEmpty),
    fallback: []
  },
  draft: {
    shape: "boolean",
    file: (z) => z.boolean(),
    flag: null,
    description: "Open pull requests as drafts; where the repository cannot hold drafts (a private repository on GitHub Free), they open ready for review.",
    parse: (raw) => raw.kind === "boolean" ? { value: raw.value } : parseBoolean(text(raw)),
    fallback: false
  },
  "commit-message-prefix": {
    shape: "text",
    file: (z) => z.string(),
    flag: null,
    description: "Prefix of commit messages and pull request titles, e.g. `chore(deps): `.",
    parse: (raw) => ({ value: text(raw) }),
    fallback: ""
  },
  "dry-run": {
    shape: "boolean",
    flag: null,
    description: "Do everything up to the first write and report what would be done.",
    parse: (raw) => raw.kind === "boolean" ? { value: raw.value } : parseBoolean(text(raw)),
    fallback: false
  },
  "skip-unchanged-platforms": {
    shape: "boolean",
    file: (z) => z.boolean(),
    flag: null,
    description: "Open no pull request for an update whose image changed only in platforms this repository does not use (the `platform` setting, a literal `FROM --platform=`); the job summary reports it.",
    parse: (raw) => raw.kind === "boolean" ? { value: raw.value } : parseBoolean(text(raw)),
    fallback: true
  },
  "minimum-age": {
    shape: "text",
    file: (z) => z.string().min(1),
    description: "Do not propose a digest built less recently than this (`3d`, `12h`), so a broken rebuild can be pulled before it lands; a digest whose build date is unknown is proposed, saying so. Default off.",
    parse: textSetting(parseDuration),
    fallback: void 0
  },
  "osv-api": {
    shape: "text",
    file: (z) => z.string().min(1),
    description: "Where to ask which known vulnerabilities an update fixes or introduces: the OSV API (`https://api.osv.dev`), a mirror of it (a loopback `http://` URL is allowed), or `off`. When it cannot be reached, the changelog says so once and the update goes on.",
    parse: textSetting(parseOsvApi),
    fallback: defaultOsvApi
  },
  "vulnerability-policy": {
    shape: "text",
    file: (z) => z.enum(vulnerabilityPolicies),
    description: "`report` shows the known vulnerabilities an update fixes and introduces; `hold-introduced` also holds back an update whose new digest has a known vulnerability the pinned one did not (the job summary and the dashboard say which).",
    parse: textSetting((value) => parseChoice(value, vulnerabilityPolicies)),
    fallback: "report"
  },
  "fail-on-unpinned": {
    shape: "boolean",
    flag: null,
    description: "Fail the run when unpinned or stale pins remain.",
    parse: (raw) => raw.kind === "boolean" ? { value: raw.value } : parseBoolean(text(raw)),
    fallback: false
  },
  dashboard: {
    shape: "boolean",
    file: (z) => z.boolean(),
    flag: null,
    description: "Keep the `basepin dashboard` issue current: every image reference, the open pull requests, the ignore rules.",
    parse: (raw) => raw.kind === "boolean" ? { value: raw.value } : parseBoolean(text(raw)),
    fallback: true
  },
  "command-permission": {
    shape: "text",
    file: (z) => z.enum(commandPermissionValues),
    flag: null,
    description: "Least repository permission that may run `/basepin` comment commands: `write`, `maintain` or `admin`.",
    parse: textSetting((value) => parseChoice(value, commandPermissionValues)),
    fallback: "write"
  },
  // Signatures and provenance (src/signatures/, src/signature-check/).
  "signature-policy": {
    shape: "text",
    file: (z) => z.enum(signaturePolicyValues),
    description: "What an update's signature must be: `report` (show it), `same-identity` (hold back an update whose signature is missing, does not verify or comes from another identity than the pinned digest's) or `require` (hold back anything not validly signed).",
    parse: textSetting((value) => parseChoice(value, signaturePolicyValues)),
    fallback: "report"
  },
  "signature-policy-images": {
    shape: "list",
    file: fileList,
    flag: null,
    description: "Globs of images `signature-policy` applies to, matched as `exclude-images` (`cgr.dev/**`, `alpine:3.*`); empty: every image.",
    parse: each(nonEmpty),
    fallback: []
  },
  "signature-keys": {
    shape: "pairs",
    file: (z) => z.record(z.string().min(1), z.string().min(1)),
    flag: null,
    input: false,
    description: "Image glob \u2192 public key (a PEM file's path, or the PEM itself) that signs it, for signatures made with a key rather than keyless.",
    parse: (raw) => parsePatternPairs(raw),
    fallback: {}
  },
  "sigstore-trusted-root": {
    shape: "text",
    file: (z) => z.string().min(1),
    description: "A Sigstore `trusted_root.json` to check keyless signatures against (a private Sigstore deployment); default the public-good root shipped with basepin.",
    parse: textSetting(nonEmpty),
    fallback: void 0
  }
};

export {
  BadReferenceError,
  dockerHub,
  dockerHubAliases,
  isDockerHub,
  validateDigest,
  isDigest,
  shortDigest,
  parseImageReference,
  formatPlatform,
  SettingsError,
  branchNameProblem,
  parsePair,
  parseCredential,
  settingSpecs
};
