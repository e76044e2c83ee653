import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  forbiddenAddressCode,
  forbiddenAddressReason,
  isLoopbackAddress
} from "./chunk-K4NO2PJR.js";
import {
  EditConflictError,
  UnencodableTextError,
  WriteError,
  applyEdits,
  fittingEdits,
  isPinnableSite,
  jsonArrayChunks,
  pinEdit,
  require_picomatch,
  scanDockerfiles
} from "./chunk-I3HBBNLJ.js";
import {
  BadReferenceError,
  dockerHub,
  dockerHubAliases,
  external_exports,
  formatPlatform,
  isDigest,
  isDockerHub,
  shortDigest
} from "./chunk-M7RVOI3V.js";
import {
  codeSpan,
  quoteUntrusted,
  untrustedText
} from "./chunk-5W6YY3Z7.js";
import {
  __toESM
} from "./chunk-FO4YOAWA.js";

// src/registry/errors.ts
var RegistryErrorCode = {
  /** Bytes served do not hash to the digest claimed or asked for. */
  DigestMismatch: "DIGEST_MISMATCH",
  /** A 429 asked us to wait longer than we are willing to, or retries ran out on 429. */
  RateLimited: "TOOMANYREQUESTS",
  /** Docker Hub's remaining pull allowance reached the floor; GETs stopped. */
  PullBudgetExhausted: "PULL_BUDGET_EXHAUSTED",
  Unauthorized: "UNAUTHORIZED",
  ManifestUnknown: "MANIFEST_UNKNOWN",
  BlobUnknown: "BLOB_UNKNOWN",
  /** A digest we were asked to fetch is not `algorithm:hex`. */
  DigestInvalid: "DIGEST_INVALID",
  Denied: "DENIED",
  /** Connection refused/reset, DNS failure, TLS failure: the host cannot be reached (`network-failure.ts`). */
  Network: "NETWORK_ERROR",
  Timeout: "TIMEOUT",
  /** The host's total deadline passed; its remaining operations fail. */
  HostDeadline: "HOST_DEADLINE",
  /** An auth realm or redirect target basepin refuses to contact. */
  UnsafeUrl: "UNSAFE_URL",
  /**
   * A reply that does not follow the spec (bad token reply, unknown media type, bad manifest), or breaks
   * HTTP itself (status 0: a bad status line, a folded header, a bad chunk): that exchange failed, not the host.
   */
  BadResponse: "BAD_RESPONSE",
  UnsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
  /** docker config.json unreadable or malformed. */
  DockerConfig: "DOCKER_CONFIG_INVALID",
  CredentialHelper: "CREDENTIAL_HELPER_FAILED",
  InvalidOptions: "INVALID_OPTIONS",
  /** An HTTP status with no spec error body. */
  Http: "HTTP_ERROR"
};
var maxMessageLength = 2e3;
var maxCodeLength = 64;
var RegistryError = class extends Error {
  name = "RegistryError";
  status;
  code;
  retryable;
  plain;
  unreachable;
  constructor(init) {
    super(
      untrustedText(init.message, maxMessageLength),
      init.cause === void 0 ? void 0 : { cause: init.cause }
    );
    this.status = init.status;
    this.code = untrustedText(init.code, maxCodeLength);
    this.retryable = init.retryable;
    this.plain = init.plain === void 0 ? void 0 : untrustedText(init.plain, maxMessageLength);
    this.unreachable = init.unreachable;
  }
};

// src/registry/client.ts
import { setTimeout as delay } from "node:timers/promises";

// src/registry/docker-config.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, sep } from "node:path";

// src/registry/credential-helper.ts
import { spawn } from "node:child_process";
var defaultHelperLimits = { timeoutMs: 15e3, maxOutputBytes: 256 * 1024 };
var exitGraceMs = 250;
function runCredentialHelper(program, serverUrl, limits = defaultHelperLimits) {
  return new Promise((resolve) => {
    const child = spawn(program, ["get"], { stdio: ["pipe", "pipe", "pipe"], detached: true });
    const stdout = [];
    const stderr = [];
    let size = 0;
    let settled = false;
    let exitCode;
    let grace;
    const finish = (outcome, kill) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      if (kill) killGroup(child);
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
      resolve(
        outcome ?? {
          kind: "exited",
          code: exitCode ?? 1,
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8")
        }
      );
    };
    const collect = (into) => (chunk) => {
      if (settled) return;
      size += chunk.length;
      if (size > limits.maxOutputBytes) {
        finish({ kind: "failed", reason: `printed more than ${kib(limits.maxOutputBytes)}` }, true);
        return;
      }
      into.push(chunk);
    };
    const timer = setTimeout(
      () => finish({ kind: "failed", reason: `gave no answer in ${limits.timeoutMs / 1e3} s` }, true),
      limits.timeoutMs
    );
    child.stdout?.on("data", collect(stdout));
    child.stderr?.on("data", collect(stderr));
    child.on(
      "error",
      (error) => finish({ kind: "failed", reason: `could not be run (${error.message})` }, false)
    );
    child.on("exit", (code) => {
      exitCode = code ?? 1;
      grace = setTimeout(() => finish(void 0, true), exitGraceMs);
    });
    child.on("close", () => finish(void 0, false));
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(serverUrl);
  });
}
function killGroup(child) {
  if (child.pid === void 0) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}
function kib(bytes) {
  return `${Math.round(bytes / 1024)} KiB`;
}

// src/text/json-syntax.ts
var Broken = class extends Error {
  offset;
  problem;
  constructor(offset, problem) {
    super(problem);
    this.offset = offset;
    this.problem = problem;
  }
};
var maxDepth = 512;
function findJsonSyntaxError(text) {
  let at = 0;
  const fail = (problem) => {
    throw new Broken(at, problem);
  };
  const space = () => {
    while (at < text.length && " 	\n\r".includes(text[at])) at += 1;
  };
  const expect = (literal) => {
    if (!text.startsWith(literal, at)) fail(`expected ${literal}`);
    at += literal.length;
  };
  const string = () => {
    at += 1;
    for (; ; ) {
      if (at >= text.length) fail("unterminated string");
      const char = text.charCodeAt(at);
      if (char === 34) return void (at += 1);
      if (char < 32) fail("control character in a string");
      if (char === 92) {
        const escape = text[at + 1] ?? "";
        if ('"\\/bfnrt'.includes(escape) && escape !== "") at += 2;
        else if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else fail("bad escape in a string");
      } else at += 1;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match) fail("unexpected character");
    at += match[0].length;
  };
  const value = (depth) => {
    if (depth > maxDepth) fail("nested too deeply");
    space();
    const char = text[at];
    if (char === void 0) fail("unexpected end of the file");
    else if (char === "{") members(depth, "}", key);
    else if (char === "[") members(depth, "]", void 0);
    else if (char === '"') string();
    else if (char === "t") expect("true");
    else if (char === "f") expect("false");
    else if (char === "n") expect("null");
    else number();
  };
  const key = () => {
    if (text[at] === '"') return string();
    fail(at >= text.length ? "unexpected end of the file" : "expected a key");
  };
  const members = (depth, close, key2) => {
    at += 1;
    space();
    if (text[at] === close) return void (at += 1);
    for (; ; ) {
      if (key2) {
        space();
        key2();
        space();
        if (text[at] !== ":") fail('expected ":"');
        at += 1;
      }
      value(depth + 1);
      space();
      if (text[at] === ",") at += 1;
      else if (text[at] === close) return void (at += 1);
      else fail(text[at] === void 0 ? "unexpected end of the file" : `expected "," or "${close}"`);
    }
  };
  try {
    value(0);
    space();
    if (at < text.length) fail("unexpected text after the value");
    return void 0;
  } catch (error) {
    if (!(error instanceof Broken)) throw error;
    return { ...lineAndColumn(text, error.offset), problem: error.problem };
  }
}
function lineAndColumn(text, offset) {
  let line = 1;
  let start = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) {
    line += 1;
    start = index + 1;
  }
  return { line, column: offset - start + 1 };
}

// src/text/read-json.ts
var decoder = new TextDecoder();
function parseJson(input) {
  const text = typeof input === "string" ? input : decoder.decode(input);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const where = findJsonSyntaxError(text);
    const problem = where?.problem ?? "unreadable";
    const at = where ? ` at line ${where.line}, column ${where.column}` : "";
    return {
      ok: false,
      problem: {
        kind: "syntax",
        problem,
        line: where?.line,
        column: where?.column,
        message: `not JSON: ${problem}${at}`
      }
    };
  }
}
function readJson(input, schema) {
  const parsed = parseJson(input);
  if (!parsed.ok) return parsed;
  const checked = schema.safeParse(parsed.value);
  if (checked.success) return { ok: true, value: checked.data };
  const first = checked.error.issues[0];
  const path = first?.path.map(String).join(".") ?? "";
  const issue = first?.message ?? "does not match";
  return { ok: false, problem: { kind: "schema", path, issue, message: `${path || "(root)"}: ${issue}` } };
}

