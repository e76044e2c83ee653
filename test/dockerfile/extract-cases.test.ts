import { describe, expect, it } from 'vitest';
import { extractImageSites, type ImageSite } from '../../src/dockerfile/index.ts';

/** [title, Dockerfile, expected sites as `line kind status pin-text`, optional reason substring per site]. */
type Case = readonly [
  title: string,
  text: string,
  sites: readonly string[],
  reasons?: readonly (string | undefined)[],
];

const cases: readonly Case[] = [
  [
    'keywords are case-insensitive, stage refs too',
    'from alpine:3 as Build\nCOPY --from=BUILD /a /b\nfrom build\n',
    ['1 from pinnable alpine:3'],
  ],
  [
    'a name is a stage only after its FROM',
    'FROM build\nFROM alpine AS build\n',
    ['1 from pinnable build', '2 from pinnable alpine'],
  ],
  [
    'tabs and runs of blanks',
    '\t FROM\t\t--platform=linux/arm64   alpine:3.20\t AS  x  \n',
    ['1 from pinnable alpine:3.20'],
  ],
  ['no image after FROM', 'FROM\nFROM --platform=linux/amd64\n', []],
  ['scratch is not an image', 'FROM scratch\nFROM SCRATCH\n', []],
  ['backtick escape joins lines', '# escape=`\nFROM `\n  alpine:3.20\n', ['3 from pinnable alpine:3.20']],
  [
    'backslash is literal with backtick escape',
    '# escape=`\nFROM alpine:3.20 \\\nFROM debian:12\n',
    ['2 from pinnable alpine:3.20', '3 from pinnable debian:12'],
  ],
  [
    'backslash continuation with trailing blanks',
    'FROM \\  \n alpine:3.20\n',
    ['2 from pinnable alpine:3.20'],
  ],
  [
    'syntax directive with blanks',
    '#  syntax = docker/dockerfile:1  \nFROM a:1\n',
    ['1 syntax pinnable docker/dockerfile:1', '2 from pinnable a:1'],
  ],
  [
    'syntax after escape directive',
    '# escape=\\\n# syntax=docker/dockerfile:1\nFROM a:1\n',
    ['2 syntax pinnable docker/dockerfile:1', '3 from pinnable a:1'],
  ],
  [
    'directive after an unknown one is a comment',
    '# foo=bar\n# syntax=docker/dockerfile:1\nFROM a:1\n',
    ['3 from pinnable a:1'],
  ],
  [
    'directive after a blank line is a comment',
    '\n# syntax=docker/dockerfile:1\nFROM a:1\n',
    ['3 from pinnable a:1'],
  ],
  [
    'directive after an instruction is a comment',
    'FROM a:1\n# syntax=docker/dockerfile:1\n',
    ['1 from pinnable a:1'],
  ],
  ['single-quoted ARG', "ARG BASE='python:3'\nFROM $BASE\n", ['1 arg pinnable python:3']],
  ['several ARGs on a line', 'ARG A=1 B=alpine:3.20\nFROM ${B}\n', ['1 arg pinnable alpine:3.20']],
  [
    'ARG with escaped quotes is not edited',
    'ARG B="alp\\"ine"\nFROM ${B}\n',
    ['2 from skipped -'],
    ['cannot edit'],
  ],
  [
    'a stage RUN without ARG redeclaration is not a use',
    'ARG B=alpine:3.20\nFROM $B\nRUN echo $B\n',
    ['1 arg pinnable alpine:3.20'],
  ],
  [
    'a stage ARG with its own default shadows',
    'ARG V=3.20\nFROM alpine:$V\nARG V=x\nRUN echo $V\n',
    ['1 arg pinnable 3.20'],
  ],
  [
    'redeclared ARG used by ENV',
    'ARG V=3.20\nFROM alpine:$V\nARG V\nENV X=$V\n',
    ['2 from skipped -'],
    ['ARG V is also used by ENV on line 4'],
  ],
  [
    'redeclared ARG used in a heredoc',
    'ARG V=3.20\nFROM alpine:$V\nARG V\nRUN <<EOT\necho ${V}\nEOT\n',
    ['2 from skipped -'],
    ['used by RUN on line 4'],
  ],
  [
    'ARG feeding another global ARG',
    'ARG V=3.20\nARG IMG=alpine:$V\nFROM alpine:$V\n',
    ['3 from skipped -'],
    ['used by ARG IMG on line 2'],
  ],
  [
    'ARG feeding a COPY --from',
    'ARG IMG=nginx:1\nFROM $IMG\nARG IMG\nCOPY --from=$IMG /a /b\n',
    ['2 from skipped -', '4 copy-from skipped -'],
    ['also feeds $IMG (line 4)', 'COPY --from comes from an ARG'],
  ],
  [
    'whole reference and tag from one ARG',
    'ARG V=alpine\nFROM $V\nFROM alpine:$V\n',
    ['2 from skipped -', '3 from skipped -'],
    ['also feeds alpine:$V (line 3)', 'also feeds $V (line 2)'],
  ],
  ['ARG default is a stage name', 'FROM alpine:3 AS base\nFROM base\n', ['1 from pinnable alpine:3']],
  ['${X:+alt} is not pinned', 'ARG X=1\nFROM ${X:+alpine:3}\n', ['2 from skipped -'], ['computed by']],
  ['inline default for the tag', 'FROM alpine:${V:-3.19}\n', ['1 from pinnable 3.19']],
  [
    'inline default replaced by the ARG default',
    'ARG BASE=debian:12\nFROM ${BASE:-alpine:3.20}\n',
    ['2 from skipped -'],
    ['replaces the inline default'],
  ],
  [
    'inline default with an ARG declared without default',
    'ARG BASE\nFROM ${BASE:-alpine:3.20}\n',
    ['2 from pinnable alpine:3.20'],
  ],
  ['registry ARG, no tag', 'ARG REG=ghcr.io\nFROM ${REG}/acme/app\n', ['2 from pinnable ${REG}/acme/app']],
  ['registry and tag ARGs', 'ARG REG=ghcr.io\nARG V=2\nFROM ${REG}/acme/app:${V}\n', ['2 arg pinnable 2']],
  ['builder ARG as image', 'FROM $TARGETPLATFORM\n', ['1 from skipped -'], ['set by the builder']],
  [
    'COPY --from index and stage',
    'FROM a:1 AS x\nFROM b:2\nCOPY --from=0 / /\nCOPY --from=X / /\n',
    ['1 from pinnable a:1', '2 from pinnable b:2'],
  ],
  [
    'mount from a registry ARG',
    'ARG REG=ghcr.io\nFROM a:1\nRUN --mount=from=${REG}/x:1,target=/x true\n',
    ['2 from pinnable a:1', '3 mount-from skipped -'],
    [undefined, 'RUN --mount comes from an ARG'],
  ],
  ['ADD --from is not a site', 'FROM a:1\nADD --from=nginx:1 / /\n', ['1 from pinnable a:1']],
  [
    'quoted mount field',
    'FROM a:1\nRUN --mount=type=bind,"from=alpine:3.20",target=/x true\n',
    ['1 from pinnable a:1', '2 mount-from pinnable alpine:3.20'],
  ],
  ['mount without from', 'FROM a:1\nRUN --mount=type=secret,id=x true\n', ['1 from pinnable a:1']],
  [
    'COPY heredoc body is not read',
    'FROM a:1\nCOPY <<EOF /x\nFROM b:2\nEOF\nFROM c:3\n',
    ['1 from pinnable a:1', '5 from pinnable c:3'],
  ],
  ['unterminated heredoc swallows the rest', 'FROM a:1\nRUN cat <<EOF\nFROM b:2\n', ['1 from pinnable a:1']],
  [
    'heredoc-like text in FROM is not a heredoc',
    'FROM a:1\nFROM <<EOF\nFROM b:2\nEOF\n',
    ['1 from pinnable a:1', '2 from invalid -', '3 from pinnable b:2'],
  ],
  [
    'exec form opens no heredoc',
    'FROM a:1\nRUN ["sh", "-c", "cat <<EOF"]\nFROM b:2\n',
    ['1 from pinnable a:1', '3 from pinnable b:2'],
  ],
  [
    'heredoc delimiters, quoted and dashed',
    'FROM a:1\nRUN <<"A" <<-B\nFROM x:1\nA\n\t\tFROM y:1\n\tB\nFROM c:3\n',
    ['1 from pinnable a:1', '7 from pinnable c:3'],
  ],
  [
    'heredoc after a continuation',
    'FROM a:1\nRUN \\\n  cat <<EOF\nFROM x:1\nEOF\nFROM c:3\n',
    ['1 from pinnable a:1', '6 from pinnable c:3'],
  ],
  [
    'CRLF heredoc terminator',
    'FROM a:1\r\nRUN <<EOF\r\nFROM x:1\r\nEOF\r\nFROM c:3\r\n',
    ['1 from pinnable a:1', '5 from pinnable c:3'],
  ],
  ['CR-only line ends are not line breaks', 'FROM a:1\rFROM b:2\n', ['1 from pinnable a:1']],
  ['latin1 text', 'FROM a:1\n# caf\u00e9 \u00ff\nFROM b:2\n', ['1 from pinnable a:1', '3 from pinnable b:2']],
  ['reference with unresolved $', 'ARG X=$Y\nFROM ${X}\n', ['2 from skipped -'], ['ARGs without defaults']],
  ['escaped dollar is literal', 'FROM alpine:\\$V\n', ['1 from skipped -']],
  // moby/buildkit and docker/buildx pick a stage by platform: `FROM binaries-$TARGETOS`.
  [
    'a variable stage name matching a stage is not an image',
    'FROM scratch AS bin-linux\nFROM scratch AS bin-windows\nFROM bin-$TARGETOS\nFROM bin-${TARGETOS}${DEBUG:+-debug} AS out\n',
    [],
  ],
  [
    'a variable name matching no stage is still an image',
    'FROM scratch AS bin-linux\nFROM tool-$TARGETOS\n',
    ['2 from skipped -'],
    ['depends on the target platform (TARGETOS is set by the builder)'],
  ],
  [
    'a lone ${X} is not read as a stage pattern',
    'FROM alpine AS a\nFROM ${X}\n',
    ['1 from pinnable alpine', '2 from skipped -'],
  ],
  // A digest in `ARG BASE=python:${PY}-slim@…` would outlive `--build-arg PY=3.11`.
  [
    'an image ARG whose tag comes from another ARG is not pinned there',
    'ARG PY=3.12\nARG BASE=python:${PY}-slim\nFROM ${BASE}\n',
    ['3 from skipped -'],
    ['the default of ARG BASE (line 2): ARG PY is only part of the tag'],
  ],
  [
    'an image ARG that is another ARG is not pinned there',
    'ARG V=3.20\nARG BASE=alpine:${V}\nFROM ${BASE}\n',
    ['3 from skipped -'],
    ['takes its name or tag from another ARG'],
  ],
  [
    'an image ARG with a variable registry is pinned in the ARG line',
    'ARG REG=ghcr.io\nARG BASE=${REG}/acme/app:1.2\nFROM ${BASE}\n',
    ['2 arg pinnable ${REG}/acme/app:1.2'],
  ],
  [
    'a registry with an inline default is pinned in the FROM line',
    'ARG REG\nFROM ${REG:-docker.io}/library/alpine:3.20\nFROM ${PROXY-mirror.gcr.io}/node:20\n',
    [
      '2 from pinnable ${REG:-docker.io}/library/alpine:3.20',
      '3 from pinnable ${PROXY-mirror.gcr.io}/node:20',
    ],
  ],
  [
    'a registry whose inline default is built from ARGs is not',
    'FROM ${REG:-${MIRROR}}/library/alpine:3.20\nFROM ${REG:+ghcr.io}/acme/app:1\n',
    ['1 from skipped -', '2 from skipped -'],
    ['the registry part uses ${REG…}', 'the registry part uses ${REG…}'],
  ],
  [
    'an ARG whose value sits after a continuation is empty',
    'ARG BASE=\\\n  alpine:3.20\nFROM ${BASE}\n',
    ['2 arg invalid -'],
    ['the reference is empty after ARG substitution'],
  ],
  ['empty text', '', []],
  ['comment only, no final newline', '# hello', []],
];

