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

export {
  defaultUntrustedLength,
  untrustedText,
  escapeControls,
  quoteUntrusted
};
