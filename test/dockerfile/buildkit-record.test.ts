/**
 * basepin's lexer and extractor against BuildKit's own parser: for every
 * fixture Dockerfile, the answers BuildKit gave (recorded in
 * test/fixtures/buildkit/parse-record.json, see the README there) must be
 * ours too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractImageSites } from '../../src/dockerfile/index.ts';
import { lexDockerfile } from '../../src/dockerfile/lex.ts';
import { fixtureDir, fixtureNames, fixtureText } from './fixtures.ts';

const RecordedFile = z.object({
  syntax: z.string(),
  syntaxLine: z.number(),
  escape: z.string(),
  instructions: z.array(z.tuple([z.string(), z.number(), z.array(z.string())])),
  froms: z.array(z.tuple([z.number(), z.string(), z.string(), z.string()])),
  copyFroms: z.array(z.tuple([z.number(), z.string()])),
});
const Record = z.object({ buildkit: z.string(), files: z.record(z.string(), RecordedFile) });

const record = Record.parse(
  JSON.parse(readFileSync(path.join(fixtureDir, '..', 'buildkit', 'parse-record.json'), 'utf8')) as unknown,
);

describe(`the fixtures read as BuildKit (${record.buildkit}) reads them`, () => {
  it('has a record for every fixture', () => {
    expect(fixtureNames.filter((name) => !(name in record.files))).toEqual([]);
  });

  for (const [name, recorded] of Object.entries(record.files)) {
    it(name, () => {
      const text = fixtureText(name);
      const lexed = lexDockerfile(text);
      expect(lexed.escape).toBe(recorded.escape);
      expect(lexed.instructions.map((instruction) => [instruction.keyword, instruction.line])).toEqual(
        recorded.instructions.map(([keyword, line]) => [keyword, line]),
      );
      expect(lexed.instructions.map((instruction) => instruction.heredocs.length)).toEqual(
        recorded.instructions.map(([, , heredocs]) => heredocs.length),
      );
      expect(lexed.syntax ? [lexed.syntax.value, lexed.syntax.line] : ['', 0]).toEqual([
        recorded.syntax,
        recorded.syntaxLine,
      ]);
      // Every FROM basepin resolves resolves to what BuildKit expands it to.
      const froms = lexed.instructions.filter((instruction) => instruction.keyword === 'FROM');
      const sites = extractImageSites(name, text);
      const resolved = sites
        .filter((site) => site.kind === 'from' && site.resolved !== undefined)
        .map((site) => {
          const index = froms.findLastIndex((from) => from.line <= site.line);
          return [site.resolved, recorded.froms[index]?.[2]];
        });
      for (const [ours, theirs] of resolved) expect(ours).toBe(theirs);
      // Every COPY --from image is a --from value BuildKit reads on that instruction.
      for (const site of sites.filter((each) => each.kind.endsWith('copy-from') && each.resolved)) {
        const instruction = lexed.instructions.findLast((each) => each.line <= site.line);
        const values = recorded.copyFroms
          .filter(([line]) => line === instruction?.line)
          .map(([, value]) => value);
        expect(values).toContain(site.resolved);
      }
    });
  }
});