// src/registry/docker-config.ts
function homeRelative(path, home = homedir()) {
  if (home === "" || home === sep) return path;
  return path === home || path.startsWith(`${home}${sep}`) ? `~${path.slice(home.length)}` : path;
}
var DockerConfigFileSchema = external_exports.object({
  auths: external_exports.record(
    external_exports.string(),
    external_exports.object({
      auth: external_exports.string().optional(),
      username: external_exports.string().optional(),
      password: external_exports.string().optional(),
      identitytoken: external_exports.string().optional()
    })
  ).optional(),
  credHelpers: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  credsStore: external_exports.string().optional()
});
var HelperReplySchema = external_exports.object({ Username: external_exports.string(), Secret: external_exports.string() });
var helperNotFound = "credentials not found in native keychain";
function keyHost(key) {
  return key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split("/")[0].toLowerCase();
}
function hostsFor(domain) {
  return isDockerHub(domain) ? [...dockerHubAliases] : [domain.toLowerCase()];
}
var DockerCredentials = class {
  dir;
  onSecret;
  config;
  helperReplies = /* @__PURE__ */ new Map();
  helperLimits;
  constructor(dir, onSecret, helperLimits = {}) {
    this.dir = dir ?? process.env["DOCKER_CONFIG"] ?? join(homedir(), ".docker");
    this.onSecret = onSecret;
    this.helperLimits = { ...defaultHelperLimits, ...helperLimits };
  }
  get file() {
    return join(this.dir, "config.json");
  }
  async lookup(domain) {
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
    return void 0;
  }
  async fromHelper(name, serverUrl) {
    const credential = await this.askHelper(name, serverUrl);
    return credential && { credential, source: `docker-credential-${name}` };
  }
  async load() {
    let text;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return {};
      throw this.configError(`cannot be read (${error.message})`, error);
    }
    const read = readJson(text, DockerConfigFileSchema);
    if (read.ok) return read.value;
    const { problem } = read;
    if (problem.kind === "syntax") {
      const at = problem.line === void 0 ? "" : `:${problem.line}:${problem.column}`;
      throw this.configError(`is not valid JSON (${problem.problem})`, void 0, at);
    }
    throw this.configError(`has an unexpected shape at ${problem.path || "(root)"}: ${problem.issue}`);
  }
  fromAuthEntry(entry) {
    let { username, password } = entry;
    if (entry.auth) {
      this.onSecret(entry.auth);
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) throw this.configError('has an "auth" value that is not base64 of user:password');
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
    if (entry.identitytoken) {
      this.onSecret(entry.identitytoken);
      return { kind: "identity", username: username ?? "", identityToken: entry.identitytoken };
    }
    if (username !== void 0 && password !== void 0 && (username !== "" || password !== "")) {
      this.onSecret(password);
      return { kind: "basic", username, password };
    }
    return void 0;
  }
  askHelper(name, serverUrl) {
    const key = `${name}
${serverUrl}`;
    let reply = this.helperReplies.get(key);
    if (!reply) {
      reply = this.runHelper(name, serverUrl);
      this.helperReplies.set(key, reply);
    }
    return reply;
  }
  async runHelper(name, serverUrl) {
    const program = `docker-credential-${name}`;
    const failed = (reason) => new RegistryError({
      status: 0,
      code: RegistryErrorCode.CredentialHelper,
      retryable: false,
      message: `${program} get ${serverUrl} ${reason}`
    });
    const outcome = await runCredentialHelper(program, serverUrl, this.helperLimits);
    if (outcome.kind === "failed") throw failed(outcome.reason);
    const { code, stdout, stderr } = outcome;
    if (code !== 0) {
      if (stdout.includes(helperNotFound) || stderr.includes(helperNotFound)) return void 0;
      const detail = (stderr.trim() || stdout.trim()).split("\n")[0] ?? "";
      throw failed(`failed (exit ${code}): ${untrustedText(detail, 200)}`);
    }
    const read = readJson(stdout, HelperReplySchema);
    if (!read.ok) throw failed('printed no {"Username","Secret"} JSON');
    const { Username: username, Secret: secret } = read.value;
    this.onSecret(secret);
    if (username === "<token>") return { kind: "identity", username: "", identityToken: secret };
    return { kind: "basic", username, password: secret };
  }
  configError(what, cause, at = "") {
    return new RegistryError({
      status: 0,
      code: RegistryErrorCode.DockerConfig,
      retryable: false,
      message: at === "" ? `${this.file} ${what}` : `${this.file}${at}: ${what}`,
      cause
    });
  }
};

// src/registry/host-deadline.ts
import { AsyncLocalStorage } from "node:async_hooks";
var HostDeadline = class {
  host;
  ms;
  controller = new AbortController();
  timer;
  /** Operations under way on this host; the clock stops when there are none. */
  running = 0;
  /** Time spent with operations under way, before the current busy stretch. */
  busyMs = 0;
  busySince = 0;
  capTimer;
  constructor(host, ms) {
    this.host = host;
    this.ms = ms;
  }
  get signal() {
    return this.controller.signal;
  }
  /** Runs `operation` under this host's deadline: it settles at most `ms` after the host's last answer. */
  run(operation) {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.reject(signal.reason);
    this.running += 1;
    if (this.running === 1) {
      this.restart();
      this.startBusy();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      storage.run(this, operation).then(resolve, reject).finally(() => {
        signal.removeEventListener("abort", onAbort);
        this.running -= 1;
        if (this.running === 0) {
          this.stop();
          this.stopBusy();
        }
      });
    });
  }
  /** A reply from the host was read whole: it is making progress, so its clock starts again. */
  progress() {
    if (this.running > 0 && !this.controller.signal.aborted) this.restart();
  }
  restart() {
    this.stop();
    if (!timerCanWait(this.ms)) return;
    this.timer = this.failAfter(
      this.ms,
      `made no progress for ${seconds(this.ms)}, its registry-deadline`,
      `no progress for ${seconds(this.ms)} (registry-deadline)`
    );
  }
  stop() {
    clearTimeout(this.timer);
    this.timer = void 0;
  }
  startBusy() {
    const capMs = busyCapFactor * this.ms;
    if (!timerCanWait(capMs)) return;
    this.busySince = performance.now();
    this.capTimer = this.failAfter(
      Math.max(0, capMs - this.busyMs),
      `kept the run busy for ${seconds(capMs)}, ${busyCapFactor} times its registry-deadline`,
      `busy for ${seconds(capMs)} in all (${busyCapFactor} \xD7 registry-deadline)`
    );
  }
  /** A timer that fails the host (`why` after its name); it does not keep a finished run alive. */
  failAfter(ms, why, plain) {
    const timer = setTimeout(() => {
      this.controller.abort(
        new RegistryError({
          status: 0,
          code: RegistryErrorCode.HostDeadline,
          retryable: false,
          message: `${this.host} ${why}; its remaining references fail`,
          plain,
          unreachable: this.host
        })
      );
    }, ms);
    timer.unref();
    return timer;
  }
  stopBusy() {
    if (this.capTimer === void 0) return;
    clearTimeout(this.capTimer);
    this.capTimer = void 0;
    this.busyMs += performance.now() - this.busySince;
  }
};
var busyCapFactor = 30;
var longestTimerMs = 2 ** 31 - 1;
function timerCanWait(ms) {
  return Number.isFinite(ms) && ms <= longestTimerMs;
}
function seconds(ms) {
  return `${Math.ceil(ms / 1e3)} s`;
}
var storage = new AsyncLocalStorage();
function currentHostSignal() {
  return storage.getStore()?.signal;
}
function followHostDeadline(controller) {
  const signal = currentHostSignal();
  if (!signal) return () => {
  };
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {
    };
  }
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}
function noteHostProgress() {
  storage.getStore()?.progress();
}
function deadlineAwareFetch(inner) {
  return async (input, init) => {
    const deadline = storage.getStore();
    if (!deadline) return inner(input, init);
    return inner(input, init?.signal ? init : { ...init, signal: deadline.signal });
  };
}

// src/registry/media-types.ts
var MediaType = {
  OciIndex: "application/vnd.oci.image.index.v1+json",
  DockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  OciManifest: "application/vnd.oci.image.manifest.v1+json",
  DockerManifest: "application/vnd.docker.distribution.manifest.v2+json"
};
var manifestAccept = [
  MediaType.OciIndex,
  MediaType.DockerManifestList,
  MediaType.OciManifest,
  MediaType.DockerManifest
].join(", ");
var known = new Set(Object.values(MediaType));
function bareMediaType(contentType) {
  const bare = contentType?.split(";")[0]?.trim().toLowerCase();
  return bare === void 0 || bare === "" ? void 0 : bare;
}
function isManifestMediaType(mediaType) {
  return mediaType !== void 0 && known.has(mediaType);
}
function isIndexMediaType(mediaType) {
  return mediaType === MediaType.OciIndex || mediaType === MediaType.DockerManifestList;
}

// src/registry/schemas.ts
var PlatformSchema = external_exports.object({
  os: external_exports.string(),
  architecture: external_exports.string(),
  variant: external_exports.string().optional()
});
var annotations = external_exports.record(external_exports.string(), external_exports.string()).optional();
var DigestSchema = external_exports.string().refine(isDigest, "expected a digest such as sha256:<64 hex>");
var DescriptorSchema = external_exports.object({
  mediaType: external_exports.string(),
  digest: DigestSchema,
  size: external_exports.number().optional(),
  platform: PlatformSchema.optional(),
  annotations
});
var ImageIndexSchema = external_exports.object({
  schemaVersion: external_exports.literal(2),
  mediaType: external_exports.string().optional(),
  manifests: external_exports.array(DescriptorSchema),
  annotations
});
var ImageManifestSchema = external_exports.object({
  schemaVersion: external_exports.literal(2),
  mediaType: external_exports.string().optional(),
  config: DescriptorSchema,
  annotations
});
var ImageConfigSchema = external_exports.object({
  os: external_exports.string(),
  architecture: external_exports.string(),
  variant: external_exports.string().optional(),
  config: external_exports.object({ Labels: external_exports.record(external_exports.string(), external_exports.string()).nullish() }).nullish()
});
var ErrorResponseSchema = external_exports.object({
  errors: external_exports.array(external_exports.object({ code: external_exports.string(), message: external_exports.string().optional(), detail: external_exports.unknown().optional() })).min(1)
});
var TokenResponseSchema = external_exports.object({
  token: external_exports.string().min(1).optional(),
  access_token: external_exports.string().min(1).optional(),
  expires_in: external_exports.number().int().positive().optional(),
  issued_at: external_exports.string().optional(),
  refresh_token: external_exports.string().optional()
}).refine((reply) => reply.token !== void 0 || reply.access_token !== void 0, {
  message: 'token reply has neither "token" nor "access_token"'
});

// src/registry/response-error.ts
var codeByStatus = {
  401: RegistryErrorCode.Unauthorized,
  403: RegistryErrorCode.Denied,
  429: RegistryErrorCode.RateLimited
};
var specCode = /^[A-Z][A-Z0-9_]{0,63}$/;
function errorFromResponse(response, what, notFoundCode, context = {}) {
  const { status } = response;
  const parsed = parseErrorBody(response.body);
  const registryCode = parsed?.code !== void 0 && specCode.test(parsed.code) ? parsed.code : void 0;
  const code = registryCode ?? codeByStatus[status] ?? (status === 404 && notFoundCode ? notFoundCode : RegistryErrorCode.Http);
  const detail = parsed?.message ? `: ${untrustedText(parsed.message)}` : "";
  const subject = context.subject ?? what.slice(what.indexOf(" ") + 1);
  const plain = context.plain?.(status) ?? plainWords(subject, status, code, context.auth);
  return new RegistryError({
    status,
    code,
    retryable: status === 429 || status >= 500,
    message: `${what}: ${status} ${code}${detail}${plain ? ` (${plain})` : ""}`,
    plain: plain ?? `${status} ${code}${detail}`
  });
}
function plainWords(target, status, code, auth) {
  const at = target.lastIndexOf("@");
  const colon = target.lastIndexOf(":");
  const slash = target.lastIndexOf("/");
  const repository = at > 0 ? target.slice(0, at) : colon > slash ? target.slice(0, colon) : target;
  const tag = at < 0 && colon > slash ? target.slice(colon + 1) : void 0;
  const host = repository.slice(0, repository.indexOf("/") > 0 ? repository.indexOf("/") : void 0);
  if (code === RegistryErrorCode.ManifestUnknown || status === 404 && code !== "NAME_UNKNOWN") {
    return tag !== void 0 ? `tag ${tag} not found in ${repository}` : `not found in ${repository}`;
  }
  const how = auth === void 0 ? "" : ` (${auth})`;
  if (code === "NAME_UNKNOWN") return `repository ${repository} not found or not accessible${how}`;
  if (status === 401) return `authentication failed for ${host}${how}`;
  if (status === 403) return `access to ${repository} denied${how}`;
  return void 0;
}
function parseErrorBody(body) {
  if (body.length === 0) return void 0;
  const read = readJson(body, ErrorResponseSchema);
  if (!read.ok) return void 0;
  const [first] = read.value.errors;
  return first ? { code: first.code, message: first.message } : void 0;
}

