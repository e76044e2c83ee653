import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  configTextSource,
  fileSource
} from "./chunk-MKDREF35.js";
import "./chunk-PPE23XJU.js";
import "./chunk-T6SEWAHI.js";
import "./chunk-FO4YOAWA.js";
export {
  configTextSource,
  fileSource
};
