import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createOutboundDispatcher,
  useGuardedDispatcher
} from "./chunk-XJYYMXZG.js";
import "./chunk-FH5UFGL6.js";
import "./chunk-FO4YOAWA.js";
export {
  createOutboundDispatcher,
  useGuardedDispatcher
};
