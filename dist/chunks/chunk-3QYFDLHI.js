import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-Q4TYMMWA.js";

// src/cli/org-args.ts
import { parseArgs } from "node:util";
var options = {
  repositories: { type: "string" },
  "app-id": { type: "string" },
  "private-key": { type: "string" },
  "installation-id": { type: "string" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  config: { type: "string" },
  shards: { type: "string" },
  shard: { type: "string" },
  resolution: { type: "string" },
  debug: { type: "boolean" }
};
var orgUsage = `Usage: basepin org [plan|run] [options]

Runs basepin over the repositories a GitHub App installation sees, reading them through the API.
Token: GITHUB_TOKEN or BASEPIN_TOKEN (an installation token), or an App: --app-id and --private-key.

  basepin org                         every selected repository in this job
  basepin org plan --shards N --resolution FILE
                                      resolve once for all, write FILE, print the matrix JSON
  basepin org run --shard I --resolution FILE
                                      run shard I from FILE (no registry contact)

Options:
  --repositories LIST     all (default), or names and globs, comma-separated (acme/svc-*)
  --app-id ID             GitHub App id
  --private-key FILE      the App's private key (PEM)
  --installation-id ID    the installation (default: the one on the repositories' owner)
  --json                  the rows as JSON on stdout
  --dry-run               read and plan, write nothing
  --config FILE           org-wide settings (default .github/basepin.yml when present)
`;
function wholeNumber(flag, value) {
  if (value === void 0) return void 0;
  if (!/^\d{1,4}$/.test(value))
    throw new UsageError(`--${flag} needs a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}
function parseOrgArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error.message}; see basepin org --help`);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  if (rest.length > 0)
    throw new UsageError(`basepin org takes no ${JSON.stringify(rest[0])}; see basepin org --help`);
  if (first !== void 0 && first !== "plan" && first !== "run")
    throw new UsageError(`unknown org command "${first}" (expected plan or run); see basepin org --help`);
  const mode = first ?? "all";
  const args = {
    mode,
    repositories: values.repositories ?? "all",
    appId: values["app-id"],
    privateKey: values["private-key"],
    installationId: values["installation-id"],
    json: values.json ?? false,
    dryRun: values["dry-run"] ?? false,
    config: values.config,
    shards: wholeNumber("shards", values.shards),
    shard: wholeNumber("shard", values.shard),
    resolution: values.resolution,
    debug: values.debug ?? false
  };
  if (mode === "plan" && (args.shards === void 0 || args.resolution === void 0))
    throw new UsageError("basepin org plan needs --shards N and --resolution FILE");
  if (mode === "run" && (args.shard === void 0 || args.resolution === void 0))
    throw new UsageError("basepin org run needs --shard I and --resolution FILE");
  if (mode !== "plan" && args.shards !== void 0)
    throw new UsageError("--shards belongs to basepin org plan");
  if (mode !== "run" && args.shard !== void 0) throw new UsageError("--shard belongs to basepin org run");
  if (mode === "all" && args.resolution !== void 0)
    throw new UsageError("--resolution belongs to basepin org plan and basepin org run");
  return args;
}

export {
  orgUsage,
  parseOrgArgs
};