// src/registry/discovery.ts
var tagPageSize = 100;
var TagListSchema = external_exports.object({ name: external_exports.string(), tags: external_exports.array(external_exports.string()).nullable() });
var ReferrersIndexSchema = external_exports.object({
  schemaVersion: external_exports.literal(2),
  manifests: external_exports.array(DescriptorSchema.extend({ artifactType: external_exports.string().optional() }))
});
var tagPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
async function fetchTagPage(endpoint, repository) {
  const what = `GET ${endpoint.host}/${repository} tags`;
  const response = await endpoint.request(repository, {
    kind: "get",
    method: "GET",
    path: `/v2/${repository}/tags/list?n=${tagPageSize}`,
    headers: { accept: "application/json" }
  });
  if (response.status !== 200) {
    throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown, {
      auth: endpoint.authLabel(),
      subject: `${endpoint.host}/${repository}`
    });
  }
  const read = readJson(response.body, TagListSchema);
  if (!read.ok) throw badResponse(`${what}: not a tag list (${read.problem.message})`);
  const tags = (read.value.tags ?? []).filter((tag) => tagPattern.test(tag));
  return { tags, more: /rel="?next"?/.test(response.headers.get("link") ?? "") };
}
function tagListed(page, tag) {
  if (page === void 0) return void 0;
  return page.tags.includes(tag) || (page.more ? void 0 : false);
}
var referrersApi = /* @__PURE__ */ new WeakMap();
async function fetchReferrers(endpoint, repository, digest, deps) {
  const what = `GET ${endpoint.host}/${repository} referrers of ${digest}`;
  const fromApi = await referrersFromApi(endpoint, repository, digest, what);
  if (fromApi !== void 0) return fromApi;
  const fallbackTag = digest.replace(":", "-");
  const listed = tagListed(deps.tags, fallbackTag);
  if (listed === false) return [];
  const isMissing2 = (error) => error instanceof RegistryError && error.status === 404;
  try {
    if (listed === void 0 && deps.head) await deps.head(fallbackTag);
    const index = await deps.get(fallbackTag);
    return referrersOf(index.bytes, `${what} (tag ${fallbackTag})`);
  } catch (error) {
    if (isMissing2(error)) return [];
    throw error;
  }
}
async function referrersFromApi(endpoint, repository, digest, what) {
  const learned = referrersApi.get(endpoint);
  if (learned !== void 0 && await learned === false) return void 0;
  let tell;
  if (learned === void 0) referrersApi.set(endpoint, new Promise((resolve) => tell = resolve));
  const settle = (supported) => {
    if (tell === void 0) return;
    if (supported === void 0) referrersApi.delete(endpoint);
    tell(supported);
  };
  try {
    const response = await endpoint.request(repository, {
      kind: "get",
      method: "GET",
      path: `/v2/${repository}/referrers/${digest}`,
      headers: { accept: MediaType.OciIndex }
    });
    settle(response.status === 200 ? true : response.status === 404 ? false : void 0);
    if (response.status === 200) return referrersOf(response.body, what);
    if (response.status === 404) return void 0;
    throw errorFromResponse(response, what, void 0, {
      auth: endpoint.authLabel(),
      subject: `${endpoint.host}/${repository}@${digest}`
    });
  } catch (error) {
    settle(void 0);
    throw error;
  }
}
function referrersOf(body, what) {
  const read = readJson(body, ReferrersIndexSchema);
  if (!read.ok) throw badResponse(`${what}: not an image index (${read.problem.message})`);
  return read.value.manifests.map((entry) => ({
    mediaType: entry.mediaType,
    digest: entry.digest,
    size: entry.size,
    artifactType: entry.artifactType,
    annotations: entry.annotations
  }));
}
function badResponse(message) {
  return new RegistryError({ status: 0, code: RegistryErrorCode.BadResponse, retryable: false, message });
}

