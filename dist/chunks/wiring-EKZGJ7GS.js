import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
} from "./chunk-FZUB3QGC.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-7XS6EVEF.js";
import "./chunk-T6SEWAHI.js";
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
