/**
 * How an image word (`FROM <word>`, `--from=<word>`) names its image: a
 * literal, one ARG for the whole reference, one ARG for the whole tag, an
 * ARG only in the registry/namespace, an inline default — or a form we do
 * not pin, with the reason. docs/architecture.md, "ARG".
 */
import { expandWord, isBuilderArg, platformReason, type Expansion, type GlobalArg } from './arg-values.ts';
import { findVariableRefs, type VariableRef } from './variables.ts';

export type { GlobalArg } from './arg-values.ts';

export interface TokenScope {
  readonly escape: string;
  /** Global ARGs (declared before the first FROM), last declaration wins. */
  readonly globals: ReadonlyMap<string, GlobalArg>;
  /** Whether a name is a build stage here (case-insensitive). */
  readonly isStage: (name: string) => boolean;
  /** The build stage names here, lower-cased. */
  readonly stages: Iterable<string>;
}

export type TokenReading =
  | { readonly form: 'not-image' }
  /** Pin inside the word itself, at [pinStart, pinEnd) (word indices). */
  | {
      readonly form: 'in-place';
      readonly resolved: string;
      readonly pinStart: number;
      readonly pinEnd: number;
      readonly tagOnly: boolean;
    }
  /** `${NAME}`: the pin goes in the ARG line, if NAME feeds nothing else. */
  | { readonly form: 'arg-reference'; readonly name: string; readonly resolved: string | undefined }
  /** `image:${NAME}`: the pin goes after the tag in the ARG line, if NAME feeds nothing else. */
  | {
      readonly form: 'arg-tag';
      readonly name: string;
      readonly image: string;
      readonly resolved: string | undefined;
    }
  /** `$REPO:8.0`: the whole repository is ARG NAME, the tag is literal; pinned in the FROM line. */
  | { readonly form: 'arg-repository'; readonly name: string; readonly resolved: string | undefined }
  | { readonly form: 'skipped'; readonly reason: string; readonly resolved: string | undefined }
  /** BuildKit cannot read the word: the build fails. */
  | { readonly form: 'invalid'; readonly reason: string };

export const templateReason = 'template placeholder ({{…}}): not a Dockerfile a build reads';
export const templatePattern = /\{\{[^]*\}\}/;