// src/registry/challenge.ts
function parseChallenge(header) {
  if (header === null) return { scheme: "none" };
  const match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  if (scheme === "basic") return { scheme: "basic" };
  if (scheme !== "bearer") return { scheme: "none" };
  const params = parseParams(match?.[2] ?? "");
  const realm = params.get("realm");
  if (realm === void 0 || realm === "") return { scheme: "none" };
  return { scheme: "bearer", realm, service: params.get("service") };
}
function parseParams(text) {
  const params = /* @__PURE__ */ new Map();
  const param = /\s*([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/gy;
  for (let match = param.exec(text); match !== null; match = param.exec(text)) {
    const [, key = "", quoted, bare] = match;
    params.set(key.toLowerCase(), quoted !== void 0 ? quoted.replace(/\\(.)/g, "$1") : bare ?? "");
    if (param.lastIndex >= text.length) break;
  }
  return params;
}

// src/registry/hosts.ts
function registryHostFor(domain) {
  return isDockerHub(domain) ? dockerHub.registryHost : domain;
}
function hostnameOf(host) {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracket) return bracket[1] ?? host;
  const colon = host.lastIndexOf(":");
  return colon > 0 && host.indexOf(":") === colon ? host.slice(0, colon) : host;
}
function canonicalHostname(host) {
  try {
    return new URL(`http://${host}/`).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return hostnameOf(host).toLowerCase();
  }
}
function isLoopbackHost(host) {
  const name = canonicalHostname(host);
  return name === "localhost" || isLoopbackAddress(name);
}
var metadataHostnames = /* @__PURE__ */ new Set(["metadata.google.internal", "metadata.goog"]);
function forbiddenHostReason(host) {
  const name = canonicalHostname(host);
  if (metadataHostnames.has(name)) return "a cloud metadata host name";
  return forbiddenAddressReason(name);
}
function checkOutboundUrl(text, policy, what, base) {
  let url;
  try {
    url = new URL(text, base);
  } catch (cause) {
    throw unsafe(`${what} ${quoteUntrusted(text.replace(/\/\/[^/]*@/, "//***@"))} is not a valid URL`, cause);
  }
  if (url.username !== "" || url.password !== "") {
    url.username = "";
    url.password = "";
    throw unsafe(`${what} ${url.origin} carries credentials in the URL; refusing to follow it`);
  }
  const forbidden = forbiddenHostReason(url.host);
  if (forbidden !== void 0) {
    throw unsafe(`${what} ${url.origin} is ${forbidden}; refusing to contact it`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:") {
    if (policy.allowHttp || policy.registryIsLoopback && isLoopbackHost(url.host)) return url;
    throw unsafe(`${what} ${url.origin} uses plain http; mark the registry insecure to allow it`);
  }
  throw unsafe(`${what} ${quoteUntrusted(url.protocol)} is not an https URL`);
}
function unsafe(message, cause) {
  return new RegistryError({
    status: 0,
    code: RegistryErrorCode.UnsafeUrl,
    retryable: false,
    message,
    cause
  });
}

// src/registry/token-cache.ts
var TokenCache = class {
  tokens = /* @__PURE__ */ new Map();
  now;
  constructor(now = Date.now) {
    this.now = now;
  }
  get(scope) {
    const entry = this.tokens.get(scope);
    if (entry === void 0) return void 0;
    if (entry.expiresAt > this.now()) return entry.token;
    this.tokens.delete(scope);
    return void 0;
  }
  /** Keeps a token a little less than it lives, so it does not expire in flight. */
  set(scope, token, expiresInSeconds) {
    const marginMs = Math.min(1e4, expiresInSeconds * 1e3 / 10);
    this.tokens.set(scope, { token, expiresAt: this.now() + expiresInSeconds * 1e3 - marginMs });
  }
};

// src/registry/endpoint.ts
var defaultTokenSeconds = 60;
var maxScopesPerToken = 50;
function authFailure(status, host, auth) {
  return status === 401 || status === 403 ? `authentication failed for ${host} (${auth})` : void 0;
}
function isBrokenReply(error) {
  return error instanceof RegistryError && error.status === 0 && error.code === RegistryErrorCode.BadResponse && error.unreachable === void 0;
}
function pullScope(repository) {
  return `repository:${repository}:pull`;
}
var Endpoint = class {
  host;
  init;
  policy;
  pinged;
  /**
   * Challenges a 401 named for one repository: they apply to that repository
   * only, so a hostile or broken realm on one repository cannot fail the
   * host's healthy ones (issue 8 §6).
   */
  challenges = /* @__PURE__ */ new Map();
  credentialPromise;
  /** Where the credentials came from, once looked up and found. */
  credentialSource;
  tokens = new TokenCache();
  inflight = /* @__PURE__ */ new Map();
  constructor(init) {
    this.init = init;
    this.host = init.host;
    this.policy = {
      allowHttp: init.schemes.includes("http:"),
      registryIsLoopback: isLoopbackHost(init.host)
    };
  }
  async request(repository, request) {
    const { origin, challenge: pinged } = await this.ping();
    const url = new URL(request.path, origin);
    const send = (authorization2) => this.init.transport.send({
      kind: request.kind,
      method: request.method,
      url,
      headers: { ...request.headers, ...authorization2 ? { authorization: authorization2 } : {} },
      policy: this.policy,
      viaMirror: this.init.viaMirror
    });
    const challenge = this.challenges.get(repository) ?? pinged;
    const response = await send(await this.authorization(challenge, repository, false));
    if (response.status !== 401) return response;
    const fresh = parseChallenge(response.headers.get("www-authenticate"));
    if (fresh.scheme === "none") return response;
    this.challenges.set(repository, fresh);
    const authorization = await this.authorization(fresh, repository, true);
    return authorization === void 0 ? response : send(authorization);
  }
  /** One token request for many repositories; on failure each repository gets its own token later. */
  async prepare(repositories) {
    const { challenge } = await this.ping();
    if (challenge.scheme !== "bearer") return;
    const scopes = [...new Set(repositories.map(pullScope))].filter((scope) => !this.tokens.get(scope));
    if (scopes.length < 2) return;
    for (let start = 0; start < scopes.length; start += maxScopesPerToken) {
      const chunk = scopes.slice(start, start + maxScopesPerToken);
      try {
        const { token, expiresIn } = await this.fetchToken(challenge, chunk);
        for (const scope of chunk) this.tokens.set(scope, token, expiresIn);
      } catch (error) {
        this.init.log(
          `${this.host}: a token for ${chunk.length} repositories was refused (${error.message}); asking per repository`
        );
      }
    }
  }
  ping() {
    return this.pinged ??= this.pingOnce().catch((error) => {
      if (isBrokenReply(error)) this.pinged = void 0;
      throw error;
    });
  }
  async pingOnce() {
    const { schemes } = this.init;
    const forbidden = forbiddenHostReason(this.host);
    if (forbidden !== void 0) {
      throw new RegistryError({
        status: 0,
        code: RegistryErrorCode.UnsafeUrl,
        retryable: false,
        message: `${this.host} is ${forbidden}; refusing to contact it`
      });
    }
    for (const [index, scheme] of schemes.entries()) {
      const last = index === schemes.length - 1;
      const url = new URL(`${scheme}//${this.host}/v2/`);
      let response;
      try {
        response = await this.init.transport.send({
          kind: "ping",
          method: "GET",
          url,
          policy: this.policy,
          viaMirror: this.init.viaMirror,
          retry: last
        });
      } catch (error) {
        if (last || !(error instanceof RegistryError) || error.status !== 0) throw error;
        this.init.log(`${url.origin} unreachable (${error.message}); trying plain http (insecure registry)`);
        continue;
      }
      if (response.status === 401) {
        return { origin: url.origin, challenge: parseChallenge(response.headers.get("www-authenticate")) };
      }
      if (response.status >= 200 && response.status < 300)
        return { origin: url.origin, challenge: { scheme: "none" } };
      throw errorFromResponse(response, `GET ${url.href} (registry ping)`, void 0, {
        plain: (status) => authFailure(status, this.host, this.authLabel())
      });
    }
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.InvalidOptions,
      retryable: false,
      message: `${this.host}: no scheme to reach it by`
    });
  }
  async authorization(challenge, repository, fresh) {
    if (challenge.scheme === "none") return void 0;
    if (challenge.scheme === "basic") {
      const credential = await this.credential();
      if (credential?.kind !== "basic") return void 0;
      return this.basic(credential);
    }
    return `Bearer ${await this.token(challenge, pullScope(repository), fresh)}`;
  }
  token(challenge, scope, fresh) {
    const cached = fresh ? void 0 : this.tokens.get(scope);
    if (cached !== void 0) return Promise.resolve(cached);
    const key = `${fresh}
${scope}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchToken(challenge, [scope]).then(({ token, expiresIn }) => {
        this.tokens.set(scope, token, expiresIn);
        return token;
      }).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
  /** https://distribution.github.io/distribution/spec/auth/token/ and …/auth/oauth/ for identity tokens. */
  async fetchToken(challenge, scopes) {
    const realm = checkOutboundUrl(challenge.realm, this.policy, `${this.host}: WWW-Authenticate realm`);
    const credential = await this.credential();
    const headers = {};
    let method = "GET";
    let body;
    if (credential?.kind === "identity") {
      method = "POST";
      headers["content-type"] = "application/x-www-form-urlencoded";
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: credential.identityToken
      });
      if (challenge.service !== void 0) form.set("service", challenge.service);
      form.set("scope", scopes.join(" "));
      form.set("client_id", "basepin");
      body = form.toString();
    } else {
      if (challenge.service !== void 0) realm.searchParams.set("service", challenge.service);
      for (const scope of scopes) realm.searchParams.append("scope", scope);
      if (credential?.kind === "basic") {
        headers["authorization"] = this.basic(credential);
      }
    }
    const response = await this.init.transport.send({
      kind: "token",
      method,
      url: realm,
      headers,
      body,
      policy: this.policy
    });
    const what = `token for ${scopes.join(" ")} from ${realm.origin}${realm.pathname}`;
    if (response.status < 200 || response.status >= 300) {
      throw errorFromResponse(response, what, void 0, {
        plain: (status) => authFailure(status, this.host, this.authLabel())
      });
    }
    const read = readJson(response.body, TokenResponseSchema);
    if (!read.ok) {
      throw new RegistryError({
        status: response.status,
        code: RegistryErrorCode.BadResponse,
        retryable: false,
        message: `${what}: the reply is not a token response (${read.problem.message})`
      });
    }
    const reply = read.value;
    const token = reply.token ?? reply.access_token ?? "";
    this.init.onSecret(token);
    if (reply.refresh_token) this.init.onSecret(reply.refresh_token);
    return { token, expiresIn: reply.expires_in ?? defaultTokenSeconds };
  }
  /** The header value is as secret as the password: base64 is not a mask. */
  basic(credential) {
    const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString("base64");
    this.init.onSecret(encoded);
    return `Basic ${encoded}`;
  }
  credential() {
    return this.credentialPromise ??= this.init.credential().then((found) => {
      this.credentialSource = found?.source;
      return found?.credential;
    });
  }
  /**
   * Which credentials requests carried, for auth errors (issue 12): none
   * were looked up, or none found, means we were anonymous. A label only.
   */
  authLabel() {
    return this.credentialSource === void 0 ? "anonymous" : `credentials from ${this.credentialSource}`;
  }
};

// src/registry/source-failures.ts
function allSourcesFailed(failures) {
  const last = failures.at(-1);
  if (last === void 0) return new Error("unreachable: no source was asked");
  if (failures.length === 1 || !(last.error instanceof RegistryError)) return last.error;
  const answers = failures.map(({ role, host, error }) => `${role} ${host}: ${answerOf(error)}`);
  return new RegistryError({
    status: last.error.status,
    code: last.error.code,
    retryable: last.error.retryable,
    message: answers.join("; "),
    plain: answers.join("; "),
    cause: last.error
  });
}
function answerOf(error) {
  if (error instanceof RegistryError) return error.plain ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

// src/registry/sources.ts
function prefixed(prefix, repository) {
  return prefix === "" ? repository : `${prefix}/${repository}`;
}

// src/registry/source-set.ts
var SourceSet = class {
  init;
  insecure;
  mirrors;
  aliases;
  sources = /* @__PURE__ */ new Map();
  /** Tokens being warmed per endpoint; its requests wait for that endpoint's warm-up only. */
  warming = /* @__PURE__ */ new Map();
  /** Endpoints that could not be reached, with the first failure: not asked again this run. */
  down = /* @__PURE__ */ new Map();
  constructor(init) {
    this.init = init;
    this.insecure = new Set(init.insecureRegistries.map((host) => host.toLowerCase()));
    this.mirrors = new Map(Object.entries(init.mirrors));
    this.aliases = new Map(Object.entries(init.registryAliases));
  }
  /** The registry (or its alias, which replaces it), and the mirrors to fall back on. */
  sourcesFor(ref) {
    const upstream = registryHostFor(ref.domain);
    const alias = this.aliases.get(ref.domain) ?? this.aliases.get(upstream);
    if (alias) return { primary: this.fromUrl(alias, "alias"), mirrors: [] };
    const schemes = this.isInsecure(ref.domain, upstream) ? ["https:", "http:"] : ["https:"];
    const mirrors = this.mirrors.get(ref.domain) ?? this.mirrors.get(upstream) ?? [];
    return {
      primary: this.source(upstream, schemes, ref.domain, "upstream", ""),
      mirrors: mirrors.map((url) => this.fromUrl(url, "mirror"))
    };
  }
  /**
   * Tags are asked of the registry itself: a mirror may be stale or lie. Its
   * mirrors answer only when it cannot be reached, and say so (`fromMirror`).
   */
  async upstreamFirst(ref, operation) {
    const { primary, mirrors } = this.sourcesFor(ref);
    try {
      return await this.onSource(primary, operation);
    } catch (error) {
      if (mirrors.length === 0 || !cannotReach(error)) throw error;
      this.init.log(
        `${primary.endpoint.host} cannot be reached (${error.message}); asking its mirrors`
      );
      const asked = [{ role: primary.role, host: primary.endpoint.host, error }];
      return this.firstAnswer(
        ref,
        mirrors,
        async (mirror) => ({ ...await operation(mirror), fromMirror: mirror.endpoint.host }),
        asked
      );
    }
  }
  /** Content by digest is verified wherever it comes from: mirrors first (they spare the registry's pull limits). */
  mirrorsFirst(ref, operation) {
    const { primary, mirrors } = this.sourcesFor(ref);
    return this.firstAnswer(ref, [...mirrors, primary], operation);
  }
  /** Starts warming tokens per host and returns: each host's references wait for their own host only. */
  prepare(refs) {
    const byEndpoint = /* @__PURE__ */ new Map();
    for (const ref of refs) {
      const { primary } = this.sourcesFor(ref);
      let entry = byEndpoint.get(primary.endpoint);
      if (!entry) {
        entry = { from: primary, repositories: /* @__PURE__ */ new Set() };
        byEndpoint.set(primary.endpoint, entry);
      }
      entry.repositories.add(prefixed(primary.prefix, ref.path));
    }
    for (const [endpoint, { from, repositories }] of byEndpoint) {
      if (this.warming.has(endpoint)) continue;
      const warm = from.deadline.run(() => endpoint.prepare([...repositories])).catch((error) => {
        this.init.log(`${endpoint.host}: could not prepare tokens (${error.message})`);
      });
      this.warming.set(endpoint, warm);
    }
  }
  /** Each source in turn until one answers; when none does, the error names each with its answer. */
  async firstAnswer(ref, candidates, operation, failedBefore = []) {
    const failures = [...failedBefore];
    for (const [index, candidate] of candidates.entries()) {
      try {
        return await this.onSource(candidate, operation);
      } catch (error) {
        failures.push({ role: candidate.role, host: candidate.endpoint.host, error });
        if (index === candidates.length - 1) break;
        this.init.log(
          `${candidate.endpoint.host} failed for ${ref.name} (${error.message}); trying the next source`
        );
      }
    }
    throw allSourcesFailed(failures);
  }
  /** Runs `operation` on one source under its host's deadline, once its tokens are warm; remembers a dead host. */
  async onSource(from, operation) {
    const { endpoint } = from;
    const dead = this.down.get(endpoint);
    if (dead) {
      throw new RegistryError({
        status: 0,
        code: dead.code,
        retryable: false,
        message: `${endpoint.host} could not be reached earlier in this run (${dead.message})`,
        plain: `${dead.plain ?? dead.message}, earlier in this run`,
        unreachable: dead.unreachable
      });
    }
    try {
      return await from.deadline.run(async () => {
        await this.warming.get(endpoint);
        return operation(from);
      });
    } catch (error) {
      if (isUnreachable(error) && !this.down.has(endpoint)) this.down.set(endpoint, error);
      throw error;
    }
  }
  // Like dockerd (127.0.0.0/8 is insecure by default) and go-containerregistry (localhost → http):
  // a registry on loopback may answer plain http without being listed.
  isInsecure(...hosts) {
    return hosts.some((host) => this.insecure.has(host.toLowerCase()) || isLoopbackHost(host));
  }
  fromUrl(url, role) {
    const schemes = url.plainHttp ? ["http:"] : this.isInsecure(url.host) ? ["https:", "http:"] : ["https:"];
    return this.source(url.host, schemes, url.host, role, url.prefix);
  }
  source(host, schemes, credentialHost, role, prefix) {
    const mirror = role === "mirror";
    const key = `${schemes.join("+")}//${host}`;
    let found = this.sources.get(key);
    if (!found) {
      const { transport, onSecret, log } = this.init;
      const endpoint = new Endpoint({
        host,
        schemes,
        viaMirror: mirror,
        transport,
        credential: () => this.init.credentialFor(credentialHost),
        onSecret,
        log
      });
      found = { endpoint, deadline: new HostDeadline(host, this.init.hostDeadlineMs) };
      this.sources.set(key, found);
    }
    return { ...found, mirror, role, prefix };
  }
};
function isUnreachable(error) {
  return error instanceof RegistryError && error.unreachable !== void 0;
}
function cannotReach(error) {
  if (isUnreachable(error)) return true;
  return error instanceof RegistryError && (error.status >= 500 || error.status === 429 || error.code === RegistryErrorCode.PullBudgetExhausted || error.code === RegistryErrorCode.RateLimited);
}

