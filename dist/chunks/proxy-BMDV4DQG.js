import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  useGuardedDispatcher
} from "./chunk-D6HHS3H4.js";
import "./chunk-K4NO2PJR.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  useGuardedDispatcher
};
