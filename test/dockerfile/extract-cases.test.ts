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
  [
    'an unterminated heredoc swallows the rest, and says so where it opens',
    'FROM a:1\nRUN cat <<EOF\nFROM b:2\n',
    ['1 from pinnable a:1', '2 heredoc skipped -'],
  ],
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
  // BuildKit's parser (parser.go, directives.go) and converter (convert.go) decide these.
  [
    'an indented syntax directive is parsed but does not pick the frontend (DetectSyntax)',
    '  # syntax=docker/dockerfile:1\nFROM a:1\n',
    ['2 from pinnable a:1'],
  ],
  [
    'a // syntax directive picks the frontend when no # one does',
    '//syntax=example/frontend:1\nFROM a:1\n',
    ['1 syntax pinnable example/frontend:1', '2 from pinnable a:1'],
  ],
  [
    'a repeated syntax directive: the first one picks the frontend',
    '# syntax=docker/dockerfile:1.7\n# syntax=docker/dockerfile:1.6\nFROM a:1\n',
    ['1 syntax pinnable docker/dockerfile:1.7', '3 from pinnable a:1'],
  ],
  ['a syntax value of blanks is no frontend', '# syntax=  \nFROM a:1\n', ['2 from pinnable a:1']],
  [
    'an escaped escape at the end does not continue the line',
    'FROM a:1\nRUN echo done \\\\\nFROM b:2\n',
    ['1 from pinnable a:1', '3 from pinnable b:2'],
  ],
  [
    'a heredoc body ends at a line with trailing CRs',
    'FROM a:1\r\nRUN <<EOF\r\nFROM hidden:1\r\nEOF\r\r\nFROM b:2\r\n',
    ['1 from pinnable a:1', '5 from pinnable b:2'],
  ],
  [
    'the heredoc lexer escapes with \\ whatever the escape directive says',
    '# escape=`\nFROM a:1\nRUN echo a\\ <<EOF\nFROM not-hidden:1\nEOF\nFROM b:2\n',
    ['2 from pinnable a:1', '4 from pinnable not-hidden:1', '6 from pinnable b:2'],
  ],
  [
    'a required build-arg is skipped with what to pass',
    'FROM alpine:${V:?set-V}\n',
    ['1 from skipped -'],
    ['ARG V must be passed as a build-arg'],
  ],
  [
    'a word BuildKit cannot expand fails the build',
    'ARG V=1\nFROM alpine:${V:x}\n',
    ['2 from invalid -'],
    ['BuildKit cannot expand the reference: unsupported modifier'],
  ],
  [
    'an unterminated ${ fails the build',
    'FROM alpine:${V\n',
    ['1 from invalid -'],
    ['BuildKit cannot expand the reference: unsupported modifier'],
  ],
  [
    'prefix and suffix trims resolve as in BuildKit but are not pinned',
    'ARG IMG=alpine:3.20\nFROM ${IMG%:*}:3.19 AS a\nFROM busybox:${IMG#*:}\n',
    ['2 from skipped -', '3 from skipped -'],
    ['the image name is built from ARG IMG', 'the tag ${IMG#*:} is computed by ARG IMG'],
  ],
  [
    'a declared default replaces a builder ARG',
    'ARG TARGETARCH=amd64\nFROM debian:12-${TARGETARCH}\n',
    ['2 from skipped -'],
    ['ARG TARGETARCH is only part of the tag'],
  ],
  [
    'ARG again without a value keeps the default',
    'ARG V=3.20\nARG V\nFROM alpine:${V}\n',
    ['1 arg pinnable 3.20'],
  ],
  [
    'a global ARG that BuildKit expands from a builder ARG',
    'ARG TAG=12-${BUILDARCH}\nFROM debian:${TAG}\n',
    ['2 from skipped -'],
    ['depends on the build platform (BUILDARCH'],
  ],
  [
    'a repository ARG with a tag in its default is not pinned in the FROM',
    'ARG REPO=alpine:3\nFROM ${REPO}:3.20\n',
    ['2 from skipped -'],
    ['is not a bare repository'],
  ],
  [
    'a repository ARG without a default',
    'ARG REPO\nFROM ${REPO}:3.20\n',
    ['2 from skipped -'],
    ['ARG REPO has no default'],
  ],
  [
    'a repository ARG also used as a whole reference',
    'ARG REPO=alpine\nFROM ${REPO}:3.20\nFROM ${REPO}\n',
    ['2 from skipped -', '3 from skipped -'],
    ['ARG REPO also feeds ${REPO} (line 3)', 'ARG REPO also feeds ${REPO}:3.20 (line 2)'],
  ],
  [
    'COPY --from=$X is refused by BuildKit',
    'ARG X=alpine:3.20\nFROM a:1\nARG X\nCOPY --from=$X /a /b\n',
    ['2 from pinnable a:1', '4 copy-from skipped -'],
    [undefined, 'which BuildKit does not expand there'],
  ],
  [
    'an empty COPY --from and mount from are the context',
    'FROM a:1\nCOPY --from="" /a /b\nRUN --mount=from=,target=/x true\n',
    ['1 from pinnable a:1'],
  ],
  [
    'a stage index in ONBUILD COPY --from is not an image',
    'FROM a:1\nONBUILD COPY --from=0 /a /b\nONBUILD COPY --from=ghcr.io/acme/tools:1 /t /t\n',
    ['1 from pinnable a:1', '3 onbuild-copy-from pinnable ghcr.io/acme/tools:1'],
  ],
  [
    'a quoted FROM word is pinned inside its quotes',
    'FROM \'alpine:3.20\' AS a\nFROM "busybox:1.36"\n',
    ['1 from pinnable alpine:3.20', '2 from pinnable busybox:1.36'],
  ],
  [
    'a FROM word with inner quotes resolves but is not edited',
    'FROM alp"ine:3.2"0\n',
    ['1 from skipped -'],
    ['quoted or escaped in a way basepin cannot edit'],
  ],
  [
    'a bare continuation line joins the next one, whose blanks BuildKit trims',
    'FROM a:1\n  \\\n  # comment\n   FROM b:2\n',
    ['1 from pinnable a:1', '4 from pinnable b:2'],
  ],
  [
    'shell parameters ($1, $#) expand to nothing, as in BuildKit',
    'FROM alpine:3.20$#\nFROM alpine$1:3.19\n',
    ['1 from skipped -', '2 from skipped -'],
    ['uses a shell parameter', 'uses a shell parameter'],
  ],
  [
    'a FROM flag keeps an escaped blank and a quote, as BuildKit reads flags',
    'FROM --platform=linux/amd64\\ alpine:3.20 AS x\nFROM --platform="linux/amd64 busybox:1.36\nFROM -- debian:12\n',
    // Line 1's flag swallows the image: BuildKit then reads `AS` as the image and fails.
    ['1 from invalid -', '3 from pinnable debian:12'],
    ['must be lowercase'],
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

  it('resolves shell parameters as BuildKit does', () => {
    const sites = extractImageSites('Dockerfile', 'FROM alpine:3.20$#\nFROM alpine$1:3.19\n');
    expect(sites.map((site) => site.resolved)).toEqual(['alpine:3.20', 'alpine:3.19']);
  });

  it('pins FROM $REPO:tag in the FROM line unless pin-arg-repositories is off', () => {
    const text = 'ARG REPO=mcr.microsoft.com/dotnet/aspnet\nFROM $REPO:8.0-alpine\n';
    const [on] = extractImageSites('Dockerfile', text);
    expect(on).toMatchObject({ status: 'pinnable', resolved: 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine' });
    expect(text.slice(on?.pin?.range.start, on?.pin?.range.end)).toBe('$REPO:8.0-alpine');
    const [off] = extractImageSites('Dockerfile', text, { pinArgRepositories: false });
    expect(off).toMatchObject({ status: 'skipped', pin: undefined });
    expect(off?.reason).toContain('pin-arg-repositories is off');
  });

  it('keeps UTF-16 offsets past astral characters', () => {
    const text = '# \u{1F433} whale\nFROM alpine:3.20 # \u{1F433}\n';
    const [site] = extractImageSites('Dockerfile', text);
    expect(text.slice(site?.pin?.range.start, site?.pin?.range.end)).toBe('alpine:3.20');
  });
});