// src/registry/limiter.ts
var Limiter = class {
  limit;
  active = 0;
  waiting = [];
  constructor(limit) {
    this.limit = Math.max(1, Math.floor(limit));
  }
  async run(task) {
    if (this.active >= this.limit) await new Promise((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
};
var KeyedLimiter = class {
  limit;
  limiters = /* @__PURE__ */ new Map();
  constructor(limit) {
    this.limit = limit;
  }
  run(key, task) {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new Limiter(this.limit);
      this.limiters.set(key, limiter);
    }
    return limiter.run(task);
  }
};

// src/registry/network-failure.ts
var certificateCodes = /* @__PURE__ */ new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "HOSTNAME_MISMATCH"
]);
var brokenReplyCodes = /* @__PURE__ */ new Set([
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "UND_ERR_HEADERS_OVERFLOW",
  "UND_ERR_RES_EXCEEDED_MAX_SIZE",
  "UND_ERR_INFO"
]);
function causeOf(error) {
  const outer = error;
  const inner = outer?.cause ?? error;
  const text = (value) => typeof value === "string" && value !== "" ? value : void 0;
  return { name: text(inner?.name), code: text(inner?.code), message: text(inner?.message) };
}
function classifyNetworkFailure(error, host) {
  const cause = causeOf(error);
  const code = cause.code ?? "";
  const detail = untrustedText([cause.code ?? cause.name, cause.message].filter(Boolean).join(" "), 300);
  const failure2 = (scope, retryable, words) => ({
    scope,
    retryable,
    words,
    detail
  });
  if (cause.name === "HTTPParserError" || code.startsWith("HPE_") || brokenReplyCodes.has(code)) {
    const reason = /\(([^()]+)\)$/.exec(cause.message ?? "")?.[1] ?? cause.message ?? code;
    return failure2("exchange", true, `${host} sent a reply that breaks HTTP (${untrustedText(reason, 120)})`);
  }
  if (code === "UND_ERR_SOCKET") return failure2("exchange", true, `${host} closed the connection mid-reply`);
  if (code === "ENOTFOUND" || code === "EAI_NONAME" || code === "EAI_FAIL" || code === "EAI_NODATA") {
    return failure2("host", false, `host not found: ${host}`);
  }
  if (code === "EAI_AGAIN") return failure2("host", true, `host not found: ${host} (the DNS lookup failed)`);
  if (code === "ECONNREFUSED") return failure2("host", false, `connection refused by ${host}`);
  if (["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN"].includes(code)) {
    return failure2("host", false, `${host} unreachable: no route to it`);
  }
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") {
    return failure2("host", true, `could not connect to ${host} in time`);
  }
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return failure2("host", true, `no answer from ${host} in time`);
  }
  if (code.startsWith("CERT_") || certificateCodes.has(code) || code.startsWith("ERR_TLS_")) {
    return failure2(
      "host",
      false,
      `TLS certificate problem with ${host}: ${untrustedText(cause.message ?? code, 200)}`
    );
  }
  if (code.startsWith("ERR_SSL_") || code === "EPROTO") {
    return failure2(
      "host",
      false,
      `TLS handshake with ${host} failed: ${untrustedText(cause.message ?? code, 200)}`
    );
  }
  if (code === "ECONNRESET" || code === "EPIPE")
    return failure2("host", true, `connection to ${host} was reset`);
  return failure2("host", false, `could not reach ${host} (${detail || "no reason given"})`);
}

// src/registry/retry-timing.ts
function retryAfterMs(header, now = Date.now()) {
  if (header === null) return void 0;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const date = Date.parse(text);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function backoffMs(attempt, baseMs, capMs = 2e4, random = Math.random) {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}
function parseRateLimitRemaining(header) {
  const match = header === null ? null : /^\s*(\d+)/.exec(header);
  return match ? Number(match[1]) : void 0;
}

// src/registry/docker-hub-pulls.ts
var DockerHubPulls = class {
  floor;
  announced;
  inFlight = 0;
  constructor(floor) {
    this.floor = floor;
  }
  left() {
    return this.announced === void 0 ? void 0 : this.announced - this.inFlight;
  }
  /** Runs `send`: a pull is refused at the floor (named by `describe`), and counted while under way. */
  async spend(request, describe2, send) {
    if (!isPull(request)) return send();
    const left = this.left();
    if (left !== void 0 && left <= this.floor) {
      throw new RegistryError({
        status: 0,
        code: RegistryErrorCode.PullBudgetExhausted,
        retryable: true,
        message: `${describe2()}: Docker Hub reports ${this.announced} pulls left in this window, ${this.inFlight} under way; basepin stops issuing manifest GETs at ${this.floor} (HEAD requests continue); log in or retry later`
      });
    }
    this.inFlight += 1;
    try {
      return await send();
    } finally {
      this.inFlight -= 1;
    }
  }
  /** Takes in what a Docker Hub reply announces is left. */
  note(url, headers) {
    if (url.host !== dockerHub.registryHost) return;
    const remaining = parseRateLimitRemaining(headers.get("ratelimit-remaining"));
    if (remaining !== void 0) this.announced = remaining;
  }
};
function isPull(request) {
  return request.method === "GET" && request.url.host === dockerHub.registryHost && request.url.pathname.includes("/manifests/");
}

// src/registry/transport.ts
var maxRedirects = 5;
var maxBodyBytes = 32 * 1024 * 1024;
var redirectStatuses = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var retryableStatuses = /* @__PURE__ */ new Set([500, 502, 503, 504]);
var brokenReplyRetries = 1;
var Transport = class {
  settings;
  limiter;
  pulls;
  constructor(settings) {
    this.settings = settings;
    this.limiter = new KeyedLimiter(settings.concurrencyPerHost);
    this.pulls = new DockerHubPulls(settings.dockerHubPullFloor);
  }
  async send(request) {
    const retries = request.retry === false ? 0 : this.settings.maxRetries;
    return this.pulls.spend(
      request,
      () => describe(request),
      () => this.sendWithRetries(request, retries)
    );
  }
  async sendWithRetries(request, retries) {
    const { stats } = this.settings;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) stats.retries += 1;
      stats[request.kind] += 1;
      let response;
      try {
        response = await this.sendOnce(request);
      } catch (error) {
        const failure2 = toRegistryError(error, request, this.settings.timeoutMs);
        const limit = failure2.unreachable === void 0 ? Math.min(retries, brokenReplyRetries) : retries;
        if (!failure2.retryable || attempt >= limit) throw failure2;
        await this.settings.sleep(backoffMs(attempt, this.settings.retryBaseDelayMs));
        continue;
      }
      if (request.viaMirror) stats.mirror += 1;
      this.pulls.note(response.url, response.headers);
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get("retry-after"));
        if (wait !== void 0 && wait > this.settings.maxRetryWaitMs) {
          throw new RegistryError({
            status: 429,
            code: RegistryErrorCode.RateLimited,
            retryable: true,
            message: `${describe(request)}: rate limited; the registry asks to wait ${Math.ceil(wait / 1e3)} s, more than the ${Math.ceil(this.settings.maxRetryWaitMs / 1e3)} s basepin waits`
          });
        }
        if (attempt >= retries) return response;
        await this.settings.sleep(wait ?? backoffMs(attempt, this.settings.retryBaseDelayMs));
        continue;
      }
      if (retryableStatuses.has(response.status) && attempt < retries) {
        await this.settings.sleep(backoffMs(attempt, this.settings.retryBaseDelayMs));
        continue;
      }
      return response;
    }
  }
  async sendOnce(request) {
    let url = request.url;
    let method = request.method;
    let body = request.body;
    const headers = new Headers(request.headers);
    for (let hop = 0; hop <= maxRedirects; hop += 1) {
      const current = url;
      const forbidden = forbiddenHostReason(current.host);
      if (forbidden !== void 0) {
        throw new RegistryError({
          status: 0,
          code: RegistryErrorCode.UnsafeUrl,
          retryable: false,
          message: `${describe(request)}: ${current.origin} is ${forbidden}; refusing to contact it`
        });
      }
      const result = await this.limiter.run(current.host, async () => {
        const timeout = new AbortController();
        const unfollow = followHostDeadline(timeout);
        const timer = setTimeout(
          () => timeout.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
          this.settings.timeoutMs
        );
        try {
          const init = {
            method,
            headers,
            body,
            redirect: "manual",
            signal: timeout.signal
          };
          if (this.settings.dispatcher !== void 0) init.dispatcher = this.settings.dispatcher;
          const response = await this.settings.fetch(current, init);
          const location = response.headers.get("location");
          if (redirectStatuses.has(response.status) && location !== null) {
            await response.body?.cancel();
            noteHostProgress();
            return { location };
          }
          const bytes = await readBody(response);
          noteHostProgress();
          return { response, bytes };
        } finally {
          clearTimeout(timer);
          unfollow();
        }
      });
      if ("location" in result) {
        const next = checkOutboundUrl(
          result.location,
          request.policy,
          `${describe(request)}: redirect Location header`,
          current
        );
        if (next.origin !== current.origin) headers.delete("authorization");
        if (next.protocol === "http:" && current.protocol === "https:" && !request.policy.allowHttp) {
          throw new RegistryError({
            status: 0,
            code: RegistryErrorCode.UnsafeUrl,
            retryable: false,
            message: `${describe(request)}: refusing a redirect from https to ${next.origin}`
          });
        }
        if (method === "POST") {
          method = "GET";
          body = void 0;
          headers.delete("content-type");
        }
        url = next;
        continue;
      }
      return { status: result.response.status, headers: result.response.headers, url, body: result.bytes };
    }
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.BadResponse,
      retryable: false,
      message: `${describe(request)}: more than ${maxRedirects} redirects`
    });
  }
  /** Docker Hub's pulls left, as the run knows them (`DockerHubPulls`). */
  dockerHubPullsLeft() {
    return this.pulls.left();
  }
};
async function readBody(response) {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes) {
    await response.body?.cancel();
    throw tooLarge(response, `${declared} bytes`);
  }
  if (response.body === null) return new Uint8Array();
  const chunks = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBodyBytes) throw tooLarge(response, `over ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
function tooLarge(response, size) {
  return new RegistryError({
    status: response.status,
    code: RegistryErrorCode.BadResponse,
    retryable: false,
    message: `${response.url || "response"} is ${size}, more than basepin reads`
  });
}
function describe(request) {
  return `${request.method} ${request.url.origin}${request.url.pathname}`;
}
function toRegistryError(error, request, timeoutMs) {
  if (error instanceof RegistryError) return error;
  const { host } = request.url;
  const refused = error?.cause;
  if (refused?.code === forbiddenAddressCode) {
    return new RegistryError({
      status: 0,
      code: RegistryErrorCode.UnsafeUrl,
      retryable: false,
      message: `${describe(request)}: ${String(refused.message)}`,
      cause: error
    });
  }
  const name = error?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    const words = `no answer from ${host} within ${Math.ceil(timeoutMs / 1e3)} s`;
    return new RegistryError({
      status: 0,
      code: RegistryErrorCode.Timeout,
      retryable: true,
      message: words,
      plain: words,
      unreachable: host,
      cause: error
    });
  }
  const failure2 = classifyNetworkFailure(error, host);
  return new RegistryError({
    status: 0,
    code: failure2.scope === "host" ? RegistryErrorCode.Network : RegistryErrorCode.BadResponse,
    retryable: failure2.retryable,
    message: failure2.words,
    plain: failure2.words,
    unreachable: failure2.scope === "host" ? host : void 0,
    cause: error
  });
}

// src/registry/verify.ts
import { createHash } from "node:crypto";
function digestOf(bytes, like = "sha256:") {
  const algorithm = like.slice(0, like.indexOf(":"));
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}
function wellFormedDigest(header) {
  const value = header?.trim();
  return value !== void 0 && isDigest(value) ? value : void 0;
}
function verifyDigest(bytes, expected, what) {
  const actual = digestOf(bytes, expected);
  if (actual !== expected) {
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.DigestMismatch,
      retryable: false,
      message: `${what}: the bytes served hash to ${actual}, not ${expected}`
    });
  }
  return actual;
}
function checkManifestBody(contentType, body, what) {
  const header = bareMediaType(contentType);
  const read = parseJson(body);
  if (!read.ok) throw badManifest(what, `the body is ${read.problem.message} (${body.byteLength} bytes)`);
  const declared = read.value?.mediaType;
  if (declared !== void 0 && typeof declared !== "string") {
    throw badManifest(what, "its mediaType is not a string");
  }
  const headerIsManifest = isManifestMediaType(header);
  if (headerIsManifest && declared !== void 0 && declared !== header) {
    throw badManifest(what, `Content-Type says ${header} but the body says ${declared}`);
  }
  const mediaType = headerIsManifest ? header : declared;
  if (!isManifestMediaType(mediaType)) {
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.UnsupportedMediaType,
      retryable: false,
      message: `${what}: served ${header ?? "no Content-Type"}, not an OCI or Docker v2 manifest or index`
    });
  }
  const schema = isIndexMediaType(mediaType) ? ImageIndexSchema : ImageManifestSchema;
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join(".")}` : "";
    throw badManifest(what, `not a valid ${mediaType}${where} (${issue?.message ?? "invalid"})`);
  }
  return mediaType;
}
function badManifest(what, detail) {
  return new RegistryError({
    status: 0,
    code: RegistryErrorCode.BadResponse,
    retryable: false,
    message: `${what}: ${detail}`
  });
}

