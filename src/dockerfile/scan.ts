/**
 * One pass over the instructions: global ARGs, build stages, images named
 * by `COPY --from` and `RUN --mount=…,from=`, and every use of a global ARG
 * (so a pin in an ARG line can be refused when the ARG feeds something else).
 */
import { expandWord, type GlobalArg } from './arg-values.ts';
import { splitCommand } from './heredoc.ts';
import type { Instruction, LexedDockerfile } from './lex.ts';
import type { SourceRange } from './site.ts';
import { findVariableRefs } from './variables.ts';
import {
  builderFlagsEnd,
  leadingFlags,
  mountOptions,
  splitBlankWords,
  splitWords,
  unquote,
  type Flag,
  type ValueSpan,
  type Word,
} from './words.ts';

export interface FromEntry {
  readonly instruction: Instruction;
  readonly image: Word | undefined;
  readonly platform: string | undefined;
  /** `AS name` as written. */
  readonly stage: string | undefined;
  /** Why BuildKit refuses this FROM before reading its image (`--platform linux/amd64 img`), and the flag refused. */
  readonly refused?: { readonly reason: string; readonly written: string } | undefined;
}

export interface ExternalEntry {
  /** `onbuild-…`: in an ONBUILD trigger, so pulled by every build FROM this image. */
  readonly kind: 'copy-from' | 'mount-from' | 'onbuild-copy-from' | 'onbuild-mount-from';
  readonly instruction: Instruction;
  /** The image text; positions index `instruction.args`. */
  readonly value: ValueSpan;
  /** The stage the instruction is in. */
  readonly stage: string | undefined;
  /** Use key of the ARG references in `value`. */
  readonly key: string;
  /** Why BuildKit refuses the instruction (`COPY --from x`); `value` is then the flag word. */
  readonly refused?: string | undefined;
}

/** One place a global ARG is read. */
export interface ArgUse {
  readonly name: string;
  /** Identifies an image word (`from:2`, `external:0`); undefined for any other use. */
  readonly key: string | undefined;
  /** How to name the use in a reason: `golang:1.22-alpine${V} (line 3)` or `RUN on line 9`. */
  readonly label: string;
}

export interface ScannedDockerfile {
  readonly globals: ReadonlyMap<string, GlobalArg>;
  readonly froms: readonly FromEntry[];
  readonly externals: readonly ExternalEntry[];
  readonly uses: readonly ArgUse[];
}

export function scanDockerfile(lexed: LexedDockerfile, text: string): ScannedDockerfile {
  const globals = new Map<string, GlobalArg>();
  const froms: FromEntry[] = [];
  const externals: ExternalEntry[] = [];
  const uses: ArgUse[] = [];
  // Global ARGs a stage re-declared without a value, so its instructions see them.
  let visible = new Set<string>();
  const { escape } = lexed;

  for (const instruction of lexed.instructions) {
    const inStage = froms.length > 0;
    const stage = froms.at(-1)?.stage;
    if (instruction.keyword === 'FROM') {
      const entry = readFrom(instruction, escape);
      froms.push(entry);
      visible = new Set();
      const key = `from:${froms.length - 1}`;
      for (const ref of findVariableRefs(instruction.args, escape)) {
        const inImage = entry.image && ref.start >= entry.image.start && ref.start < entry.image.end;
        uses.push(
          inImage
            ? { name: ref.name, key, label: `${entry.image?.raw} (line ${instruction.line})` }
            : { name: ref.name, key: undefined, label: `FROM --platform on line ${instruction.line}` },
        );
      }
      continue;
    }
    if (instruction.keyword === 'ARG') {
      for (const word of splitWords(instruction.args, escape)) {
        const equals = word.raw.indexOf('=');
        const name = equals === -1 ? word.raw : word.raw.slice(0, equals);
        const raw = equals === -1 ? undefined : word.raw.slice(equals + 1);
        const value = raw === undefined ? undefined : unquote(raw, word.start + equals + 1);
        for (const ref of value ? findVariableRefs(value.value, escape) : []) {
          if (!inStage || visible.has(ref.name)) {
            uses.push({ name: ref.name, key: undefined, label: `ARG ${name} on line ${instruction.line}` });
          }
        }
        if (!inStage) globals.set(name, globalArg(name, raw, value, instruction, text, globals, escape));
        else if (value === undefined && globals.has(name)) visible.add(name);
        else visible.delete(name);
      }
      continue;
    }
    if (!inStage) continue;
    const found = readExternals(instruction, escape, stage, externals.length);
    externals.push(...found);
    const label = `${instruction.keyword} on line ${instruction.line}`;
    for (const ref of findVariableRefs(instruction.args, escape)) {
      if (!visible.has(ref.name)) continue;
      // An ONBUILD trigger's positions index its own text, the end of this instruction's.
      const external = found.find((entry) => {
        const shift = instruction.args.length - entry.instruction.args.length;
        return ref.start >= entry.value.start + shift && ref.start < entry.value.end + shift;
      });
      uses.push(
        external
          ? { name: ref.name, key: external.key, label: `${external.value.value} (line ${instruction.line})` }
          : { name: ref.name, key: undefined, label },
      );
    }
    for (const body of instruction.heredocs) {
      for (const ref of findVariableRefs(body, escape)) {
        if (visible.has(ref.name)) uses.push({ name: ref.name, key: undefined, label });
      }
    }
  }
  return { globals, froms, externals, uses };
}

