import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  useEnvironmentProxy
} from "./chunk-GHH224BD.js";
import "./chunk-FO4YOAWA.js";
export {
  useEnvironmentProxy
};
