import { escapeMarkdown } from './markdown.ts';
import { escapeControls } from './untrusted.ts';

/**
 * The one place that knows every secret basepin holds (passwords, identity
 * tokens, `user:password` in base64, bearer and refresh tokens received,
 * the GitHub token) and masks each, in every form it can travel in, in
 * everything basepin writes: stdout, stderr, `--json`, the action's log,
 * annotations, the job summary, PR bodies and comments (so no secret reaches a log, an output or GitHub).
 *
 * The entries create one, feed it (`onSecret` of the registry client,
 * credentials from inputs) and pass every outgoing string through `redact`.
 */
export interface Redactor {
  /** Registers a secret; shorter than `minSecretLength` ones are ignored (masking them would mangle all output). */
  add(secret: string): void;
  /** A username/password pair: the password, and the base64 `user:password` of a Basic header. */
  addCredential(username: string, password: string): void;
  redact(text: string): string;
}

export const redactedMark = '***';
export const minSecretLength = 4;
/** A prefix of a secret cut off by a length cap (`untrustedText` ends with `…`) is masked from this long. */
const minCutPrefix = 4;
const cutMark = '…';

/** Escapings a secret passes through on its way out: untrusted-text sanitising, JSON strings, URLs and forms, markdown. */
const transforms: readonly ((text: string) => string)[] = [
  (text) => escapeControls(text.toWellFormed().replace(/[ \t\n]+/g, ' ')),
  (text) => text.trim(),
  (text) => JSON.stringify(text).slice(1, -1),
  (text) => encodeURIComponent(text),
  (text) => new URLSearchParams({ s: text }).toString().slice(2),
  (text) => escapeMarkdown(text),
];

/** The secret and what up to three escapings make of it (a registry message, sanitised, in JSON, in markdown). */
function formsOf(secret: string): string[] {
  return escapings(secret).filter((form) => form.length >= minSecretLength);
}

function escapings(secret: string): string[] {
  const forms = new Set([secret]);
  for (let depth = 0; depth < 3; depth += 1) {
    for (const form of [...forms]) for (const transform of transforms) forms.add(transform(form));
  }
  return [...forms];
}

/** The cap's ellipsis as it appears after the same escapings (`%E2%80%A6` in a URL). */
const cutMarks = escapings(cutMark);

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  let forms: string[] = [];

  const redactor: Redactor = {
    add(secret) {
      if (secret.length < minSecretLength || secrets.has(secret)) return;
      secrets.add(secret);
      // Longest first, so a secret that contains another is masked whole.
      forms = [...new Set([...forms, ...formsOf(secret)])].sort((a, b) => b.length - a.length);
    },
    addCredential(username, password) {
      redactor.add(password);
      redactor.add(Buffer.from(`${username}:${password}`).toString('base64'));
    },
    redact(text) {
      if (forms.length === 0) return text;
      let out = text;
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(redactedMark);
      for (const mark of cutMarks) if (out.includes(mark)) out = maskCutPrefixes(out, forms, mark);
      return out;
    },
  };
  return redactor;
}

/** `…dTUyMDM6c2Vj…` where a cap cut a secret short: the start of a secret just before the cut is masked too. */
function maskCutPrefixes(text: string, forms: readonly string[], cutMark: string): string {
  let out = text;
  for (let cut = out.indexOf(cutMark); cut !== -1; cut = out.indexOf(cutMark, cut + 1)) {
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
