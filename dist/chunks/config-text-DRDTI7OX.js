import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  configTextSource,
  fileSource
} from "./chunk-MTL2KQHC.js";
import "./chunk-PPE23XJU.js";
import "./chunk-2C7PG53F.js";
import "./chunk-FO4YOAWA.js";
export {
  configTextSource,
  fileSource
};
