import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  escapeMarkdown
} from "./chunk-XXV6LBIR.js";
import {
  escapeControls
} from "./chunk-3OGTIWMH.js";

// src/text/redactor.ts
var redactedMark = "***";
var minSecretLength = 4;
var minCutPrefix = 4;
var cutMark = "\u2026";
var transforms = [
  (text) => escapeControls(text.toWellFormed().replace(/[ \t\n]+/g, " ")),
  (text) => text.trim(),
  (text) => JSON.stringify(text).slice(1, -1),
  (text) => encodeURIComponent(text),
  (text) => new URLSearchParams({ s: text }).toString().slice(2),
  (text) => escapeMarkdown(text)
];
function formsOf(secret) {
  return escapings(secret).filter((form) => form.length >= minSecretLength);
}
function escapings(secret) {
  const forms = /* @__PURE__ */ new Set([secret]);
  for (let depth = 0; depth < 3; depth += 1) {
    for (const form of [...forms]) for (const transform of transforms) forms.add(transform(form));
  }
  return [...forms];
}
var cutMarks = escapings(cutMark);
function createRedactor() {
  const secrets = /* @__PURE__ */ new Set();
  let forms = [];
  const redactor = {
    add(secret) {
      if (secret.length < minSecretLength || secrets.has(secret)) return;
      secrets.add(secret);
      forms = [.../* @__PURE__ */ new Set([...forms, ...formsOf(secret)])].sort((a, b) => b.length - a.length);
    },
    addCredential(username, password) {
      redactor.add(password);
      redactor.add(Buffer.from(`${username}:${password}`).toString("base64"));
    },
    redact(text) {
      if (forms.length === 0) return text;
      let out = text;
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(redactedMark);
      for (const mark of cutMarks) if (out.includes(mark)) out = maskCutPrefixes(out, forms, mark);
      return out;
    }
  };
  return redactor;
}
function maskCutPrefixes(text, forms, cutMark2) {
  let out = text;
  for (let cut = out.indexOf(cutMark2); cut !== -1; cut = out.indexOf(cutMark2, cut + 1)) {
    let longest = 0;
    for (const form of forms) {
      for (let length = Math.min(form.length - 1, cut); length >= minCutPrefix; length -= 1) {
        if (length <= longest) break;
        if (out.startsWith(form.slice(0, length), cut - length)) {
          longest = length;
          break;
        }
      }
    }
    if (longest > 0) {
      out = `${out.slice(0, cut - longest)}${redactedMark}${out.slice(cut)}`;
      cut = cut - longest + redactedMark.length;
    }
  }
  return out;
}

export {
  createRedactor
};
