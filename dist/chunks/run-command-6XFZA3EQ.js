import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  BadReferenceError,
  RegistryError,
  SettingsError,
  UnreadablePathError,
  WriteError,
  addChangelogs,
  asFailure,
  changelogJson,
  changelogNeeded,
  createChangelogCollector,
  credentialLines,
  defaultConfigPath,
  encodeDockerfile,
  failureMessage,
  flagSource,
  formatPlatform,
  isInternal,
  loadConfigSource,
  parseImageReference,
  pinReportJson,
  pinningForChangelogs,
  planPins,
  registryClientFor,
  renderChangelogText,
  runSettings,
  scanDockerfiles,
  shortDigest
} from "./chunk-RUYACPDN.js";
import "./chunk-FH5UFGL6.js";
import {
  paintFor,
  plain
} from "./chunk-2O4QNXZY.js";
import {
  ExitCode,
  UsageError
} from "./chunk-N66427Z4.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";

// src/app/explain.ts
async function explainImage(text, settings, deps) {
  const ref = parseImageReference(text);
  const current = await deps.registry.resolveTag(ref);
  const collector = createChangelogCollector({ client: deps.registry, debug: deps.debug });
  return collector.collect({
    ref,
    image: `${ref.familiarName}:${ref.trackedTag}`,
    from: ref.digest,
    to: current.digest,
    toMediaType: current.mediaType,
    platforms: settings.platform ? [formatPlatform(settings.platform)] : void 0
  });
}

// src/app/write-changes.ts
import { resolve } from "node:path";

