import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  useGuardedDispatcher
} from "./chunk-XZ4JWF34.js";
import "./chunk-K4NO2PJR.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  useGuardedDispatcher
};