// src/registry/client.ts
var defaults = {
  concurrencyPerRegistry: 8,
  requestTimeoutMs: 3e4,
  maxRetries: 3,
  retryBaseDelayMs: 500,
  maxRetryWaitMs: 6e4,
  dockerHubPullFloor: 5,
  hostDeadlineMs: 6e4
};
var headUnsupportedStatuses = /* @__PURE__ */ new Set([400, 405, 501]);
function createRegistryClient(options = {}) {
  const stats = {
    ping: 0,
    token: 0,
    head: 0,
    get: 0,
    mirror: 0,
    retries: 0,
    dockerHubPulls: 0
  };
  const onSecret = (secret) => {
    if (secret !== "") options.onSecret?.(secret);
  };
  const log = (message) => options.log?.(untrustedText(message, 2e3));
  const transport = new Transport({
    fetch: deadlineAwareFetch(options.fetch ?? ((input, init) => fetch(input, init))),
    dispatcher: options.dispatcher,
    timeoutMs: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    maxRetries: Math.max(0, options.maxRetries ?? defaults.maxRetries),
    retryBaseDelayMs: options.retryBaseDelayMs ?? defaults.retryBaseDelayMs,
    maxRetryWaitMs: options.maxRetryWaitMs ?? defaults.maxRetryWaitMs,
    concurrencyPerHost: options.concurrencyPerRegistry ?? defaults.concurrencyPerRegistry,
    dockerHubPullFloor: options.dockerHubPullFloor ?? defaults.dockerHubPullFloor,
    // A retry's wait ends with its host's deadline too.
    sleep: options.sleep ?? ((ms) => delay(ms, void 0, { signal: currentHostSignal() })),
    stats
  });
  const credentialFor = async (host) => {
    const explicit = options.credentials?.[host] ?? (host === dockerHub.domain ? dockerHubExplicit() : void 0);
    if (explicit) {
      onSecret(explicit.password);
      return {
        credential: { kind: "basic", username: explicit.username, password: explicit.password },
        source: explicit.source ?? "the registry-credentials setting"
      };
    }
    return dockerCredentials.lookup(host);
  };
  const dockerHubExplicit = () => dockerHubAliases.map((alias) => options.credentials?.[alias]).find((found) => found !== void 0);
  const dockerCredentials = new DockerCredentials(options.dockerConfigDir, onSecret, {
    ...options.credentialHelperTimeoutMs !== void 0 && { timeoutMs: options.credentialHelperTimeoutMs }
  });
  const sources = new SourceSet({
    transport,
    credentialFor,
    onSecret,
    log,
    insecureRegistries: options.insecureRegistries ?? [],
    mirrors: options.mirrors ?? {},
    registryAliases: options.registryAliases ?? {},
    hostDeadlineMs: options.hostDeadlineMs ?? defaults.hostDeadlineMs
  });
  const getManifest = async (from, ref, tagOrDigest) => {
    const repository = prefixed(from.prefix, ref.path);
    const what = `GET ${from.endpoint.host}/${repository}${atTagOrDigest(tagOrDigest)}`;
    if (from.endpoint.host === dockerHub.registryHost) stats.dockerHubPulls += 1;
    const response = await from.endpoint.request(repository, {
      kind: "get",
      method: "GET",
      path: `/v2/${repository}/manifests/${tagOrDigest}`,
      headers: { accept: manifestAccept }
    });
    if (response.status !== 200) {
      throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown, {
        auth: from.endpoint.authLabel()
      });
    }
    const claimed = wellFormedDigest(response.headers.get("docker-content-digest"));
    const asked = wellFormedDigest(tagOrDigest);
    if (asked !== void 0 && claimed !== void 0 && claimed !== asked) {
      throw new RegistryError({
        status: 0,
        code: RegistryErrorCode.DigestMismatch,
        retryable: false,
        message: `${what}: the registry answered with ${claimed}`
      });
    }
    const expected = asked ?? claimed;
    const digest = expected !== void 0 ? verifyDigest(response.body, expected, what) : digestOf(response.body);
    const mediaType = checkManifestBody(response.headers.get("content-type"), response.body, what);
    return { digest, mediaType, bytes: response.body, verified: true };
  };
  const headManifest = async (from, ref, tag) => {
    const repository = prefixed(from.prefix, ref.path);
    const what = `HEAD ${from.endpoint.host}/${repository}${atTagOrDigest(tag)}`;
    const response = await from.endpoint.request(repository, {
      kind: "head",
      method: "HEAD",
      path: `/v2/${repository}/manifests/${tag}`,
      headers: { accept: manifestAccept }
    });
    if (response.status === 200) {
      const digest2 = wellFormedDigest(response.headers.get("docker-content-digest"));
      const mediaType2 = bareMediaType(response.headers.get("content-type"));
      const asked = wellFormedDigest(tag);
      if (digest2 !== void 0 && (asked === void 0 || asked === digest2) && isManifestMediaType(mediaType2)) {
        return { digest: digest2, mediaType: mediaType2 };
      }
      log(
        `${what}: no usable Docker-Content-Digest/Content-Type (${mediaType2 ?? "none"}); reading the manifest`
      );
    } else if (!headUnsupportedStatuses.has(response.status)) {
      throw errorFromResponse(response, what, RegistryErrorCode.ManifestUnknown, {
        auth: from.endpoint.authLabel()
      });
    }
    const { digest, mediaType } = await getManifest(from, ref, tag);
    return { digest, mediaType, verified: true };
  };
  return {
    resolveTag: (ref) => sources.upstreamFirst(ref, (from) => headManifest(from, ref, ref.trackedTag)),
    describeManifest: (ref, tagOrDigest) => sources.upstreamFirst(ref, (from) => headManifest(from, ref, tagOrDigest)),
    fetchManifest: async (ref, tagOrDigest) => {
      if (wellFormedDigest(tagOrDigest) !== void 0) {
        return sources.mirrorsFirst(ref, async (from) => {
          const manifest = await getManifest(from, ref, tagOrDigest);
          return from.mirror ? { ...manifest, fromMirror: from.endpoint.host } : manifest;
        });
      }
      let bytes;
      const head = await sources.upstreamFirst(ref, async (from) => {
        const manifest = await getManifest(from, ref, tagOrDigest);
        bytes = manifest.bytes;
        return manifest;
      });
      return { ...head, bytes: bytes ?? new Uint8Array() };
    },
    fetchBlob: (ref, digest) => sources.mirrorsFirst(ref, async (from) => {
      const repository = prefixed(from.prefix, ref.path);
      const what = `GET ${from.endpoint.host}/${repository}@${digest}`;
      if (wellFormedDigest(digest) === void 0) {
        throw new RegistryError({
          status: 0,
          code: RegistryErrorCode.DigestInvalid,
          retryable: false,
          message: `${what}: not a digest`
        });
      }
      const response = await from.endpoint.request(repository, {
        kind: "get",
        method: "GET",
        path: `/v2/${repository}/blobs/${digest}`
      });
      if (response.status !== 200) {
        throw errorFromResponse(response, what, RegistryErrorCode.BlobUnknown, {
          auth: from.endpoint.authLabel()
        });
      }
      verifyDigest(response.body, digest, what);
      return response.body;
    }),
    prepare(refs) {
      sources.prepare(refs);
      return Promise.resolve();
    },
    stats: () => ({ ...stats }),
    listTags: (ref) => sources.mirrorsFirst(ref, (from) => fetchTagPage(from.endpoint, prefixed(from.prefix, ref.path))),
    fetchReferrers: (ref, digest, lookup) => sources.mirrorsFirst(
      ref,
      (from) => fetchReferrers(from.endpoint, prefixed(from.prefix, ref.path), digest, {
        // A HEAD first only where a GET would cost a pull.
        head: from.endpoint.host === dockerHub.registryHost ? (tag) => headManifest(from, ref, tag) : void 0,
        get: (tag) => getManifest(from, ref, tag),
        tags: lookup?.tags
      })
    ),
    dockerHubPullsLeft: () => transport.dockerHubPullsLeft()
  };
}
function atTagOrDigest(tagOrDigest) {
  return wellFormedDigest(tagOrDigest) === void 0 ? `:${tagOrDigest}` : `@${tagOrDigest}`;
}

