/**
 * Every place a Dockerfile names an image, with the exact range a pin is
 * written to. Never throws: text it cannot read yields skipped or invalid
 * sites, or none.
 */
import { argSites, repositorySites, type ArgCandidate, type RepositoryCandidate } from './arg-sites.ts';
import { readImageToken, templateReason, type TokenReading, type TokenScope } from './image-token.ts';
import { expandWord } from './arg-values.ts';
import { lexDockerfile } from './lex.ts';
import { scanDockerfile, type ExternalEntry } from './scan.ts';
import { compactSite } from './compact-site.ts';
import type { ImageSite } from './site.ts';
import { literalSite, scopeOf, skippedSite, wordSite, type Context } from './site-builders.ts';
import type { ExtractOptions } from './extract-options.ts';

export type { ExtractOptions } from './extract-options.ts';

export function extractImageSites(file: string, text: string, options: ExtractOptions = {}): ImageSite[] {
  const lexed = lexDockerfile(text);
  const scanned = scanDockerfile(lexed, text);
  const context: Context = { options, file, text, lexed, scanned };
  const sites: ImageSite[] = [];
  const { syntax } = lexed;
  if (syntax)
    sites.push(literalSite(context, 'syntax', syntax.line, syntax.value, syntax.value, syntax.range, false));

  const open = lexed.unterminatedHeredoc;
  if (open) {
    // The sites before it are real; after it, every line is the heredoc's body, as BuildKit reads it.
    const reason = `BuildKit refuses this file (unterminated heredoc): <<${open.name} on this line opens a heredoc no line "${open.name}" closes, so no line after it is read; close the heredoc, or write a shift with no blank before << ($((1<<4)))`;
    sites.push(skippedSite(context, 'heredoc', open.line, `<<${open.name}`, undefined, reason));
  }

  const candidates = new Map<string, ArgCandidate[]>();
  const repositories = new Map<string, RepositoryCandidate[]>();
  // One set, grown as FROMs are read: a FROM sees the stages before it.
  const stageNames = new Set<string>();
  // `AS ${S}` whose ARG has no default: BuildKit refuses the name, buildah expands it at build time.
  const variableStages: VariableStage[] = [];
  const scope = scopeOf(context, stageNames);
  scanned.froms.forEach((from, index) => {
    const template = from.image ? templateText(from.instruction.args, from.image.start) : undefined;
    const reading = template
      ? templateReading
      : from.image
        ? maybeVariableStage(from.image.raw, readImageToken(from.image.raw, scope), variableStages)
        : undefined;
    if (from.stage !== undefined)
      addStage(context, from.stage, from.instruction.line, stageNames, variableStages);
    if (from.refused) {
      const refused: TokenReading = { form: 'invalid', reason: from.refused.reason };
      const site = wordSite(context, 'from', from.instruction, 0, from.refused.written, refused);
      if (site) sites.push({ ...site, stage: from.stage });
      return;
    }
    if (!from.image || !reading) return;
    if (reading.form === 'arg-reference' || reading.form === 'arg-tag') {
      const list = candidates.get(reading.name) ?? [];
      list.push({ from, key: `from:${index}`, reading });
      candidates.set(reading.name, list);
      return;
    }
    if (reading.form === 'arg-repository') {
      const list = repositories.get(reading.name) ?? [];
      list.push({ from, key: `from:${index}`, reading });
      repositories.set(reading.name, list);
      return;
    }
    const written = template ?? from.image.raw;
    const site = wordSite(context, 'from', from.instruction, from.image.start, written, reading);
    if (site) sites.push({ ...site, stage: from.stage, platform: from.platform });
  });

  for (const external of scanned.externals) {
    const { instruction, value } = external;
    if (external.refused) {
      const refused: TokenReading = { form: 'invalid', reason: external.refused };
      const site = wordSite(context, external.kind, instruction, value.start, value.value, refused);
      if (site) sites.push({ ...site, stage: external.stage });
      continue;
    }
    const template = templateText(instruction.args, value.start);
    const reading = template
      ? templateReading
      : maybeVariableStage(value.value, externalReading(external, scope), variableStages);
    const raw = template ?? (value.plain ? value.value : instruction.args.slice(value.start, value.end));
    const site = wordSite(context, external.kind, instruction, value.start, raw, reading);
    if (site) sites.push({ ...site, stage: external.stage });
  }

  for (const [name, list] of candidates) sites.push(...argSites(context, name, list));
  for (const [name, list] of repositories) sites.push(...repositorySites(context, name, list));
  return sites.sort((a, b) => a.line - b.line || startOf(a) - startOf(b)).map(compactSite);
}

