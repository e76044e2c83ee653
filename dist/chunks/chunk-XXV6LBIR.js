import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  defaultUntrustedLength,
  untrustedText
} from "./chunk-3OGTIWMH.js";

// src/text/markdown.ts
var maxCodeSpanChars = 200;
function escapeMarkdown(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_{}[\]()#+\-.!|~@:]/g, (c) => `\\${c}`);
}
function untrustedMarkdown(text, maxLength = defaultUntrustedLength) {
  return escapeMarkdown(untrustedText(text, maxLength));
}
function longestBacktickRun(text) {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
function codeSpan(text, options = {}) {
  const visible = untrustedText(text, options.max ?? maxCodeSpanChars);
  const shown = options.inTable ? visible.replaceAll("|", "\\|") : visible;
  const fence = "`".repeat(longestBacktickRun(shown) + 1);
  const pad = shown.startsWith("`") || shown.endsWith("`") || shown === "" ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}
function markdownLink(label, url) {
  return `[${untrustedMarkdown(label, maxCodeSpanChars)}](${url})`;
}

export {
  escapeMarkdown,
  untrustedMarkdown,
  codeSpan,
  markdownLink
};
