import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/suggest.ts
function distance(a, b) {
  const rows = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}
function closest(word, candidates) {
  let best;
  for (const candidate of candidates) {
    const edits = distance(word, candidate);
    if (edits <= 2 && edits * 2 < Math.max(word.length, candidate.length) && (!best || edits < best.edits))
      best = { candidate, edits };
  }
  return best?.candidate;
}

// src/cli/args.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var commands = ["scan", "pin", "check", "explain"];
var options = {
  json: { type: "boolean" },
  diff: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  strict: { type: "boolean" },
  changelog: { type: "boolean" },
  debug: { type: "boolean" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  "file-kinds": { type: "string", multiple: true },
  "exclude-image": { type: "string", multiple: true },
  "pin-arg-repositories": { type: "string" },
  "registry-mirror": { type: "string", multiple: true },
  "registry-alias": { type: "string", multiple: true },
  "registry-deadline": { type: "string" },
  "insecure-registry": { type: "string", multiple: true },
  "registry-credential": { type: "string", multiple: true },
  platform: { type: "string" },
  concurrency: { type: "string" },
  "minimum-age": { type: "string" },
  "signature-policy": { type: "string" },
  "sigstore-trusted-root": { type: "string" },
  "osv-api": { type: "string" },
  "vulnerability-policy": { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" }
};
var flagDocs = {
  json: { syntax: "--json", what: "machine-readable report on stdout" },
  diff: { syntax: "--diff", what: "print a unified diff, write nothing" },
  strict: { syntax: "--strict", what: "skipped references fail the check too" },
  changelog: {
    syntax: "--changelog",
    what: "say what changed in each image (with --json: a changelog object per update)"
  },
  "minimum-age": {
    syntax: "--minimum-age DURATION",
    what: "hold back digests built less than DURATION ago (3d, 12h)",
    needs: "a duration such as 3d"
  },
  "signature-policy": {
    syntax: "--signature-policy POLICY",
    what: "report (default), same-identity (hold back a signature missing, broken or from another identity) or require",
    needs: "report, same-identity or require"
  },
  "sigstore-trusted-root": {
    syntax: "--sigstore-trusted-root FILE",
    what: "a Sigstore trusted_root.json to check keyless signatures against (default Sigstore's public-good root)",
    needs: "a file"
  },
  "osv-api": {
    syntax: "--osv-api URL",
    what: "where to ask which known vulnerabilities an update fixes or introduces (default https://api.osv.dev; off)",
    needs: "a URL such as https://api.osv.dev, or off"
  },
  "vulnerability-policy": {
    syntax: "--vulnerability-policy POLICY",
    what: "report (default), or hold-introduced: hold back digests that add a known vulnerability",
    needs: "report or hold-introduced"
  },
  include: { syntax: "--include GLOB", what: "also take files matching GLOB (repeatable)", needs: "a glob" },
  exclude: { syntax: "--exclude GLOB", what: "leave out files matching GLOB (repeatable)", needs: "a glob" },
  "file-kinds": {
    syntax: "--file-kinds KINDS",
    what: "read only these kinds of files, comma-separated (default all: dockerfile, compose, workflow, \u2026)",
    needs: "a list of kinds"
  },
  "exclude-image": {
    syntax: "--exclude-image GLOB",
    what: "leave images matching GLOB alone, e.g. 'node', 'ghcr.io/acme/*' (repeatable)",
    needs: "a glob"
  },
  "pin-arg-repositories": {
    syntax: "--pin-arg-repositories BOOL",
    what: "pin FROM $REPO:tag in the FROM line (default true)",
    needs: "true or false"
  },
  "registry-mirror": {
    syntax: "--registry-mirror HOST=URL",
    what: "read HOST's content through URL first, and resolve tags there only when HOST cannot be reached (repeatable)",
    needs: "HOST=URL"
  },
  "registry-alias": {
    syntax: "--registry-alias HOST=URL",
    what: "ask URL (maybe with a repository prefix) instead of HOST, never HOST itself (repeatable)",
    needs: "HOST=URL"
  },
  "registry-deadline": {
    syntax: "--registry-deadline TIME",
    what: "how long a registry host may make no progress, e.g. 90s (default 60s)",
    needs: "a duration such as 60s"
  },
  "insecure-registry": {
    syntax: "--insecure-registry HOST",
    what: "allow plain HTTP to HOST (repeatable)",
    needs: "a registry host"
  },
  "registry-credential": {
    syntax: "--registry-credential HOST=USER:SECRET",
    what: "credentials for HOST; prefer BASEPIN_REGISTRY_CREDENTIALS or docker login, which keep secrets out of the process list",
    needs: "HOST=USER:SECRET"
  },
  platform: {
    syntax: "--platform OS/ARCH[/VAR]",
    what: "pin that platform's manifest instead of the multi-platform index",
    needs: "a platform such as linux/amd64"
  },
  concurrency: {
    syntax: "--concurrency N",
    what: "requests in flight per registry (default 8)",
    needs: "a number"
  },
  config: {
    syntax: "--config FILE",
    what: "settings file (default .github/basepin.yml when present)",
    needs: "a file"
  },
  quiet: { syntax: "-q, --quiet", what: "print errors only" },
  debug: { syntax: "--debug", what: "print the stack of an internal error" },
  help: { syntax: "-h, --help", what: "this help; `basepin COMMAND --help` for one command" },
  version: { syntax: "-V, --version", what: "basepin's version" }
};
var fileFlags = [
  "json",
  "include",
  "exclude",
  "file-kinds",
  "exclude-image",
  "pin-arg-repositories",
  "config",
  "debug"
];
var registryFlags = [
  "quiet",
  "registry-mirror",
  "registry-alias",
  "registry-deadline",
  "insecure-registry",
  "registry-credential",
  "platform",
  "concurrency"
];
var signatureFlags = ["signature-policy", "sigstore-trusted-root"];
var vulnerabilityFlags = ["osv-api", "vulnerability-policy"];
var flagsByCommand = {
  scan: fileFlags,
  pin: [
    "diff",
    "changelog",
    "minimum-age",
    ...signatureFlags,
    ...vulnerabilityFlags,
    ...fileFlags,
    ...registryFlags
  ],
  check: [
    "strict",
    "changelog",
    "minimum-age",
    ...signatureFlags,
    ...vulnerabilityFlags,
    ...fileFlags,
    ...registryFlags
  ],
  explain: ["json", "config", "debug", "sigstore-trusted-root", "osv-api", ...registryFlags]
};
function seeHelp(argv) {
  const command = argv.find((arg) => commands.includes(arg));
  return `see basepin ${command ? `${command} ` : ""}--help`;
}
function checkFlags(argv) {
  const command = argv.find((arg) => commands.includes(arg));
  const known = Object.keys(options);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return;
    if (!arg.startsWith("-") || arg === "-") continue;
    const name = arg.startsWith("--") ? arg.slice(2).split("=")[0] : void 0;
    const flag = name ?? known.find((candidate) => "short" in options[candidate] && `-${options[candidate].short}` === arg);
    if (flag === void 0 || !known.includes(flag)) {
      const shown = name === void 0 ? arg : `--${name}`;
      const guess = name === void 0 ? void 0 : closest(name, command ? [...flagsByCommand[command], "help"] : known);
      throw new UsageError(
        `unknown option ${shown}${guess ? ` (did you mean --${guess}?)` : ""}; ${seeHelp(argv)}`
      );
    }
    const doc = flagDocs[flag];
    if (options[flag].type === "string" && !arg.includes("=")) {
      const value = argv[i + 1];
      if (value === void 0 || value.startsWith("-") && value !== "-")
        throw new UsageError(`--${flag} needs ${doc.needs}`);
      i++;
    }
  }
}
function parseCliArgs(argv) {
  checkFlags(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error.message}; ${seeHelp(argv)}`);
  }
  const { values, positionals } = parsed;
  const [first, ...paths] = positionals;
  const base = {
    paths,
    json: values.json ?? false,
    diff: values.diff ?? false,
    quiet: values.quiet ?? false,
    strict: values.strict ?? false,
    changelog: values.changelog ?? false,
    settingFlags: {
      include: values.include,
      exclude: values.exclude,
      "file-kinds": values["file-kinds"],
      "exclude-image": values["exclude-image"],
      "pin-arg-repositories": values["pin-arg-repositories"],
      "registry-mirror": values["registry-mirror"],
      "registry-alias": values["registry-alias"],
      "registry-deadline": values["registry-deadline"],
      "insecure-registry": values["insecure-registry"],
      platform: values.platform,
      concurrency: values.concurrency,
      "minimum-age": values["minimum-age"],
      "signature-policy": values["signature-policy"],
      "sigstore-trusted-root": values["sigstore-trusted-root"],
      "osv-api": values["osv-api"],
      "vulnerability-policy": values["vulnerability-policy"]
    },
    registryCredentials: values["registry-credential"] ?? [],
    config: values.config,
    debug: values.debug ?? false
  };
  if (values.version) return { ...base, command: "version" };
  if (argv.length === 0) return { ...base, command: "usage" };
  if (first === "help") {
    const [topic] = paths;
    return { ...base, command: "help", ...isCommand(topic) ? { helpTopic: topic } : {} };
  }
  if (values.help) return { ...base, command: "help", ...isCommand(first) ? { helpTopic: first } : {} };
  if (first === void 0)
    throw new UsageError(`no command given (scan, pin, check or explain); see basepin --help`);
  if (!isCommand(first)) {
    const guess = closest(first, commands);
    throw new UsageError(
      `unknown command "${first}"${guess ? ` (did you mean ${guess}?)` : " (expected scan, pin, check or explain)"}; see basepin --help`
    );
  }
  const allowed = new Set(flagsByCommand[first]);
  const stray = Object.keys(values).find((flag) => !allowed.has(flag));
  if (stray !== void 0)
    throw new UsageError(`basepin ${first} does not take --${stray}; see basepin ${first} --help`);
  if (base.diff && base.json) throw new UsageError("--diff and --json cannot be combined");
  if (first === "explain") {
    if (paths.length !== 1) throw new UsageError("basepin explain takes one IMAGE[:TAG][@OLD_DIGEST]");
    return { ...base, paths: [], image: paths[0], command: first };
  }
  return { ...base, command: first };
}
function isCommand(word) {
  return word !== void 0 && commands.includes(word);
}

export {
  UsageError,
  commands,
  flagDocs,
  flagsByCommand,
  parseCliArgs
};
