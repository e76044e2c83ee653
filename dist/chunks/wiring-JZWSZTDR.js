import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
<<<<<<<< HEAD:dist/chunks/wiring-R4D6URMW.js
} from "./chunk-LVLUTJZY.js";
import "./chunk-PPE23XJU.js";
import "./chunk-RHUJOALV.js";
import "./chunk-T6SEWAHI.js";
========
} from "./chunk-GKSYNI3A.js";
import "./chunk-NCNEZE7A.js";
import "./chunk-QQR26GZI.js";
>>>>>>>> org2:dist/chunks/wiring-JZWSZTDR.js
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
