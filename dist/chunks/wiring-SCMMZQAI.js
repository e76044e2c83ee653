import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
} from "./chunk-4FS2I7J5.js";
import "./chunk-PPE23XJU.js";
import "./chunk-KC2VFT4I.js";
import "./chunk-QGMWL4UO.js";
import "./chunk-3OGTIWMH.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
};