function describeSite(site: ImageSite, text: string): string {
  const pin = site.pin ? text.slice(site.pin.range.start, site.pin.range.end) : '-';
  return `${site.line} ${site.kind} ${site.status} ${pin}`;
}

describe('extractImageSites edge cases', () => {
  for (const [title, text, expected, reasons] of cases) {
    it(title, () => {
      const sites = extractImageSites('Dockerfile', text);
      expect(sites.map((site) => describeSite(site, text))).toEqual(expected);
      reasons?.forEach((reason, index) => {
        if (reason !== undefined) expect(sites[index]?.reason).toContain(reason);
      });
    });
  }

  it('reports one arg site for several FROMs of the same ARG', () => {
    const text = 'ARG BASE="python:3.12"\nFROM ${BASE} AS a\nFROM $BASE AS b\nFROM ${BASE}\n';
    const sites = extractImageSites('Dockerfile', text);
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({
      kind: 'arg',
      line: 1,
      written: 'python:3.12',
      stage: 'a',
      status: 'pinnable',
    });
    expect(text.slice(sites[0]?.pin?.range.start, sites[0]?.pin?.range.end)).toBe('python:3.12');
  });

  it('keeps UTF-16 offsets past astral characters', () => {
    const text = '# \u{1F433} whale\nFROM alpine:3.20 # \u{1F433}\n';
    const [site] = extractImageSites('Dockerfile', text);
    expect(text.slice(site?.pin?.range.start, site?.pin?.range.end)).toBe('alpine:3.20');
  });
});
