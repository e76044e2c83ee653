/**
 * Properties of editing YAML by range: a scalar's range is exactly its
 * value's characters, so replacing them changes that value and nothing else
 * of what a YAML parser reads; a pin does the same to an image.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPair, isSeq, parseAllDocuments, visit, type Scalar } from 'yaml';
import { applyEdits } from '../../src/dockerfile/index.ts';
import { extractSites } from '../../src/manifests/index.ts';
import { valueRange } from '../../src/manifests/yaml-tree.ts';
import { fixtureFiles, readFixture } from './fixture-files.ts';
import { digestA, pinAll } from './helpers.ts';

/** The value scalars (not keys) of every document, in file order. */
function valueScalars(text: string) {
  const documents = parseAllDocuments(text);
  const scalars: { document: number; scalar: Scalar }[] = [];
  documents.forEach((document, index) => {
    visit(document, {
      Scalar(key, node, path) {
        const parent = path.at(-1);
        if ((isPair(parent) && key === 'value') || isSeq(parent))
          scalars.push({ document: index, scalar: node });
      },
    });
  });
  return { documents, scalars };
}

const yamlFixtures = fixtureFiles
  .map(([, file]) => file)
  .filter((file) => !file.endsWith('.json'))
  .map((file) => readFixture(file))
  .filter((text) => !text.includes('{{'));

const handWritten = [
  'a: &x \'one\'\nb: *x\nc: [two, "three", {d: four}]\nd: |-\n  five\ne: >\n  six\n',
  '\uFEFFlist:\r\n  - plain # comment\r\n  - "quoted"\r\n  - 12\r\nmap: {k: v, n: ~}\r\n',
];

// Read as a string in every context: no blanks, no flow or quote characters, not a YAML keyword.
const replacement = fc
  .stringMatching(/^[a-z][a-z0-9._/-]{0,20}$/)
  .filter((text) => !['null', 'true', 'false'].includes(text));

describe('a random edit of one scalar', () => {
  test('changes only that scalar: YAML reads the same documents but for that value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...yamlFixtures, ...handWritten),
        fc.boolean(),
        fc.nat(),
        replacement,
        (source, crlf, pick, value) => {
          const text = crlf ? source.replace(/\r?\n/g, '\r\n') : source;
          const { documents, scalars } = valueScalars(text);
          const editable = scalars.filter(({ scalar }) => valueRange(scalar, text));
          fc.pre(editable.length > 0);
          const { document, scalar } = editable[pick % editable.length]!;
          const range = valueRange(scalar, text)!;
          const edited = applyEdits(text, [{ range, text: value }]);
          expect(edited.slice(0, range.start)).toBe(text.slice(0, range.start));
          expect(edited.slice(range.start + value.length)).toBe(text.slice(range.end));
          // A block scalar keeps its line break after the new text: `|` then `  text` reads `text\n`.
          const blockEnd = scalar.type?.startsWith('BLOCK') ? /\n*$/.exec(String(scalar.value))![0] : '';
          scalar.value = value + blockEnd;
          const expected = documents.map((each) => each.toJS());
          const actual = parseAllDocuments(edited).map((each) => each.toJS());
          expect(actual[document]).toEqual(expected[document]);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const quoting = fc.constantFrom(
  (image: string) => image,
  (image: string) => `'${image}'`,
  (image: string) => `"${image}"`,
);
const image = fc
  .tuple(
    fc.constantFrom('nginx', 'ghcr.io/o/app', 'localhost:5000/x', 'registry.example/a/b'),
    fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
  )
  .map(([name, tag]) => `${name}:${tag}`);

describe('a pin of a generated compose file', () => {
  test('changes only the image scalar, by appending its digest', () => {
    fc.assert(
      fc.property(
        image,
        quoting,
        fc.constantFrom('', ' # the image'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (reference, quote, comment, eol, bom) => {
          const lines = [
            'services:',
            '  web:',
            `    image: ${quote(reference)}${comment}`,
            '    ports: ["80:80"]',
            '',
          ];
          const text = `${bom ? '\uFEFF' : ''}${lines.join(eol)}`;
          const [site] = extractSites('compose', 'compose.yaml', text).sites;
          expect(site?.status).toBe('pinnable');
          const pinned = pinAll('compose', text, digestA);
          expect(pinned).toBe(text.replace(reference, `${reference}@${digestA}`));
          const read = (source: string) => parseAllDocuments(source).map((each) => each.toJS());
          const expected = read(text);
          (expected[0] as { services: { web: { image: string } } }).services.web.image =
            `${reference}@${digestA}`;
          expect(read(pinned)).toEqual(expected);
          expect(pinAll('compose', pinned, digestA)).toBe(pinned);
        },
      ),
      { numRuns: 200 },
    );
  });
});
