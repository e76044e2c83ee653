import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-PPE23XJU.js";
import {
  SettingsError,
  require_dist,
  settingSpecs
} from "./chunk-FXMTIOOA.js";
import {
  __toESM
} from "./chunk-FO4YOAWA.js";

// src/config/config-text.ts
var import_yaml = __toESM(require_dist(), 1);

// src/config/file-schema.ts
var configFile;
function configFileSchema() {
  configFile ??= external_exports.object(
    Object.fromEntries(
      Object.entries(settingSpecs).flatMap(
        ([key, spec]) => spec.file ? [[key, spec.file(external_exports).describe(spec.description).optional()]] : []
      )
    )
  ).strict();
  return configFile;
}

// src/config/config-text.ts
var specs = settingSpecs;
function configTextSource(shown, text) {
  let data;
  try {
    data = (0, import_yaml.parse)(text) ?? {};
  } catch (error) {
    throw new SettingsError(`${shown}: invalid YAML: ${error.message.split("\n")[0]}`);
  }
  return fileSource(shown, data);
}
function fileSource(path, data) {
  const result = configFileSchema().safeParse(data ?? {});
  if (!result.success) throw new SettingsError(`${path}: ${describeIssue(result.error.issues[0])}`);
  const values = {};
  for (const [key, value] of Object.entries(result.data)) {
    if (value === void 0) continue;
    values[key] = fileShape(key, value);
  }
  return { label: (key) => `${path}: ${key}`, values };
}
function fileShape(key, value) {
  switch (specs[key].shape) {
    case "list":
      return { kind: "list", value: Array.isArray(value) ? value : [String(value)] };
    case "pairs":
      return {
        kind: "pairs",
        value: Object.entries(value).flatMap(
          ([host, urls]) => (Array.isArray(urls) ? urls : [urls]).map((url) => [host, url])
        )
      };
    case "boolean":
      return { kind: "boolean", value };
    case "number":
      return { kind: "number", value };
    default:
      return { kind: "text", value: String(value) };
  }
}
function describeIssue(issue) {
  if (!issue) return "invalid config";
  if (issue.code === "unrecognized_keys") {
    return `unknown key ${issue.keys.map((key2) => JSON.stringify(key2)).join(", ")}`;
  }
  const key = issue.path.map(String).join(".");
  return `${key ? `${key}: ` : ""}${issue.message}`;
}

export {
  configTextSource,
  fileSource
};