// src/resolve/platform-match.ts
var defaultVariant = { arm64: "v8", amd64: "v1", arm: "v7" };
function normalVariant(platform) {
  const variant = platform.variant === "" ? void 0 : platform.variant;
  return variant ?? defaultVariant[platform.architecture];
}
function samePlatform(a, b) {
  return a.os === b.os && a.architecture === b.architecture && normalVariant(a) === normalVariant(b);
}
function imageEntries(manifests) {
  return manifests.filter(
    (entry) => entry.platform !== void 0 && entry.platform.os !== "unknown" && entry.platform.architecture !== "unknown"
  );
}
function findPlatform(manifests, wanted) {
  return imageEntries(manifests).find((entry) => samePlatform(entry.platform, wanted));
}

// src/resolve/target-digest.ts
var TargetDigestErrorCode = {
  /** `alpine@sha256:…` names no tag to follow. */
  DigestOnly: "DIGEST_ONLY",
  PlatformNotFound: "PLATFORM_NOT_FOUND",
  /** A manifest or config that does not parse as the spec object it claims to be. */
  BadManifest: "BAD_MANIFEST",
  /** The registry named a digest for the tag that it does not serve by digest. */
  UnconfirmedDigest: "UNCONFIRMED_DIGEST"
};
var TargetDigestError = class extends Error {
  name = "TargetDigestError";
  code;
  constructor(code, message) {
    super(message);
    this.code = code;
  }
};
async function resolveTargetDigest(client, ref, options = {}) {
  if (ref.tag === void 0 && ref.digest !== void 0) {
    throw new TargetDigestError(
      TargetDigestErrorCode.DigestOnly,
      `${ref.original} names a digest but no tag, so there is nothing to follow`
    );
  }
  const current = await client.resolveTag(ref);
  const fromMirror = current.fromMirror === void 0 ? {} : { fromMirror: current.fromMirror };
  const target = await targetFor(client, ref, current, options);
  return { ...target, ...fromMirror };
}
async function targetFor(client, ref, current, options) {
  if (options.platform !== void 0) return platformChild(client, ref, current, options.platform);
  if (ref.digest === current.digest) return headOnly(current);
  const fetches = options.fetchesDigests?.(ref) ?? false;
  if (ref.digest === void 0) return confirmed(client, ref, current, fetches);
  const previousKind = await describePrevious(client, ref, ref.digest, fetches);
  if (previousKind === void 0 || isIndexMediaType(previousKind.mediaType)) {
    return confirmed(client, ref, current, fetches);
  }
  const previous = await client.fetchManifest(ref, ref.digest);
  if (!isIndexMediaType(current.mediaType)) {
    const platform2 = await platformOf(client, ref, previous);
    const served = await platformOf(client, ref, await client.fetchManifest(ref, current.digest));
    if (!samePlatform(served, platform2)) throw notFound(ref, platform2, [served]);
    return { ...headOnly(current), platform: served };
  }
  const index = parse(ImageIndexSchema, await client.fetchManifest(ref, current.digest), ref, "image index");
  const same = imageEntries(index.manifests).find((entry) => entry.digest === ref.digest);
  if (same) return { digest: same.digest, mediaType: same.mediaType, platform: same.platform };
  const platform = await platformOf(client, ref, previous);
  return childFor(index, ref, platform);
}
async function confirmed(client, ref, current, fetches) {
  if (current.verified === true) return headOnly(current);
  if (fetches) await client.fetchManifest(ref, current.digest).catch(() => void 0);
  let shown2;
  try {
    shown2 = await client.describeManifest(ref, current.digest);
  } catch (error) {
    if (!(error instanceof RegistryError) || error.status !== 404) throw error;
    throw unconfirmed(ref, current, "the registry does not serve that digest");
  }
  if (shown2.digest !== current.digest || shown2.mediaType !== current.mediaType) {
    throw unconfirmed(ref, current, `by digest it serves ${shown2.mediaType} ${shown2.digest}`);
  }
  return headOnly(current);
}
function unconfirmed(ref, current, detail) {
  return new TargetDigestError(
    TargetDigestErrorCode.UnconfirmedDigest,
    `${ref.familiarName}:${ref.trackedTag}: the registry named ${current.digest} (${current.mediaType}) for the tag, but ${detail}; nothing pinned`
  );
}
async function describePrevious(client, ref, digest, fetches) {
  try {
    if (fetches) await client.fetchManifest(ref, digest).catch(() => void 0);
    return await client.describeManifest(ref, digest);
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return void 0;
    throw error;
  }
}
async function platformChild(client, ref, current, platform) {
  const manifest = await client.fetchManifest(ref, current.digest);
  if (isIndexMediaType(manifest.mediaType)) {
    return childFor(parse(ImageIndexSchema, manifest, ref, "image index"), ref, platform);
  }
  const served = await platformOf(client, ref, manifest);
  if (!samePlatform(served, platform)) throw notFound(ref, platform, [served]);
  return { ...headOnly(current), platform: served };
}
function childFor(index, ref, platform) {
  const child = findPlatform(index.manifests, platform);
  if (!child)
    throw notFound(
      ref,
      platform,
      imageEntries(index.manifests).map((entry) => entry.platform)
    );
  return { digest: child.digest, mediaType: child.mediaType, platform: child.platform };
}
async function platformOf(client, ref, manifest) {
  const image = parse(ImageManifestSchema, manifest, ref, "image manifest");
  const bytes = await client.fetchBlob(ref, image.config.digest);
  const config = readManifestJson(ImageConfigSchema, bytes, ref, `image config ${image.config.digest}`);
  return { os: config.os, architecture: config.architecture, variant: config.variant };
}
function headOnly(head) {
  return { digest: head.digest, mediaType: head.mediaType };
}
function notFound(ref, wanted, available) {
  const list = available.length > 0 ? available.map(formatPlatform).join(", ") : "none";
  return new TargetDigestError(
    TargetDigestErrorCode.PlatformNotFound,
    `${ref.familiarName}:${ref.trackedTag} has no ${formatPlatform(wanted)} image (available: ${list})`
  );
}
function parse(schema, manifest, ref, what) {
  return readManifestJson(schema, manifest.bytes, ref, `${what} ${manifest.digest}`);
}
function readManifestJson(schema, bytes, ref, what) {
  const read = readJson(bytes, schema);
  if (!read.ok) {
    throw new TargetDigestError(
      TargetDigestErrorCode.BadManifest,
      `${ref.name}: ${what} is not valid (${read.problem.message})`
    );
  }
  return read.value;
}

// src/app/failure.ts
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

// src/app/registry-client.ts
function registryClientFor(settings, hooks) {
  return createRegistryClient({
    mirrors: settings.registryMirrors,
    registryAliases: settings.registryAliases,
    hostDeadlineMs: settings.registryDeadlineMs,
    insecureRegistries: settings.insecureRegistries,
    credentials: settings.credentials,
    concurrencyPerRegistry: settings.concurrency,
    ...hooks.dockerConfigDir === void 0 ? {} : { dockerConfigDir: hooks.dockerConfigDir },
    ...hooks.onSecret === void 0 ? {} : { onSecret: hooks.onSecret },
    ...hooks.log === void 0 ? {} : { log: hooks.log }
  });
}

// src/resolve/memoized-client.ts
var memoized = /* @__PURE__ */ new WeakSet();
function memoizeRegistryClient(client) {
  if (memoized.has(client)) return client;
  const tags = /* @__PURE__ */ new Map();
  const manifests = /* @__PURE__ */ new Map();
  const heads = /* @__PURE__ */ new Map();
  const blobs = /* @__PURE__ */ new Map();
  const tagPages = /* @__PURE__ */ new Map();
  const referrers = /* @__PURE__ */ new Map();
  const once = (cache, key, load) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = load();
      cache.set(key, pending);
    }
    return pending;
  };
  const result = {
    resolveTag: (ref) => once(tags, `${ref.name}:${ref.trackedTag}`, () => client.resolveTag(ref)),
    describeManifest: (ref, tagOrDigest) => {
      const key = `${ref.name}@${tagOrDigest}`;
      const head = () => once(heads, key, () => client.describeManifest(ref, tagOrDigest));
      const read = manifests.get(key);
      return read ? read.then((got) => got.fromMirror === void 0 ? got : head(), head) : head();
    },
    fetchManifest: (ref, tagOrDigest) => once(manifests, `${ref.name}@${tagOrDigest}`, () => client.fetchManifest(ref, tagOrDigest)),
    fetchBlob: (ref, digest) => once(blobs, `${ref.name}@${digest}`, () => client.fetchBlob(ref, digest)),
    stats: () => client.stats(),
    asked: (ref, tagOrDigest) => manifests.has(`${ref.name}@${tagOrDigest}`)
  };
  if (client.prepare) result.prepare = client.prepare.bind(client);
  const { listTags, fetchReferrers: fetchReferrers2, dockerHubPullsLeft } = client;
  if (listTags) result.listTags = (ref) => once(tagPages, ref.name, () => listTags.call(client, ref));
  if (fetchReferrers2) {
    result.fetchReferrers = (ref, digest, lookup) => once(referrers, `${ref.name}@${digest}`, () => fetchReferrers2.call(client, ref, digest, lookup));
  }
  if (dockerHubPullsLeft) result.dockerHubPullsLeft = dockerHubPullsLeft.bind(client);
  memoized.add(result);
  return result;
}

// src/resolve/policy.ts
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
    if (pattern !== void 0) return { action: "skip", reason: `excluded by exclude-images (${pattern})` };
    return { action: "resolve", site };
  };
}

// src/app/apply-updates.ts
function applyUpdates(text, updates) {
  return applyEdits(text, edits(updates));
}
function checkUpdates(length, updates) {
  fittingEdits(length, edits(updates));
}
function edits(updates) {
  return updates.map((update) => pinEdit(update.site.pin, update.target.digest));
}

// src/app/pin-report.ts
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

// src/app/pin.ts
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

