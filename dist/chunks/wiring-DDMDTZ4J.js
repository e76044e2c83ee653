import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
<<<<<<<< HEAD:dist/chunks/wiring-ESPHPEOA.js
} from "./chunk-MANEI3F7.js";
import "./chunk-KY6VSP6D.js";
import "./chunk-LCI2BVV7.js";
========
} from "./chunk-UX3ADXCB.js";
import "./chunk-PPE23XJU.js";
import "./chunk-3HLBALUW.js";
import "./chunk-WHYDZHTB.js";
>>>>>>>> vuln2:dist/chunks/wiring-DDMDTZ4J.js
import "./chunk-5W6YY3Z7.js";
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
