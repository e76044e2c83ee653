import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
} from "./chunk-3IDR5SDD.js";
import "./chunk-4KC7TN2R.js";
import "./chunk-VUT23VHG.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
};
