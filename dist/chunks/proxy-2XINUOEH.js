import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  useGuardedDispatcher
} from "./chunk-N3G4VWZA.js";
import "./chunk-YASCT2L2.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  useGuardedDispatcher
};
