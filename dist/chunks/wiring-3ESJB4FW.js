import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
} from "./chunk-ZDGIU3N4.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-WWAPFOG3.js";
import "./chunk-2C7PG53F.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
};
