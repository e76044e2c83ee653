/**
 * Sites for FROMs fed by a global ARG (docs/architecture.md, "ARG": a pin goes where the
 * value is defined): the whole reference or tag from an ARG is pinned in the
 * ARG line, the whole repository from an ARG in the FROM line, each only when
 * the ARG feeds nothing else.
 */
import { platformReason } from './arg-values.ts';
import type { TokenReading } from './image-token.ts';
import { missingReason, readImageToken } from './image-token.ts';
import { judgeReference } from './judge.ts';
import { lineOf } from './lex.ts';
import type { FromEntry } from './scan.ts';
import type { ImageSite, SourceRange } from './site.ts';
import { literalSite, scopeOf, wordSite, type Context } from './site-builders.ts';

type ArgReading = Extract<TokenReading, { form: 'arg-reference' | 'arg-tag' }>;
type RepositoryReading = Extract<TokenReading, { form: 'arg-repository' }>;

export interface ArgCandidate {
  readonly from: FromEntry;
  readonly key: string;
  readonly reading: ArgReading;
}

export interface RepositoryCandidate {
  readonly from: FromEntry;
  readonly key: string;
  readonly reading: RepositoryReading;
}

/**
 * FROMs whose whole reference, or whole tag, is ARG `name`: one `arg` site
 * at the ARG line when every use of the ARG is such a FROM of the same
 * image, else one skipped site per FROM saying what else the ARG feeds.
 */
export function argSites(context: Context, name: string, list: readonly ArgCandidate[]): ImageSite[] {
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
  if (global.platform !== undefined) return platformReason(global.platform);
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

/**
 * FROMs naming their whole repository by ARG `name` with a literal tag
 * (`FROM $REPO:8.0-alpine`): pinned in the FROM line, since a build-arg that
 * names another repository then fails on the digest instead of building
 * something else silently. Not when the ARG has another default in the file
 * or feeds anything but such FROMs, or when `pinArgRepositories` is off.
 */
export function repositorySites(
  context: Context,
  name: string,
  list: readonly RepositoryCandidate[],
): ImageSite[] {
  const refusal = repositoryRefusal(context, name, list);
  return list.flatMap(({ from, reading }) => {
    if (!from.image) return [];
    const written = from.image.raw;
    const next: TokenReading =
      refusal !== undefined || reading.resolved === undefined
        ? {
            form: 'skipped',
            reason: refusal ?? missingReason(name, scopeOf(context, new Set())),
            resolved: reading.resolved,
          }
        : {
            form: 'in-place',
            resolved: reading.resolved,
            pinStart: 0,
            pinEnd: written.length,
            tagOnly: false,
          };
    const site = wordSite(context, 'from', from.instruction, from.image.start, written, next);
    return site ? [{ ...site, stage: from.stage, platform: from.platform }] : [];
  });
}

function repositoryRefusal(
  context: Context,
  name: string,
  list: readonly RepositoryCandidate[],
): string | undefined {
  if (context.options.pinArgRepositories === false) {
    return `the repository comes from ARG ${name} and pin-arg-repositories is off; pin by hand`;
  }
  const global = context.scanned.globals.get(name);
  if (global?.value === undefined) return undefined;
  if (global.platform !== undefined) return platformReason(global.platform);
  if (global.declarations > 1) {
    return `ARG ${name} has more than one default in this file; a digest pinned for one would contradict the other — pin by hand`;
  }
  const keys = new Set(list.map((candidate) => candidate.key));
  const other = context.scanned.uses.find((use) => use.name === name && !keys.has(use.key ?? ''));
  if (other?.key !== undefined) return `ARG ${name} also feeds ${other.label}; pin by hand or split the ARG`;
  if (other) return `ARG ${name} is also used by ${other.label}; pin by hand or split the ARG`;
  const repository = global.expanded ?? '';
  if (/[:@]/.test(repository.slice(repository.lastIndexOf('/') + 1))) {
    return `the default of ARG ${name} (line ${global.line}) is not a bare repository; pin by hand`;
  }
  return undefined;
}
