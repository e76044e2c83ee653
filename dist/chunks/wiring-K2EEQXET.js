import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
} from "./chunk-EPTFGCAM.js";
import "./chunk-GSO2UWYA.js";
import "./chunk-B3IF4MBB.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
};
