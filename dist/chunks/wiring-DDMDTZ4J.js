import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
} from "./chunk-UX3ADXCB.js";
import "./chunk-PPE23XJU.js";
import "./chunk-3HLBALUW.js";
import "./chunk-WHYDZHTB.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
};
