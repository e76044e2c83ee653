import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  configTextSource,
  fileSource
} from "./chunk-ADTIZOIU.js";
import "./chunk-QQR26GZI.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";
export {
  configTextSource,
  fileSource
};
