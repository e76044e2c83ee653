/**
 * Properties of heredoc detection that BuildKit's parser guarantees
 * (frontend/dockerfile/parser/parser.go `heredocsFromLine`, `canContainHeredoc`):
 * `<<` inside a quoted word opens nothing, and an ONBUILD trigger reads its
 * heredoc exactly as the bare instruction does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractImageSites, type ImageSite } from '../../src/dockerfile/index.ts';
import { lexDockerfile } from '../../src/dockerfile/lex.ts';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fixtureDir, fixtureNames, fixtureText } from './fixtures.ts';

const realWorld = readdirSync(path.join(fixtureDir, 'real-world'))
  .filter((name) => name.endsWith('.Dockerfile'))
  .map((name) => `real-world/${name}`);

/** Text that can sit inside quotes `quote` without closing them or escaping anything. */
const quotedText = (quote: string): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', '<', '-', '_', '1', '$', '\t', quote === '"' ? "'" : '"'),
  });

const quotedWord = fc
  .record({
    quote: fc.constantFrom('"', "'"),
    fd: fc.constantFrom('', '3'),
    dash: fc.constantFrom('', '-'),
    name: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/),
  })
  .chain(({ quote, fd, dash, name }) =>
    fc
      .tuple(quotedText(quote), quotedText(quote))
      .map(([before, after]) => `${quote}${before}${fd}<<${dash}${name}${after}${quote}`),
  );

describe('heredoc properties', () => {
  it('a word with `<<` inside quotes never opens a heredoc', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'RUN echo',
          'RUN printf "%s"',
          'COPY',
          'ADD',
          'ONBUILD RUN echo',
          'RUN --mount=type=cache,target=/c echo',
        ),
        fc.array(quotedWord, { minLength: 1, maxLength: 3 }),
        (command, words) => {
          const text = `FROM alpine:3.20\n${command} ${words.join(' ')} /dest\nFROM busybox:1.36\n`;
          const lexed = lexDockerfile(text);
          expect(lexed.instructions.map((instruction) => instruction.heredocs.length)).toEqual([0, 0, 0]);
          expect(extractImageSites('Dockerfile', text).map((site) => site.written)).toEqual([
            'alpine:3.20',
            'busybox:1.36',
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('an ONBUILD trigger with a heredoc of FROM lines yields no site inside it', () => {
    const bodyLine = fc.constantFrom(
      'FROM busybox:1.36',
      'FROM nginx:1.27 AS web',
      'ARG X=1',
      'RUN true',
      '',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(
          'RUN <<EOF',
          'RUN <<-EOF sh',
          'COPY <<EOF /x',
          'ADD <<"EOF" /y',
          'RUN cat <<EOF && echo',
        ),
        fc.array(bodyLine, { maxLength: 6 }),
        (trigger, body) => {
          const text = ['FROM alpine:3.20', `ONBUILD ${trigger}`, ...body, 'EOF', 'FROM debian:12', ''].join(
            '\n',
          );
          expect(extractImageSites('Dockerfile', text).map((site) => [site.line, site.written])).toEqual([
            [1, 'alpine:3.20'],
            [body.length + 4, 'debian:12'],
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const summary = (site: ImageSite): string => `${site.line} ${site.kind} ${site.status} ${site.written}`;

describe('wrapping an instruction with heredocs in ONBUILD', () => {
  for (const name of [...fixtureNames, ...realWorld]) {
    const text = fixtureText(name);
    const lexed = lexDockerfile(text);
    const withHeredocs = lexed.instructions.filter(
      (instruction) => instruction.heredocs.length > 0 && instruction.keyword !== 'ONBUILD',
    );
    if (withHeredocs.length === 0) continue;
    it(`${name}: finds no site inside its heredocs`, () => {
      const sites = extractImageSites(name, text);
      for (const instruction of withHeredocs) {
        // The trigger's own --from images change kind (and a stage name becomes ambiguous); the rest stays.
        const lastLine =
          lexed.lineStarts.findLastIndex((start) => start <= (instruction.offsets.at(-1) ?? 0)) + 1;
        const own = (site: ImageSite): boolean =>
          site.line >= instruction.line &&
          site.line <= lastLine &&
          site.kind !== 'from' &&
          site.kind !== 'arg';
        const before = sites.filter((site) => !own(site)).map(summary);
        // The keyword starts the instruction's first line, after its indentation.
        const lineStart = lexed.lineStarts[instruction.line - 1] ?? 0;
        const keywordStart = lineStart + (/^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0);
        const wrapped = `${text.slice(0, keywordStart)}ONBUILD ${text.slice(keywordStart)}`;
        const after = extractImageSites(name, wrapped)
          .filter((site) => !own(site))
          .map(summary);
        expect(after).toEqual(before);
      }
    });
  }
});