// src/changelog/platforms.ts
var referenceType = "vnd.docker.reference.type";
var referenceDigest = "vnd.docker.reference.digest";
var attestationManifest = "attestation-manifest";
var defaultPlatform = "linux/amd64";
function platformKey(platform) {
  const base = [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
  return platform["os.version"] ? `${base} ${platform["os.version"]}` : base;
}
var defaultVariant2 = { arm64: "v8", amd64: "v1", arm: "v7" };
function samePlatform2(key, wanted) {
  const normal = (text) => {
    const [os = "", architecture = "", variant] = (text.split(" ")[0] ?? "").split("/");
    return `${os}/${architecture}/${variant || (defaultVariant2[architecture] ?? "")}`;
  };
  return normal(key) === normal(wanted);
}
function isImageEntry(entry) {
  return entry.platform !== void 0 && entry.platform.os !== "unknown" && entry.platform.architecture !== "unknown" && entry.annotations?.[referenceType] === void 0;
}
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
  const picked = wanted.map((platform) => images.find((entry) => samePlatform2(platformKey(entry.platform), platform))).filter((entry) => entry !== void 0);
  if (picked.length === 0 && !used?.length && images[0]) return [images[0]];
  return [...new Set(picked)];
}
function attestationFor(index, digest) {
  return index.manifests.find(
    (entry) => entry.annotations?.[referenceType] === attestationManifest && entry.annotations[referenceDigest] === digest
  );
}

// src/changelog/sbom.ts
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

// src/changelog/schemas.ts
var annotations2 = external_exports.record(external_exports.string(), external_exports.string()).optional();
var DigestSchema2 = external_exports.string().refine(isDigest, "expected a digest such as sha256:<64 hex>");
var ContentDescriptorSchema = external_exports.object({
  mediaType: external_exports.string(),
  digest: DigestSchema2,
  size: external_exports.number().int().nonnegative().optional(),
  platform: external_exports.object({
    os: external_exports.string(),
    architecture: external_exports.string(),
    variant: external_exports.string().optional(),
    "os.version": external_exports.string().optional()
  }).optional(),
  artifactType: external_exports.string().optional(),
  annotations: annotations2
});
var ImageIndexSchema2 = external_exports.object({
  schemaVersion: external_exports.literal(2),
  manifests: external_exports.array(ContentDescriptorSchema),
  annotations: annotations2
});
var ImageManifestSchema2 = external_exports.object({
  schemaVersion: external_exports.literal(2),
  config: ContentDescriptorSchema,
  layers: external_exports.array(ContentDescriptorSchema).default([]),
  annotations: annotations2
});
var ImageConfigSchema2 = external_exports.object({
  created: external_exports.string().optional(),
  os: external_exports.string().optional(),
  architecture: external_exports.string().optional(),
  variant: external_exports.string().optional(),
  "os.version": external_exports.string().optional(),
  config: external_exports.object({ Labels: external_exports.record(external_exports.string(), external_exports.string()).nullish() }).nullish()
});
function readOrUndefined(schema, bytes) {
  const read = readJson(bytes, schema);
  return read.ok ? read.value : void 0;
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
  const manifest = readOrUndefined(ImageManifestSchema2, (await client.fetchManifest(ref, tagOrDigest)).bytes);
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

// src/changelog/source.ts
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
  const commit = [fragmentCommit, revision].map((value) => value?.trim().toLowerCase()).find((value) => value !== void 0 && commitPattern.test(value));
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

// src/changelog/compare.ts
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
  const known2 = [.../* @__PURE__ */ new Set([...names(after), ...names(before)])];
  const usedKeys = used?.flatMap((wanted) => {
    const matches = known2.filter((key) => samePlatform2(key, wanted));
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
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function prune(value) {
  return definedOnly(value);
}

// src/changelog/metadata.ts
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
function plausibleDate(value) {
  if (value === void 0) return void 0;
  const time = Date.parse(value);
  if (Number.isNaN(time) || time < earliestPlausible) return void 0;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function readMetadata(sources, configCreated) {
  const first = (...keys) => {
    for (const map of sources) {
      if (!map) continue;
      for (const key of keys) {
        const value = map[key];
        if (typeof value === "string" && value.trim() !== "") return value.trim();
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
function dropUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
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

// src/changelog/collect.ts
var defaultDockerHubReserve = 30;
function factsMaySpend(client, ref, pulls, reserve = defaultDockerHubReserve) {
  if (ref.domain !== "docker.io") return true;
  const left = client.dockerHubPullsLeft?.();
  return left === void 0 || left - pulls >= reserve;
}
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
  const canSpend = (ref, pulls) => factsMaySpend(client, ref, pulls, reserve);
  const tagPage = (ref) => async () => client.listTags ? client.listTags(ref).catch(() => void 0) : void 0;
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
    const index = readOrUndefined(ImageIndexSchema2, manifest.bytes);
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
      const manifest = readOrUndefined(ImageManifestSchema2, (await client.fetchManifest(ref, digest)).bytes);
      if (!manifest) {
        debug(`changelog: ${where} is not a valid image manifest`);
        return void 0;
      }
      const config = readOrUndefined(ImageConfigSchema2, await client.fetchBlob(ref, manifest.config.digest));
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
    const facts = compare(beforeDetails, afterDetails);
    if (options.lookupTags === false || facts.version?.to !== void 0) return facts;
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
    }
  };
}
function sameContent(before, after) {
  const digests = (side) => new Set(side.index ? Object.values(side.snapshot.platforms ?? {}) : [side.snapshot.digest]);
  const old = digests(before);
  return new Set([...digests(after)].filter((digest) => old.has(digest)));
}

// src/changelog/headline.ts
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
  return parts.join(" \xB7 ");
}

// src/app/update.ts
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

// src/app/changelog.ts
function changelogKey(update) {
  return `${update.site.file}:${update.site.line}@${update.target.digest}`;
}
function pinningForChangelogs(registry) {
  const shared = memoizeRegistryClient(registry);
  return { registry: shared, fetchesDigests: (ref) => factsMaySpend(shared, ref, ref.digest ? 2 : 1) };
}
function familiar(update) {
  return `${update.site.reference.familiarName}:${updateTag(update)}`;
}
function usedPlatforms(settings, site) {
  if (settings.platform) return [formatPlatform(settings.platform)];
  const written = site?.platform;
  if (written === void 0 || written.includes("$")) return void 0;
  return written.split(",").map((p) => p.trim()).filter((p) => /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p));
}
var dayMs2 = 864e5;
function describeAge(ms) {
  const days = ms / dayMs2;
  return days >= 1 ? `${Math.round(days * 10) / 10}d` : `${Math.round(ms / 36e5)}h`;
}
async function addChangelogs(plan, settings, deps, options = { facts: "all" }) {
  const all = options.facts === "all";
  const collector = createChangelogCollector({
    client: deps.registry,
    debug: deps.debug,
    skipUnchangedPlatforms: settings.skipUnchangedPlatforms,
    // skip-unchanged-platforms needs the two platform lists only; minimum-age needs build dates too.
    ...all ? {} : { packages: false, lookupTags: false, platformDetails: settings.minimumAgeMs !== void 0 }
  });
  const wanted = (all ? plan.updates : plan.updates.filter((update) => policyActsOn(update, settings))).filter((update) => options.only?.(update) ?? true);
  const collected = await Promise.all(
    wanted.map(async (update) => {
      const { site, target } = update;
      const facts = await collector.collect({
        ref: site.reference,
        image: familiar(update),
        from: updateFrom(update),
        to: target.digest,
        toMediaType: target.mediaType,
        platforms: usedPlatforms(settings, site)
      });
      return [update, facts];
    })
  );
  const changelogs = /* @__PURE__ */ new Map();
  const held = [];
  const heldKeys = /* @__PURE__ */ new Set();
  for (const [update, collectedFacts] of collected) {
    let facts = collectedFacts;
    const hold = holdReason(facts, settings, deps.now);
    if (hold !== void 0) {
      held.push(siteNote(update.site, hold));
      heldKeys.add(changelogKey(update));
      continue;
    }
    if (settings.minimumAgeMs !== void 0 && newestCreated(facts) === void 0) {
      facts = {
        ...facts,
        skipped: [...facts.skipped ?? [], "build date unknown: minimum-age could not be applied"]
      };
    }
    changelogs.set(changelogKey(update), facts);
  }
  const kept = plan.updates.filter((update) => !heldKeys.has(changelogKey(update)));
  if (held.length === 0) return { plan, changelogs };
  const written = fileChanges(plan.files, kept);
  return {
    plan: {
      ...plan,
      updates: written.updates,
      changes: written.changes,
      skipped: [...plan.skipped, ...held],
      errors: [...plan.errors, ...written.errors]
    },
    changelogs
  };
}
function holdReason(facts, settings, now) {
  const platforms = facts.platforms;
  if (settings.skipUnchangedPlatforms && facts.from !== void 0 && platforms?.usedChanged === false) {
    const changed = [...platforms.changed, ...platforms.added, ...platforms.removed];
    return `the new digest changed only platforms this repository does not use (${changed.join(", ")}); skip-unchanged-platforms`;
  }
  const age = ageInDays(facts, now);
  if (settings.minimumAgeMs !== void 0 && age !== void 0 && age * dayMs2 < settings.minimumAgeMs) {
    return `the new digest was built ${newestCreated(facts)}, ${describeAge(Math.max(0, age * dayMs2))} ago, less than minimum-age ${describeAge(settings.minimumAgeMs)}`;
  }
  return void 0;
}
function policyActsOn(update, settings) {
  if (settings.minimumAgeMs !== void 0) return true;
  if (!settings.skipUnchangedPlatforms || updateFrom(update) === void 0) return false;
  return (usedPlatforms(settings, update.site)?.length ?? 0) > 0;
}
function changelogNeeded(plan, settings) {
  if (settings.minimumAgeMs === void 0 && !settings.skipUnchangedPlatforms) return false;
  return plan.updates.some((update) => policyActsOn(update, settings));
}

// src/changelog/text.ts
var jsonValueChars = 500;
var maxValueChars = 200;
function changelogJson(facts) {
  const clean = (value) => {
    if (typeof value === "string") return untrustedText(value, jsonValueChars);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
    }
    return value;
  };
  return clean(facts);
}
var shown = (value) => untrustedText(value, maxValueChars);
var show = (value) => value === void 0 ? "\u2013" : shown(String(value));
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
  for (const note of facts.skipped ?? []) row("note", note);
  return lines.join("\n");
}

// src/app/report-json.ts
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
    // What the registry says changed (issue 9); present when the facts were collected.
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
  yield `,"dockerHubPulls":${JSON.stringify(report.dockerHubPulls ?? 0)}}`;
}

export {
  RegistryError,
  readJson,
  asFailure,
  failureCode,
  failureMessage,
  isInternal,
  siteNote,
  groupUnreachable,
  unreachableLine,
  registryClientFor,
  createChangelogCollector,
  dateWithAge,
  baseMoved,
  renderHeadline,
  applyUpdates,
  planPins,
  fileChanges,
  updateRepository,
  updateTag,
  updateFrom,
  updatePlace,
  changelogKey,
  pinningForChangelogs,
  addChangelogs,
  changelogNeeded,
  changelogJson,
  renderChangelogText,
  updatesJson,
  failureJson,
  pinReportJsonChunks
};
