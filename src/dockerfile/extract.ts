/**
 * Every place a Dockerfile names an image, with the exact range a pin is
 * written to. Never throws: text it cannot read yields skipped or invalid
 * sites, or none.
 */
import { lexDockerfile, lineOf, type Instruction, type LexedDockerfile } from './lex.ts';
import { readImageToken, missingReason, type TokenReading, type TokenScope } from './image-token.ts';
import { judgeReference } from './judge.ts';
import { scanDockerfile, sourceRange, type FromEntry, type ScannedDockerfile } from './scan.ts';
import type { ImageSite, SiteKind, SourceRange } from './site.ts';

type ArgReading = Extract<TokenReading, { form: 'arg-reference' | 'arg-tag' }>;

interface ArgCandidate {
  readonly from: FromEntry;
  readonly key: string;
  readonly reading: ArgReading;
}

interface Context {
  readonly file: string;
  readonly text: string;
  readonly lexed: LexedDockerfile;
  readonly scanned: ScannedDockerfile;
}

export function extractImageSites(file: string, text: string): ImageSite[] {
  const lexed = lexDockerfile(text);
  const scanned = scanDockerfile(lexed, text);
  const context: Context = { file, text, lexed, scanned };
  const sites: ImageSite[] = [];
  const syntax = lexed.directives.find((directive) => directive.name === 'syntax');
  if (syntax) {
    const line = lineOf(lexed.lineStarts, syntax.valueRange.start);
    sites.push(literalSite(context, 'syntax', line, syntax.value, syntax.value, syntax.valueRange, false));
  }

  const candidates = new Map<string, ArgCandidate[]>();
  const stageNames: string[] = [];
  scanned.froms.forEach((from, index) => {
    const scope = scopeOf(context, new Set(stageNames));
    if (from.stage !== undefined) stageNames.push(from.stage.toLowerCase());
    if (!from.image) return;
    const reading = readImageToken(from.image.raw, scope);
    if (reading.form === 'arg-reference' || reading.form === 'arg-tag') {
      const list = candidates.get(reading.name) ?? [];
      list.push({ from, key: `from:${index}`, reading });
      candidates.set(reading.name, list);
      return;
    }
    const site = wordSite(context, 'from', from.instruction, from.image.start, from.image.raw, reading);
    if (site) sites.push({ ...site, stage: from.stage, platform: from.platform });
  });

  const allStages = scopeOf(context, new Set(stageNames));
  for (const external of scanned.externals) {
    if (/^\d+$/.test(external.value.value)) continue;
    let reading = readImageToken(external.value.value, allStages);
    if (reading.form !== 'not-image' && external.value.value.includes('$')) {
      // A stage sees a global ARG only if it declares it again; resolving one here would guess.
      const reason = `the image in ${external.kind === 'copy-from' ? 'COPY --from' : 'RUN --mount'} comes from an ARG; pin it by hand`;
      reading = { form: 'skipped', reason, resolved: undefined };
    }
    const { instruction, value } = external;
    const raw = value.plain ? value.value : instruction.args.slice(value.start, value.end);
    const site = wordSite(context, external.kind, instruction, value.start, raw, reading);
    if (site) sites.push({ ...site, stage: external.stage });
  }

  for (const [name, list] of candidates) sites.push(...argSites(context, name, list));
  return sites.sort((a, b) => a.line - b.line || startOf(a) - startOf(b));
}

function scopeOf(context: Context, stages: ReadonlySet<string>): TokenScope {
  return {
    escape: context.lexed.escape,
    globals: context.scanned.globals,
    isStage: (name) => stages.has(name.toLowerCase()),
    stages,
  };
}

/** A site for an image word of an instruction; `start` indexes `instruction.args`. */
function wordSite(
  context: Context,
  kind: SiteKind,
  instruction: Instruction,
  start: number,
  written: string,
  reading: TokenReading,
): ImageSite | undefined {
  const wordRange = sourceRange(instruction, context.text, start, start + written.length);
  const line = lineOf(context.lexed.lineStarts, wordRange?.start ?? instruction.offsets[start] ?? 0);
  switch (reading.form) {
    case 'not-image':
      return undefined;
    case 'skipped':
      return skippedSite(context, kind, line, written, reading.resolved, reading.reason);
    case 'in-place': {
      const range = sourceRange(instruction, context.text, start + reading.pinStart, start + reading.pinEnd);
      if (!range) {
        const reason = 'the reference is split across lines by a line continuation; join it onto one line';
        return skippedSite(context, kind, line, written, reading.resolved, reason);
      }
      return literalSite(context, kind, line, written, reading.resolved, range, reading.tagOnly);
    }
    default:
      return skippedSite(
        context,
        kind,
        line,
        written,
        reading.resolved,
        `the image comes from an ARG; pin by hand`,
      );
  }
}

