import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import "./chunk-FO4YOAWA.js";

// src/cli/heap-growth.ts
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
var semiSpaceCapBytes = 8 * 1024 * 1024;
var oldGenerationGrowingPercent = 50;
var youngFlags = /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/;
var oldFlags = /--heap[-_]growing[-_]percent/;
function limitHeapGrowth(flags) {
  if (!oldFlags.test(flags)) setFlagsFromString(`--heap-growing-percent=${oldGenerationGrowingPercent}`);
  if (youngFlags.test(flags) || steerYoungGrowth()) return;
  const observer = new PerformanceObserver(() => {
    if (steerYoungGrowth()) observer.disconnect();
  });
  observer.observe({ entryTypes: ["gc"] });
}
function steerYoungGrowth() {
  const factor = Math.floor(semiSpaceCapBytes / semiSpaceCapacity());
  setFlagsFromString(`--semi-space-growth-factor=${Math.max(1, factor)}`);
  return factor <= 1;
}
function semiSpaceCapacity() {
  const space = getHeapSpaceStatistics().find((entry) => entry.space_name === "new_space");
  return Math.max(1, (space?.space_used_size ?? 0) + (space?.space_available_size ?? 0));
}
export {
  limitHeapGrowth,
  oldGenerationGrowingPercent,
  semiSpaceCapBytes
};
