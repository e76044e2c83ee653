import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  SettingsError,
  parseCredential,
  parsePair,
  settingSpecs
} from "./chunk-QQR26GZI.js";

// src/config-file/load.ts
import { readFile } from "node:fs/promises";
var defaultConfigPath = ".github/basepin.yml";
async function loadConfigSource(path, options) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!options.required && error.code === "ENOENT") {
      return { label: (key) => `${options.shown}: ${key}`, values: {} };
    }
    throw new SettingsError(`${options.shown}: cannot read config file (${error.message})`);
  }
  const { configTextSource } = await import("./config-text-O2HIZIOF.js");
  return configTextSource(options.shown, text);
}

// src/config/settings.ts
var specs = settingSpecs;
function runSettings(input) {
  const chosen = /* @__PURE__ */ new Map();
  for (const source of [...input.sources].reverse()) {
    for (const [key, raw] of Object.entries(source.values)) {
      const parsed = specs[key].parse(raw);
      if ("problem" in parsed) throw new SettingsError(`${source.label(key)}: ${parsed.problem}`);
      chosen.set(key, parsed.value);
    }
  }
  const get = (key) => chosen.has(key) ? chosen.get(key) : specs[key].fallback;
  return {
    cwd: input.cwd,
    paths: get("paths"),
    include: get("include"),
    exclude: get("exclude"),
    excludeImages: get("exclude-images"),
    pinArgRepositories: get("pin-arg-repositories"),
    registryMirrors: get("registry-mirrors"),
    registryAliases: get("registry-aliases"),
    registryDeadlineMs: get("registry-deadline"),
    insecureRegistries: get("insecure-registries"),
    credentials: input.credentials ?? {},
    platform: get("platform"),
    concurrency: get("concurrency"),
    groupBy: get("group-by"),
    maxPullRequests: get("max-pull-requests"),
    baseBranch: get("base-branch"),
    branchPrefix: get("branch-prefix"),
    labels: get("labels"),
    reviewers: get("reviewers"),
    assignees: get("assignees"),
    draft: get("draft"),
    commitMessagePrefix: get("commit-message-prefix"),
    dryRun: get("dry-run"),
    failOnUnpinned: get("fail-on-unpinned"),
    dashboard: get("dashboard"),
    commandPermission: get("command-permission"),
    skipUnchangedPlatforms: get("skip-unchanged-platforms"),
    minimumAgeMs: get("minimum-age"),
    osvApi: get("osv-api"),
    vulnerabilityPolicy: get("vulnerability-policy")
  };
}

// src/config/sources.ts
var specs2 = settingSpecs;
var keys = Object.keys(settingSpecs);
function listInput(value) {
  return value.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== "" && !item.startsWith("#"));
}
function lines(values) {
  return values.flatMap((value) => value.split(/\r?\n/)).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}
function pairLines(label, values) {
  const show = (line) => JSON.stringify(line.replace(/\/\/[^/@\s]*@/g, "//***@"));
  return {
    kind: "pairs",
    value: lines(values).map((line) => {
      const parsed = parsePair(line, show);
      if ("problem" in parsed) throw new SettingsError(`${label}: ${parsed.problem}`);
      return parsed.value;
    })
  };
}
function fromText(key, label, values) {
  const spec = specs2[key];
  switch (spec.shape) {
    case "list":
      return { kind: "list", value: values.flatMap(listInput) };
    case "pairs":
      return pairLines(label, values);
    default:
      return { kind: "text", value: values.at(-1) ?? "" };
  }
}
function inputSource(read) {
  const values = {};
  for (const key of keys) {
    if (specs2[key].input === false) continue;
    const value = read(key);
    if (value.trim() !== "") values[key] = fromText(key, `input ${key}`, [value]);
  }
  return { label: (key) => `input ${key}`, values };
}
function flagName(key) {
  const flag = specs2[key].flag;
  return flag === null ? void 0 : flag ?? key;
}
function flagSource(flags) {
  const values = {};
  for (const key of keys) {
    const name = flagName(key);
    const given = name === void 0 ? void 0 : flags[name];
    if (given === void 0 || Array.isArray(given) && given.length === 0) continue;
    const texts = typeof given === "string" ? [given] : given;
    values[key] = specs2[key].shape === "list" ? { kind: "list", value: [...texts] } : fromText(key, `--${name}`, texts);
  }
  return {
    label: (key) => `--${flagName(key) ?? key}`,
    values
  };
}
function credentialLines(label, values) {
  const credentials = {};
  const hidden = () => "a line not shown here, as it may hold a secret";
  for (const line of lines(values)) {
    const pair = parsePair(line, hidden);
    if ("problem" in pair) throw new SettingsError(`${label}: ${pair.problem}`);
    const [host, value] = pair.value;
    const credential = parseCredential(host, value);
    if ("problem" in credential) throw new SettingsError(`${label}: ${credential.problem}`);
    credentials[host] = { ...credential.value, source: label };
  }
  return credentials;
}

export {
  defaultConfigPath,
  loadConfigSource,
  runSettings,
  inputSource,
  flagSource,
  credentialLines
};