function literalSite(
  context: Context,
  kind: SiteKind,
  line: number,
  written: string,
  resolved: string,
  range: SourceRange,
  tagOnly: boolean,
): ImageSite {
  const judged = judgeReference(resolved, tagOnly);
  const pin = judged.pinnable ? { range, addLatestTag: judged.addLatestTag } : undefined;
  return {
    file: context.file,
    line,
    kind,
    written,
    resolved,
    reference: judged.reference,
    pin,
    stage: undefined,
    platform: undefined,
    status: judged.status,
    reason: judged.reason,
  };
}

function skippedSite(
  context: Context,
  kind: SiteKind,
  line: number,
  written: string,
  resolved: string | undefined,
  reason: string,
): ImageSite {
  const reference = resolved === undefined ? undefined : judgeReference(resolved, false).reference;
  return {
    file: context.file,
    line,
    kind,
    written,
    resolved,
    reference,
    pin: undefined,
    stage: undefined,
    platform: undefined,
    status: 'skipped',
    reason,
  };
}

/**
 * FROMs whose whole reference, or whole tag, is ARG `name`: one `arg` site
 * at the ARG line when every use of the ARG is such a FROM of the same
 * image, else one skipped site per FROM saying what else the ARG feeds.
 */
function argSites(context: Context, name: string, list: readonly ArgCandidate[]): ImageSite[] {
  const groups = new Map<string, ArgCandidate[]>();
  for (const candidate of list) {
    const group =
      candidate.reading.form === 'arg-tag' ? `tag:${imageKey(candidate.reading.image)}` : 'reference';
    groups.set(group, [...(groups.get(group) ?? []), candidate]);
  }
  const sites: ImageSite[] = [];
  for (const group of groups.values()) {
    const first = group[0] as ArgCandidate;
    const tagOnly = first.reading.form === 'arg-tag';
    const target = argTarget(context, name, group, tagOnly);
    if (typeof target === 'string') {
      for (const { from, reading } of group) {
        if (!from.image) continue;
        const skipped = { form: 'skipped', reason: target, resolved: reading.resolved } as const;
        const site = wordSite(context, 'from', from.instruction, from.image.start, from.image.raw, skipped);
        if (site) sites.push({ ...site, stage: from.stage, platform: from.platform });
      }
      continue;
    }
    const line = lineOf(context.lexed.lineStarts, target.range.start);
    const resolved = first.reading.resolved ?? '';
    const site = literalSite(context, 'arg', line, target.value, resolved, target.range, tagOnly);
    sites.push({ ...site, stage: first.from.stage, platform: first.from.platform });
  }
  return sites;
}

/** The ARG default a group of FROMs may be pinned in, or why it may not. */
function argTarget(
  context: Context,
  name: string,
  group: readonly ArgCandidate[],
  tagOnly: boolean,
): { value: string; range: SourceRange } | string {
  const keys = new Set(group.map((candidate) => candidate.key));
  const other = context.scanned.uses.find((use) => use.name === name && !keys.has(use.key ?? ''));
  if (other?.key !== undefined) {
    return `ARG ${name} also feeds ${other.label}; pinning it would pin two images — pin by hand or split the ARG`;
  }
  if (other) return `ARG ${name} is also used by ${other.label}; pin by hand or split the ARG`;
  const global = context.scanned.globals.get(name);
  if (global?.value === undefined) return missingReason(name, scopeOf(context, new Set()));
  const where = `the default of ARG ${name} (line ${global.line})`;
  if (!global.valueRange) return `${where} is quoted or split in a way basepin cannot edit; pin by hand`;
  if (tagOnly && global.value.includes('$')) return `${where} is built from other ARGs; pin by hand`;
  if (group[0]?.reading.resolved === undefined)
    return `${where} uses ARGs without defaults; give them defaults`;
  if (global.value.includes('$')) {
    // `ARG BASE=python:${PY}-slim`: a digest pinned there would outlive `--build-arg PY=…`.
    const reading = readImageToken(global.value, scopeOf(context, new Set()));
    if (reading.form === 'skipped') return `${where}: ${reading.reason}`;
    const wholeDefault =
      reading.form === 'in-place' &&
      !reading.tagOnly &&
      reading.pinStart === 0 &&
      reading.pinEnd === global.value.length;
    if (!wholeDefault) {
      return `${where} takes its name or tag from another ARG; only a variable registry or namespace can be pinned — pin by hand`;
    }
  }
  return { value: global.value, range: global.valueRange };
}

/** Images compare by their words; `alpine` and `docker.io/library/alpine` are the same image. */
function imageKey(image: string): string {
  const judged = judgeReference(image, false);
  return judged.reference?.name ?? image;
}

function startOf(site: ImageSite): number {
  return site.pin?.range.start ?? 0;
}