/** How a `--from=` image is read: BuildKit expands no ARGs there, and an ONBUILD's stage names are its child's. */
function externalReading(external: ExternalEntry, scope: TokenScope): TokenReading {
  const { value } = external.value;
  if (/^\d+$/.test(value)) return { form: 'not-image' };
  const onbuild = external.kind === 'onbuild-copy-from' || external.kind === 'onbuild-mount-from';
  const reading = readImageToken(value, onbuild ? { ...scope, isStage: () => false, stages: [] } : scope);
  if (reading.form === 'not-image' || !value.includes('$')) {
    if (onbuild && reading.form !== 'not-image' && !/[:/@]/.test(value)) {
      const reason = `ONBUILD ${external.kind === 'onbuild-copy-from' ? 'COPY' : 'RUN'} --from=${value} may name a stage of the Dockerfile that builds FROM this image; write the image with its tag to pin it`;
      return { form: 'skipped', reason, resolved: undefined };
    }
    return reading;
  }
  const where = external.kind.endsWith('copy-from') ? 'COPY --from' : 'RUN --mount';
  // convert.go `toCommand` and commands_runmount.go `parseMount` refuse variables there.
  const reason = `the image in ${where} comes from an ARG, which BuildKit does not expand there (the build fails); name the image in a stage FROM it`;
  return { form: 'skipped', reason, resolved: undefined };
}

interface VariableStage {
  readonly name: string;
  readonly line: number;
}

/**
 * A stage named through a variable (`FROM img AS ${S}`): BuildKit refuses the name (it must match
 * `[a-z][a-z0-9-_.]*` as written), while buildah expands it. Expanded with the global ARG defaults,
 * as buildah would, it is a stage like any other, so `COPY --from=first` names no image; without a
 * default its name is unknown (`maybeVariableStage`).
 */
function addStage(
  context: Context,
  stage: string,
  line: number,
  stages: Set<string>,
  variableStages: VariableStage[],
): void {
  stages.add(stage.toLowerCase());
  if (!stage.includes('$')) return;
  const expanded = expandWord(stage, context.scanned.globals, context.lexed.escape).value;
  if (expanded) stages.add(expanded.toLowerCase());
  else variableStages.push({ name: stage, line });
}

/** A bare name (no registry, tag or digest) that a stage named only through a variable may be: not an image. */
function maybeVariableStage(
  word: string,
  reading: TokenReading,
  variableStages: readonly VariableStage[],
): TokenReading {
  const stage = variableStages[0];
  if (stage === undefined || reading.form === 'not-image' || /[:/@$]/.test(word)) return reading;
  const reason = `${word} may be the stage ${stage.name} (line ${stage.line}), whose name only an ARG gives: BuildKit refuses such a stage name and buildah expands it; name the stage plainly or give the ARG a default`;
  return { form: 'skipped', reason, resolved: undefined };
}

const templateReading: TokenReading = { form: 'skipped', reason: templateReason, resolved: undefined };

/**
 * `FROM {{ .Base }}:{{ .Version }}` in a template file: the placeholder text
 * from the word at `start` (blanks inside `{{ }}` included), or undefined when
 * that word opens no placeholder.
 */
function templateText(args: string, start: number): string | undefined {
  const rest = args.slice(start);
  const open = rest.indexOf('{{');
  const blank = rest.search(/[ \t]/);
  if (open === -1 || (blank !== -1 && blank < open)) return undefined;
  let end = open;
  for (;;) {
    const close = rest.indexOf('}}', end);
    if (close === -1) return end === open ? undefined : rest.slice(0, end);
    end = close + 2;
    while (end < rest.length && !/[ \t]/.test(rest[end] as string)) end++;
    const text = rest.slice(0, end);
    if (text.split('{{').length <= text.split('}}').length) return text;
  }
}

function startOf(site: ImageSite): number {
  return site.pin?.range.start ?? 0;
}
