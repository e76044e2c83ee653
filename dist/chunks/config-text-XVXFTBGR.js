import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  configTextSource,
  fileSource
} from "./chunk-Y7KJXDM6.js";
import "./chunk-PPE23XJU.js";
import "./chunk-GSTKDZEI.js";
import "./chunk-FO4YOAWA.js";
export {
  configTextSource,
  fileSource
};
