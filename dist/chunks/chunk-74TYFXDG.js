import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  UnreadablePathError,
  jsonArrayChunks
} from "./chunk-HKPFPWOG.js";
import {
  ExitCode
} from "./chunk-BNA5XW3A.js";
import {
  credentialLines,
  defaultConfigPath,
  flagSource,
  loadConfigSource,
  runSettings
} from "./chunk-5RQVPCKY.js";
import {
  SettingsError,
  describeProblem,
  fileKinds,
  problemJson
} from "./chunk-FXMTIOOA.js";
import {
  UsageError
} from "./chunk-LPEWWUND.js";
import {
  paintFor,
  plain
} from "./chunk-2O4QNXZY.js";

// src/cli/command-setup.ts
import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve as resolve2 } from "node:path";

// src/cli/settings.ts
import { resolve } from "node:path";
async function resolveCliSettings(args, env, cwd) {
  const configPath = args.config ?? defaultConfigPath;
  const file = await loadConfigSource(resolve(cwd, configPath), {
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

// src/cli/command-setup.ts
async function withSettings(args, io, redactor, body) {
  try {
    const settings = await rootedAtGivenFolder(await resolveCliSettings(args, io.env, io.cwd));
    for (const { username, password } of Object.values(settings.credentials)) {
      redactor.addCredential(username, password);
    }
    return await body(settings);
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
  const folder = resolve2(settings.cwd, settings.paths[0]);
  const fromCwd = relative(settings.cwd, folder);
  if (!(fromCwd.startsWith("..") || isAbsolute(fromCwd))) return settings;
  const isFolder = await stat(folder).then(
    (found) => found.isDirectory(),
    () => false
  );
  return isFolder ? { ...settings, cwd: folder, paths: ["."] } : settings;
}
function shownPaths(args) {
  return args.paths.length ? args.paths.join(", ") : ".";
}
function reportNoImageFiles(files, settings, args, io) {
  if (files > 0) return;
  const narrowed = settings.fileKinds.length < fileKinds.length;
  const kinds = narrowed ? ` (file kinds: ${settings.fileKinds.join(", ")})` : "";
  io.stderr(`basepin: no image files found under ${shownPaths(args)}${kinds}
`);
}
function paintOf(args, io) {
  return paintFor(Boolean(io.colour) && !args.json);
}
async function writeChunks(io, chunks, end = "\n") {
  for (const chunk of chunks) {
    io.stdout(chunk);
    await io.stdoutDrained?.();
  }
  if (end !== "") io.stdout(end);
}

// src/cli/scan-report.ts
var statusStyle = {
  pinned: "green",
  pinnable: "yellow",
  skipped: "dim",
  invalid: "red"
};
function* scanJsonChunks(sites, problems = []) {
  yield* jsonArrayChunks('{"sites":', sites, (site) => ({
    file: site.file,
    line: site.line,
    kind: site.kind,
    reference: site.written,
    resolved: site.resolved ?? null,
    status: site.status,
    reason: site.reason ?? null
  }));
  if (problems.length > 0) yield* jsonArrayChunks(',"warnings":', problems, problemJson);
  yield "}";
}
function scanText(sites, paint = plain) {
  return sites.map((site) => {
    const resolved = site.resolved && site.resolved !== site.written ? `(= ${site.resolved})` : "";
    const reference = site.written === "" ? '""' : site.written;
    const place = `${site.file}:${site.line} ${site.kind} ${reference}`;
    const fields = [place, paint(statusStyle[site.status], site.status), site.reason ?? "", resolved];
    return `${fields.filter(Boolean).join(" ")}
`;
  }).join("");
}
function problemLines(problems, paint = plain) {
  return problems.map((problem) => `${paint("yellow", "warning:")} ${describeProblem(problem)}
`).join("");
}

export {
  withSettings,
  reportNoImageFiles,
  paintOf,
  writeChunks,
  scanJsonChunks,
  scanText,
  problemLines
};