export function readImageToken(word: string, scope: TokenScope): TokenReading {
  if (templatePattern.test(word)) return skipped(templateReason, undefined);
  if (/["']/.test(word) || word.includes(scope.escape)) return readQuotedWord(word, scope);
  const refs = findVariableRefs(word, scope.escape);
  const expansion = expandWord(word, scope.globals, scope.escape);
  const resolved = expansion.value;
  // `alpine:${V` or `${V:x}`: BuildKit fails the build.
  if (expansion.error && expansion.error.required === undefined)
    return unknownReason(expansion) as TokenReading;
  if (refs.length === 0 && resolved !== undefined && resolved !== word) {
    // `$1`, `$#`, `$@`: shell parameters BuildKit expands (to nothing, as they are never set).
    if (isNotImage(resolved, scope)) return { form: 'not-image' };
    return skipped(
      'the reference uses a shell parameter ($1, $#, …) that BuildKit expands; pin by hand',
      resolved,
    );
  }
  if (refs.length === 0) {
    if (isNotImage(word, scope)) return { form: 'not-image' };
    return { form: 'in-place', resolved: word, pinStart: 0, pinEnd: word.length, tagOnly: false };
  }
  if (resolved !== undefined && isNotImage(resolved, scope)) return { form: 'not-image' };
  if (resolved === undefined && patternNamesStage(word, refs, scope)) return { form: 'not-image' };
  const unknown = unknownReason(expansion);
  if (unknown) return unknown;
  const only = refs.length === 1 ? (refs[0] as VariableRef) : undefined;
  if (only && only.start === 0 && only.end === word.length) return readWholeWord(only, scope, resolved);

  const masked = maskRefs(word, refs);
  const at = digestAt(masked);
  const nameAndTag = at === -1 ? masked : masked.slice(0, at);
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.lastIndexOf(':');
  const tagStart = colon > lastSlash ? colon + 1 : -1;
  const tagEnd = nameAndTag.length;
  const digestRefs = refs.filter((ref) => at !== -1 && ref.start > at);
  const tagRefs = refs.filter((ref) => tagStart !== -1 && ref.start >= tagStart && !digestRefs.includes(ref));
  const nameRefs = refs.filter((ref) => !tagRefs.includes(ref) && !digestRefs.includes(ref));

  if (digestRefs.length > 0)
    return skipped(`the digest comes from ARG ${names(digestRefs)}; pin by hand`, resolved);
  const lastComponent = nameRefs.find((ref) => ref.end > lastSlash);
  const wholeName =
    lastComponent !== undefined &&
    nameRefs.length === 1 &&
    lastComponent.start === 0 &&
    lastComponent.end === tagStart - 1 &&
    lastComponent.modifier === '';
  if (wholeName && tagRefs.length === 0)
    return { form: 'arg-repository', name: lastComponent.name, resolved };
  if (lastComponent) {
    return skipped(
      `the image name is built from ARG ${lastComponent.name}; only a variable registry or namespace can be pinned — pin by hand`,
      resolved,
    );
  }
  const missing = firstMissing(nameRefs, scope);
  if (missing) return skipped(missing, resolved);
  if (tagRefs.length === 0) {
    if (resolved === undefined) return skipped(missingReason(expansion.missing[0] ?? '', scope), undefined);
    return { form: 'in-place', resolved, pinStart: 0, pinEnd: word.length, tagOnly: false };
  }
  if (tagRefs.length > 1) {
    return skipped(`the tag is built from several ARGs (${names(tagRefs)}); pin by hand`, resolved);
  }
  const tagRef = tagRefs[0] as VariableRef;
  const tag = word.slice(tagStart, tagEnd);
  if (tagRef.start !== tagStart || tagRef.end !== tagEnd) {
    return skipped(
      `ARG ${tagRef.name} is only part of the tag ${tag}; make the ARG the whole tag or pin by hand`,
      resolved,
    );
  }
  const image = word.slice(0, tagStart - 1);
  if (tagRef.modifier === '') return { form: 'arg-tag', name: tagRef.name, image, resolved };
  if (tagRef.modifier === ':-' || tagRef.modifier === '-') {
    const inline = readInlineDefault(tagRef, scope);
    if (inline !== undefined) return skipped(inline, resolved);
    if (resolved === undefined) return skipped(missingReason(expansion.missing[0] ?? '', scope), undefined);
    return {
      form: 'in-place',
      resolved,
      pinStart: tagRef.wordStart,
      pinEnd: tagRef.end - 1,
      tagOnly: true,
    };
  }
  return skipped(`the tag ${tag} is computed by ARG ${tagRef.name}; pin by hand`, resolved);
}

/** Why a reference to an ARG cannot be resolved, in words a person can act on. */
export function missingReason(name: string, scope: TokenScope): string {
  const declared = scope.globals.get(name);
  if (declared?.value !== undefined) {
    return `the default of ARG ${name} (line ${declared.line}) uses ARGs without defaults; give them defaults`;
  }
  if (isBuilderArg(name)) return platformReason(name);
  if (declared) return `ARG ${name} has no default; pass --build-arg or give it a default`;
  return `${name} is not a global ARG; declare ARG ${name}=… before the first FROM`;
}

function readWholeWord(ref: VariableRef, scope: TokenScope, resolved: string | undefined): TokenReading {
  if (ref.modifier === '') return { form: 'arg-reference', name: ref.name, resolved };
  if (ref.modifier === ':-' || ref.modifier === '-') {
    const reason = readInlineDefault(ref, scope);
    if (reason !== undefined) return skipped(reason, resolved);
    return {
      form: 'in-place',
      resolved: ref.word,
      pinStart: ref.wordStart,
      pinEnd: ref.end - 1,
      tagOnly: false,
    };
  }
  return skipped(`the reference is computed by \${${ref.name}${ref.word ? '…' : ''}}; pin by hand`, resolved);
}

/** A reason to skip an inline default, or undefined when the default is what a build uses. */
function readInlineDefault(ref: VariableRef, scope: TokenScope): string | undefined {
  if (ref.word.includes('$')) return `the inline default of ${ref.name} is built from ARGs; pin by hand`;
  if (/["'\\`]/.test(ref.word))
    return `the inline default of ${ref.name} is quoted; unquote it or pin by hand`;
  const declared = scope.globals.get(ref.name);
  if (declared?.value !== undefined && (ref.modifier === '-' || declared.value !== '')) {
    return `ARG ${ref.name} has a default (line ${declared.line}) that replaces the inline default ${ref.word}; keep one default`;
  }
  return undefined;
}

/** A reading for a word whose value BuildKit cannot know or read, or undefined. */
function unknownReason(expansion: Expansion): TokenReading | undefined {
  const { error, platform } = expansion;
  if (error?.required !== undefined) {
    return skipped(
      `ARG ${error.required} must be passed as a build-arg (${error.message}); pin by hand`,
      undefined,
    );
  }
  if (error) return { form: 'invalid', reason: `BuildKit cannot expand the reference: ${error.message}` };
  if (platform !== undefined) return skipped(platformReason(platform), undefined);
  return undefined;
}

/**
 * A word with quotes or escapes: BuildKit reads it after quote removal
 * (`FROM "alpine:3.20"` is alpine:3.20). A word wholly inside one pair of
 * quotes is read as its inside; any other is resolved but not edited.
 */
function readQuotedWord(word: string, scope: TokenScope): TokenReading {
  const quote = word[0];
  const inner = word.slice(1, -1);
  const wrapped = word.length >= 2 && (quote === '"' || quote === "'") && word.at(-1) === quote;
  const plainInside = !/["']/.test(inner) && !inner.includes(scope.escape) && !inner.includes('\\');
  if (wrapped && plainInside && (quote === '"' || !inner.includes('$'))) {
    const reading = readImageToken(inner, scope);
    if (reading.form !== 'in-place') return reading;
    return { ...reading, pinStart: reading.pinStart + 1, pinEnd: reading.pinEnd + 1 };
  }
  const expansion = expandWord(word, scope.globals, scope.escape);
  const resolved = expansion.value;
  if (resolved !== undefined && isNotImage(resolved, scope)) return { form: 'not-image' };
  const unknown = unknownReason(expansion);
  if (unknown) return unknown;
  if (resolved === undefined) return skipped(missingReason(expansion.missing[0] ?? '', scope), undefined);
  return skipped('the reference is quoted or escaped in a way basepin cannot edit; pin by hand', resolved);
}

function firstMissing(refs: readonly VariableRef[], scope: TokenScope): string | undefined {
  for (const ref of refs) {
    // `${CI_DEPENDENCY_PROXY_PREFIX:-docker.io}/library/node:20`: any registry serves the same digest,
    // so a default that names one is as good as a declared one (the caller still needs a resolved value).
    if ((ref.modifier === ':-' || ref.modifier === '-') && !ref.word.includes('$')) continue;
    if (ref.modifier !== '') return `the registry part uses \${${ref.name}…}; pin by hand`;
    if (scope.globals.get(ref.name)?.expanded === undefined) return missingReason(ref.name, scope);
  }
  return undefined;
}

/**
 * `FROM binaries-$TARGETOS` picks one of the stages `binaries-linux`, `binaries-windows`
 * (moby/buildkit, docker/buildx): when the word cannot be resolved but its literal text,
 * with each variable read as any run of stage-name characters, matches a stage, it names
 * a stage, not an image. A lone `${X}` has no literal text to go by and is not read so.
 */
function patternNamesStage(word: string, refs: readonly VariableRef[], scope: TokenScope): boolean {
  let pattern = '';
  let last = 0;
  for (const ref of refs) {
    pattern += escapeRegExp(word.slice(last, ref.start)) + '[a-z0-9._-]*';
    last = ref.end;
  }
  pattern += escapeRegExp(word.slice(last));
  const literal = word.length - refs.reduce((sum, ref) => sum + ref.end - ref.start, 0);
  if (literal === 0) return false;
  const stagePattern = new RegExp(`^${pattern}$`, 'i');
  for (const stage of scope.stages) if (stagePattern.test(stage)) return true;
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isNotImage(text: string, scope: TokenScope): boolean {
  return text.toLowerCase() === 'scratch' || scope.isStage(text);
}

/**
 * Where the digest of a reference word sits, as word indices: from its `@`
 * to the end, or the empty point at the end when it has none. The one rule
 * for both reading a word and writing its pin: text inside variables is
 * masked first, since a default may hold `:`, `/` or `@`
 * (`${REG:-localhost:5000}/img`), and only the literal text is read.
 */
export function digestSpan(word: string, escape: string): { start: number; end: number } {
  const at = digestAt(maskRefs(word, findVariableRefs(word, escape)));
  return { start: at === -1 ? word.length : at, end: word.length };
}

/** The `@` after the last `/` of a word whose variables are masked, or -1. */
function digestAt(masked: string): number {
  return masked.indexOf('@', Math.max(0, masked.lastIndexOf('/')));
}

function maskRefs(word: string, refs: readonly VariableRef[]): string {
  let masked = word;
  for (const ref of refs) {
    masked = masked.slice(0, ref.start) + '_'.repeat(ref.end - ref.start) + masked.slice(ref.end);
  }
  return masked;
}

function names(refs: readonly VariableRef[]): string {
  return [...new Set(refs.map((ref) => ref.name))].join(', ');
}

function skipped(reason: string, resolved: string | undefined): TokenReading {
  return { form: 'skipped', reason, resolved };
}
