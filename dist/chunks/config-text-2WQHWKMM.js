import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  configTextSource,
  fileSource
} from "./chunk-DNJKG57M.js";
import "./chunk-PPE23XJU.js";
import "./chunk-FXMTIOOA.js";
import "./chunk-FO4YOAWA.js";
export {
  configTextSource,
  fileSource
};
