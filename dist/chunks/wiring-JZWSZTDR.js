import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
} from "./chunk-GKSYNI3A.js";
import "./chunk-NCNEZE7A.js";
import "./chunk-QQR26GZI.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  useGuardedDispatcher
};
