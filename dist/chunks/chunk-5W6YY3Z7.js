import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/text/untrusted.ts
var defaultUntrustedLength = 300;
var unsafeCharacter = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/gu;
function escapeCharacter(character) {
  const code = character.codePointAt(0) ?? 0;
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function untrustedText(text, maxLength = defaultUntrustedLength) {
  const headLength = maxLength * 4 + 64;
  const cut = text.length > headLength;
  const line = (cut ? text.slice(0, headLength) : text).toWellFormed().replace(/[ \t\n]+/g, " ").trim();
  const codePoints = [...line];
  const long = cut || codePoints.length > maxLength;
  const escaped = escapeControls(codePoints.slice(0, maxLength).join(""));
  return long ? `${escaped}\u2026` : escaped;
}
function escapeControls(text) {
  return text.replace(unsafeCharacter, escapeCharacter);
}
function quoteUntrusted(text, maxLength = 200) {
  return `"${untrustedText(
    text.replace(/["\\]/g, (c) => `\\${c}`),
    maxLength
  )}"`;
}

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
  untrustedText,
  escapeControls,
  quoteUntrusted,
  escapeMarkdown,
  untrustedMarkdown,
  codeSpan,
  markdownLink
};