/** Source range of `args` indices [start, end); undefined when a line continuation splits it. */
export function sourceRange(
  instruction: Instruction,
  text: string,
  start: number,
  end: number,
): SourceRange | undefined {
  const { offsets, args } = instruction;
  if (start < 0 || end > args.length || start > end) return undefined;
  if (start === end) {
    const at = start < offsets.length ? offsets[start] : (offsets[start - 1] ?? -1) + 1;
    return at === undefined || at < 0 ? undefined : { start: at, end: at };
  }
  const range = { start: offsets[start] as number, end: (offsets[end - 1] as number) + 1 };
  return text.slice(range.start, range.end) === args.slice(start, end) ? range : undefined;
}

function readFrom(instruction: Instruction, escape: string): FromEntry {
  // The flags end where BuildKit's flag reader (quotes and escapes kept together) says.
  const flagsEnd = builderFlagsEnd(instruction.args, escape);
  const { flags } = leadingFlags(splitBlankWords(instruction.args.slice(0, flagsEnd)));
  const words = splitBlankWords(instruction.args.slice(flagsEnd)).map((word) => ({
    raw: word.raw,
    start: word.start + flagsEnd,
    end: word.end + flagsEnd,
  }));
  const bare = flags.find((flag) => flag.value === undefined && flag.name !== '');
  if (bare) {
    // BuildKit's flag reader (bflag.go) takes a value only after `=`: `--platform linux/amd64 img` makes
    // `linux/amd64` the image and `img` a second argument, and the FROM is refused.
    const as = words.at(-2);
    const stage = words.length >= 3 && as?.raw.toLowerCase() === 'as' ? words.at(-1)?.raw : undefined;
    return {
      instruction,
      image: undefined,
      platform: undefined,
      stage,
      // The flag word is what is refused (a report's reference field holds no blanks).
      refused: { reason: bareFlagReason('FROM', bare, words[0]), written: bare.word.raw },
    };
  }
  const image = words[0];
  const as = words[1];
  const stage = as && as.raw.toLowerCase() === 'as' ? words[2]?.raw : undefined;
  const platform = flags.find((flag) => flag.name === 'platform')?.value?.value;
  return { instruction, image, platform, stage };
}

/** `COPY --from x`: BuildKit reads a flag's value only after `=`, so it refuses the instruction. */
function bareFlagReason(keyword: string, flag: Flag, next: Word | undefined): string {
  const name = flag.word.raw;
  const written = next === undefined ? `${name}=VALUE` : `${name}=${next.raw}`;
  return `BuildKit refuses this ${keyword}: it reads a flag's value only after "=", so ${name} has none; write ${written}`;
}

function globalArg(
  name: string,
  raw: string | undefined,
  value: ValueSpan | undefined,
  instruction: Instruction,
  text: string,
  earlier: ReadonlyMap<string, GlobalArg>,
  escape: string,
): GlobalArg {
  const range = value?.plain ? sourceRange(instruction, text, value.start, value.end) : undefined;
  const declarations = (earlier.get(name)?.declarations ?? 0) + (raw === undefined ? 0 : 1);
  // `ARG NAME` again keeps the earlier default (convert.go `buildMetaArgs` replaces only with a value).
  const previous = earlier.get(name);
  if (raw === undefined && previous) return { ...previous, line: instruction.line, declarations };
  // A default may use the global ARGs declared before it, and is read as a shell word.
  const expansion = raw === undefined ? undefined : expandWord(raw, earlier, escape);
  return {
    name,
    line: instruction.line,
    value: value?.value,
    expanded: expansion?.value,
    platform: expansion?.platform,
    valueRange: range,
    declarations,
  };
}

/** `COPY --from=<x>` and every `RUN --mount=…,from=<x>`, also as ONBUILD triggers. */
function readExternals(
  instruction: Instruction,
  escape: string,
  stage: string | undefined,
  count: number,
): ExternalEntry[] {
  if (instruction.keyword === 'ONBUILD') {
    const trigger = splitCommand(instruction.args);
    if (!trigger || (trigger.keyword !== 'COPY' && trigger.keyword !== 'RUN')) return [];
    const inner: Instruction = {
      ...instruction,
      keyword: trigger.keyword,
      args: trigger.args,
      offsets: instruction.offsets.slice(trigger.offset),
    };
    return readExternals(inner, escape, stage, count).map((entry) => ({
      ...entry,
      kind: entry.kind === 'copy-from' ? 'onbuild-copy-from' : 'onbuild-mount-from',
    }));
  }
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'RUN') return [];
  const words = splitWords(instruction.args, escape);
  const { flags, rest } = leadingFlags(words);
  const entries: ExternalEntry[] = [];
  for (const [index, flag] of flags.entries()) {
    const named = flag.name === (instruction.keyword === 'COPY' ? 'from' : 'mount');
    if (!flag.value && named) {
      // The word after the last flag is the one a user meant as its value.
      const next = index === flags.length - 1 ? words[rest] : undefined;
      const { raw, start, end } = flag.word;
      const value = { value: raw, start, end, plain: false };
      const kind = instruction.keyword === 'COPY' ? 'copy-from' : 'mount-from';
      const refused = bareFlagReason(instruction.keyword, flag, next);
      entries.push({ kind, instruction, value, stage, key: `external:${count + entries.length}`, refused });
      continue;
    }
    if (!flag.value) continue;
    let value: ValueSpan | undefined;
    let kind: ExternalEntry['kind'];
    if (instruction.keyword === 'COPY' && flag.name === 'from') {
      value = flag.value;
      kind = 'copy-from';
    } else if (instruction.keyword === 'RUN' && flag.name === 'mount') {
      value = mountOptions(flag.value).get('from');
      kind = 'mount-from';
    } else continue;
    // An empty `from` is the build context (convert_runmount.go), not an image.
    if (value && value.value !== '') {
      entries.push({ kind, instruction, value, stage, key: `external:${count + entries.length}` });
    }
  }
  return entries;
}
