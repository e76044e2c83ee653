import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
} from "./chunk-MANEI3F7.js";
import "./chunk-KY6VSP6D.js";
import "./chunk-LCI2BVV7.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
};