// src/workspace/write-atomic.ts
import { randomBytes } from "node:crypto";
import { chmod, open, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function writeFileAtomic(path, bytes) {
  const target = await ifExists(realpath(path), path);
  const mode = await ifExists(
    stat(target).then((info) => info.mode & 4095),
    void 0
  );
  await removeStaleTemps(target);
  const temp = join(dirname(target), tempName(basename(target), randomBytes(4).toString("hex")));
  try {
    const handle = await open(temp, "wx", mode ?? 420);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== void 0) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
function tempName(base, id) {
  return `.${base}.basepin-${id}.tmp`;
}
var staleTempAgeMs = 6e4;
async function removeStaleTemps(target) {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.basepin-`;
  const names = await readdir(folder).catch(() => []);
  const now = Date.now();
  for (const name of names) {
    const id = name.startsWith(prefix) && name.endsWith(".tmp") ? name.slice(prefix.length, -4) : "";
    if (name !== tempName(basename(target), id) || !/^[0-9a-f]{8}$/.test(id)) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => void 0);
    if (info?.isFile() && now - info.mtimeMs > staleTempAgeMs) await rm(path, { force: true });
  }
}
async function ifExists(value, absent) {
  try {
    return await value;
  } catch (error) {
    if (error.code === "ENOENT") return absent;
    throw error;
  }
}

// src/app/write-changes.ts
var writesAtOnce = 16;
async function writeChanges(cwd, plan) {
  const failures = new Array(plan.changes.length);
  let next = 0;
  const worker = async () => {
    while (next < plan.changes.length) {
      const index = next++;
      failures[index] = await writeOne(cwd, plan.changes[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(writesAtOnce, plan.changes.length) }, worker));
  return failures.filter((failure) => failure !== void 0);
}
async function writeOne(cwd, change) {
  let bytes;
  try {
    bytes = encodeDockerfile(change.after, change.encoding);
  } catch (error) {
    return { file: change.file, error: asFailure(error) };
  }
  try {
    await writeFileAtomic(resolve(cwd, change.file), bytes);
    return void 0;
  } catch (error) {
    const message = error.message.split("\n")[0] ?? "write failed";
    return { file: change.file, error: new WriteError(message, { cause: error }) };
  }
}

// src/cli/run-command.ts
import { stat as stat2 } from "node:fs/promises";
import { isAbsolute, relative, resolve as resolve3 } from "node:path";

// src/cli/report.ts
var statusStyle = {
  pinned: "green",
  pinnable: "yellow",
  skipped: "dim",
  invalid: "red"
};
function scanJson(sites) {
  return JSON.stringify({
    sites: sites.map((site) => ({
      file: site.file,
      line: site.line,
      kind: site.kind,
      reference: site.written,
      resolved: site.resolved ?? null,
      status: site.status,
      reason: site.reason ?? null
    }))
  });
}
function scanText(sites, paint = plain) {
  return sites.map((site) => {
    const resolved = site.resolved && site.resolved !== site.written ? `(= ${site.resolved})` : "";
    const fields = [
      `${site.file}:${site.line}`,
      site.kind,
      site.written,
      paint(statusStyle[site.status], site.status),
      site.reason ?? "",
      resolved
    ];
    return `${fields.filter(Boolean).join(" ")}
`;
  }).join("");
}
function pinJson(report, changelogs) {
  return JSON.stringify(pinReportJson(report, changelogs));
}
function updateLines(report, paint = plain) {
  return report.updates.map((update) => {
    const action = paint(
      "green",
      update.from ? `${shortDigest(update.from)} \u2192 ${shortDigest(update.to)}` : `pinned to ${shortDigest(update.to)}`
    );
    const unconfirmed = update.fromMirror ? ` (from mirror ${update.fromMirror}, unconfirmed)` : "";
    return `${update.file}:${update.line} ${update.reference} ${action}${unconfirmed}
`;
  }).join("");
}
function errorLines(errors, paint = plain) {
  return errors.map(
    (failure) => `${failure.file}:${failure.line} ${failure.reference}: ${paint("red", failureMessage(failure.error))}
`
  ).join("");
}
function skippedLines(skipped, label, paint = plain) {
  const style = label === "error:" ? "red" : "yellow";
  return skipped.map(
    (note) => `${paint(style, label)} ${note.file}:${note.line} ${note.reference}: ${note.reason ?? ""}
`
  ).join("");
}
function summaryLine(report, verb, filesScanned) {
  const pinned = report.updates.filter((update) => !update.from).length;
  const refreshed = report.updates.length - pinned;
  const parts = [
    verb === "pin" ? `${pinned} pinned` : `${pinned} not pinned`,
    verb === "pin" ? `${refreshed} refreshed` : `${refreshed} stale`,
    `${report.unchanged.length} current`,
    `${report.skipped.length} skipped`,
    `${report.errors.length} failed`,
    ...report.dockerHubPulls ? [`${report.dockerHubPulls} Docker Hub pull(s)`] : []
  ];
  const files = `${filesScanned} ${filesScanned === 1 ? "file" : "files"} scanned`;
  const changed = verb === "pin" ? `, ${report.changes.length} changed` : "";
  return `basepin ${verb}: ${parts.join(", ")}; ${files}${changed}
`;
}

// src/cli/settings.ts
import { resolve as resolve2 } from "node:path";
async function resolveCliSettings(args, env, cwd) {
  const configPath = args.config ?? defaultConfigPath;
  const file = await loadConfigSource(resolve2(cwd, configPath), {
    required: args.config !== void 0,
    shown: configPath
  });
  const flags = flagSource(args.settingFlags);
  const withPaths = args.paths.length ? { ...flags, values: { ...flags.values, paths: { kind: "list", value: args.paths } } } : flags;
  return runSettings({
    cwd,
    sources: [withPaths, file],
    credentials: {
      ...credentialLines(
        "BASEPIN_REGISTRY_CREDENTIALS",
        env.BASEPIN_REGISTRY_CREDENTIALS ? [env.BASEPIN_REGISTRY_CREDENTIALS] : []
      ),
      ...credentialLines("--registry-credential", args.registryCredentials)
    }
  });
}

// src/cli/unified-diff.ts
function unifiedDiff(file, before, after, context = 3) {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const header = `--- a/${file}
+++ b/${file}
`;
  if (a.length !== b.length) return header + hunk(a, b, 0, a.length, 0, b.length);
  const changed = a.map((line2, i2) => line2 !== b[i2]);
  let out = header;
  let i = 0;
  while (i < a.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i; j < a.length && j <= end + 2 * context; j++) if (changed[j]) end = j;
    const stop = Math.min(a.length, end + 1 + context);
    out += hunk(a, b, start, stop, start, stop);
    i = stop;
  }
  return out;
}
function hunk(a, b, aStart, aEnd, bStart, bEnd) {
  const range = (start, count) => `${count === 0 ? start : start + 1},${count}`;
  let out = `@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@
`;
  if (a.length === b.length) {
    for (let k = aStart; k < aEnd; k++) {
      out += a[k] === b[k] ? line(" ", a[k]) : line("-", a[k]) + line("+", b[k]);
    }
    return out;
  }
  for (let k = aStart; k < aEnd; k++) out += line("-", a[k]);
  for (let k = bStart; k < bEnd; k++) out += line("+", b[k]);
  return out;
}
function splitLines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
function line(prefix, text) {
  return text.endsWith("\n") ? prefix + text : `${prefix}${text}
\\ No newline at end of file
`;
}

// src/cli/run-command.ts
async function runCommand(args, io, redactor) {
  try {
    const settings = await rootedAtGivenFolder(await resolveCliSettings(args, io.env, io.cwd));
    for (const { username, password } of Object.values(settings.credentials)) {
      redactor.addCredential(username, password);
    }
    if (args.command === "scan") return await scan(settings, args, io);
    await io.prepareNetwork?.();
    if (args.command === "explain") return await explain(settings, args, io, redactor);
    return await pinOrCheck(settings, args, io, redactor);
  } catch (error) {
    if (error instanceof SettingsError || error instanceof UsageError) {
      io.stderr(`basepin: ${error.message}
`);
      return ExitCode.Usage;
    }
    if (error instanceof UnreadablePathError) {
      io.stderr(`basepin: ${error.message}
`);
      return ExitCode.Unresolved;
    }
    throw error;
  }
}
async function rootedAtGivenFolder(settings) {
  if (settings.paths.length !== 1) return settings;
  const folder = resolve3(settings.cwd, settings.paths[0]);
  const fromCwd = relative(settings.cwd, folder);
  if (!(fromCwd.startsWith("..") || isAbsolute(fromCwd))) return settings;
  const isFolder = await stat2(folder).then(
    (found) => found.isDirectory(),
    () => false
  );
  return isFolder ? { ...settings, cwd: folder, paths: ["."] } : settings;
}
function shownPaths(args) {
  return args.paths.length ? args.paths.join(", ") : ".";
}
function reportNoDockerfiles(files, args, io) {
  if (files === 0) io.stderr(`basepin: no Dockerfiles found under ${shownPaths(args)}
`);
}
function paintOf(args, io) {
  return paintFor(Boolean(io.colour) && !args.json);
}
async function scan(settings, args, io) {
  const { files, sites } = await scanDockerfiles(settings);
  io.stdout(args.json ? `${scanJson(sites)}
` : scanText(sites, paintOf(args, io)));
  reportNoDockerfiles(files.length, args, io);
  return ExitCode.Done;
}
async function pinOrCheck(settings, args, io, redactor) {
  const registry = io.registry ? io.registry(settings) : registryClientFor(settings, {
    dockerConfigDir: io.env.DOCKER_CONFIG,
    onSecret: (secret) => redactor.add(secret)
  });
  const showProgress = io.interactive && !args.quiet && !args.json;
  const pinning = pinningForChangelogs(registry);
  const planned = await planPins(settings, {
    registry: pinning.registry,
    fetchesDigests: args.changelog ? pinning.fetchesDigests : void 0,
    onProgress: showProgress ? progressLine(io) : void 0
  });
  const { plan, changelogs: collected } = args.changelog || changelogNeeded(planned, settings) ? await addChangelogs(
    planned,
    settings,
    {
      registry: pinning.registry,
      now: io.now?.() ?? /* @__PURE__ */ new Date(),
      debug: args.debug ? (line2) => io.stderr(`${line2}
`) : void 0
    },
    { facts: args.changelog ? "all" : "policy" }
  ) : { plan: planned, changelogs: void 0 };
  const changelogs = args.changelog ? collected : void 0;
  reportNoDockerfiles(plan.files.length, args, io);
  if (changelogs && !args.json && !args.quiet)
    io.stdout(changelogLines(changelogs, io.now?.() ?? /* @__PURE__ */ new Date()));
  if (args.command === "check") return reportCheck(plan, args, io, changelogs);
  const paint = paintOf(args, io);
  const writeFailures = [];
  if (args.diff) {
    io.stdout(plan.changes.map((change) => unifiedDiff(change.file, change.before, change.after)).join(""));
  } else {
    writeFailures.push(...await writeChanges(settings.cwd, plan));
  }
  if (args.json) io.stdout(`${pinJson(plan, changelogs)}
`);
  else if (!args.quiet && !args.diff && plan.files.length > 0)
    io.stdout(updateLines(plan, paint) + summaryLine(plan, "pin", plan.files.length));
  if (!args.json) io.stderr(errorLines(plan.errors, paint));
  io.stderr(
    writeFailures.map((failure) => `${failure.file}: not written: ${failure.error.message}
`).join("")
  );
  const internal = reportInternal(plan, args, io);
  if (internal) return ExitCode.Internal;
  return plan.errors.length || writeFailures.length ? ExitCode.Unresolved : ExitCode.Done;
}
function reportCheck(plan, args, io, changelogs) {
  const failsOnSkipped = args.strict && plan.skipped.length > 0;
  const paint = paintOf(args, io);
  if (args.json) {
    io.stdout(`${pinJson(plan, changelogs)}
`);
  } else {
    io.stdout(
      plan.updates.map(
        (update) => `${update.file}:${update.line} ${update.reference} ${paint("yellow", update.from ? "stale pin" : "not pinned")}
`
      ).join("")
    );
    io.stderr(skippedLines(plan.skipped, args.strict ? "error:" : "warning:", paint));
    io.stderr(errorLines(plan.errors, paint));
    if (!args.quiet && plan.files.length > 0) io.stdout(summaryLine(plan, "check", plan.files.length));
  }
  if (reportInternal(plan, args, io)) return ExitCode.Internal;
  if (plan.errors.length) return ExitCode.Unresolved;
  return plan.updates.length || failsOnSkipped ? ExitCode.WorkFound : ExitCode.Done;
}
function reportInternal(plan, args, io) {
  const internal = plan.errors.map((failure) => failure.error).filter(isInternal);
  if (internal.length === 0) return false;
  io.stderr(
    `basepin: ${internal.length} internal error(s), a bug in basepin; ` + (args.debug ? "stack follows\n" : "run with --debug for the stack\n")
  );
  if (args.debug) for (const error of new Set(internal)) io.stderr(`${error.detail}
`);
  return true;
}
async function explain(settings, args, io, redactor) {
  const registry = io.registry ? io.registry(settings) : registryClientFor(settings, {
    dockerConfigDir: io.env.DOCKER_CONFIG,
    onSecret: (secret) => redactor.add(secret)
  });
  let facts;
  try {
    facts = await explainImage(args.image ?? "", settings, {
      registry,
      debug: args.debug ? (line2) => io.stderr(`${line2}
`) : void 0
    });
  } catch (error) {
    if (error instanceof BadReferenceError) throw new UsageError(error.message);
    if (!(error instanceof RegistryError)) throw error;
    io.stderr(`basepin: ${error.message}
`);
    return ExitCode.Unresolved;
  }
  const now = io.now?.() ?? /* @__PURE__ */ new Date();
  io.stdout(args.json ? `${JSON.stringify(changelogJson(facts))}
` : `${renderChangelogText(facts, now)}
`);
  return ExitCode.Done;
}
function changelogLines(changelogs, now) {
  const seen = /* @__PURE__ */ new Set();
  const blocks = [];
  for (const facts of changelogs.values()) {
    const key = `${facts.image}
${facts.from ?? ""}
${facts.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push(`${renderChangelogText(facts, now)}
`);
  }
  return blocks.join("");
}
function progressLine(io) {
  return (done, total) => {
    if (total < 20) return;
    io.stderr(done === total ? "\r\x1B[K" : `\rresolving ${done}/${total} references`);
  };
}
export {
  runCommand
};
