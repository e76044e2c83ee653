import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  osvClientFor,
  readActionSettings,
  redactedGitHubWrites,
  registryClientFor,
  signatureTrustFor,
  useGuardedDispatcher
<<<<<<<< HEAD:dist/chunks/wiring-NI5GSGTX.js
} from "./chunk-Y6FDPZD7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-MDWI44ZY.js";
import "./chunk-7RQZ5NAK.js";
========
} from "./chunk-3IDR5SDD.js";
import "./chunk-4KC7TN2R.js";
import "./chunk-VUT23VHG.js";
>>>>>>>> kinds2:dist/chunks/wiring-PBWGRUDN.js
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
