/**
 * Mutates the fixture Dockerfiles thousands of times (line splices,
 * truncations, random characters and bytes) and checks what must hold for
 * any input: extraction never throws, restating every reference in its own
 * pin range gives the text back,
 * pin ranges are in the text, never overlap, and hold the site's reference.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import {
  applyEdits,
  decodeDockerfile,
  extractImageSites,
  type ImageSite,
} from '../../src/dockerfile/index.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { digestA, fixtureNames, fixtureText } from './fixtures.ts';
import { pinEdits, restateEdits } from './pin-helpers.ts';

/** Deterministic PRNG (mulberry32), so a failure reproduces from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts = fixtureNames.map(fixtureText);
const allLines = texts.flatMap((text) => text.split('\n'));
const tricky = [
  '\\',
  '`',
  '$',
  '${',
  '}',
  '<<',
  '<<-',
  'EOF',
  '\n',
  '\r\n',
  '\r',
  '#',
  ' ',
  '\t',
  '"',
  "'",
  '=',
  ',',
  '@',
  ':',
  '/',
  '--from=',
  '--mount=from=',
  'FROM ',
  'ARG ',
  'AS ',
  '\uFEFF',
  '# escape=`\n',
  '# syntax=',
  '\u{1F433}',
  ':-',
  '${V}',
];

function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const at = (): number => Math.floor(next() * (text.length + 1));
  let result = text;
  const steps = 1 + Math.floor(next() * 4);
  for (let step = 0; step < steps; step++) {
    const position = Math.min(at(), result.length);
    switch (Math.floor(next() * 6)) {
      case 0: {
        const lines = result.split('\n');
        lines.splice(Math.floor(next() * (lines.length + 1)), 0, pick(allLines));
        result = lines.join('\n');
        break;
      }
      case 1:
        result = result.slice(0, position);
        break;
      case 2:
        result = result.slice(0, position) + pick(tricky) + result.slice(position);
        break;
      case 3:
        result = result.slice(0, position) + result.slice(position + 1 + Math.floor(next() * 8));
        break;
      case 4: {
        const bytes = new Uint8Array(1 + Math.floor(next() * 6)).map(() => Math.floor(next() * 256));
        result = result.slice(0, position) + decodeDockerfile(bytes).text + result.slice(position);
        break;
      }
      default: {
        const lines = result.split('\n');
        const from = Math.floor(next() * lines.length);
        lines.splice(from, 1 + Math.floor(next() * 3));
        result = lines.join('\n');
      }
    }
  }
  return result;
}

// node:assert rather than expect: thousands of runs, and expect's bookkeeping dominates the time.
function checkSites(text: string, sites: readonly ImageSite[]): void {
  for (const site of sites) {
    assert.ok(Number.isInteger(site.line) && site.line >= 1, `line ${site.line}`);
    if (!site.pin) continue;
    assert.ok(site.status === 'pinnable' || site.status === 'pinned', `status ${site.status} with a pin`);
    const { start, end } = site.pin.range;
    assert.ok(0 <= start && start <= end && end <= text.length, `range ${start}-${end}`);
    const slice = text.slice(start, end);
    const resolved = site.resolved ?? '';
    // The digest's own range sits at the end of the pin range: the old `@digest`, or the point after the tag.
    const digestRange = site.pin.digestRange;
    assert.ok(start <= digestRange.start && digestRange.end === end, `digest ${digestRange.start}-${end}`);
    const digestText = text.slice(digestRange.start, end);
    assert.ok(digestText === '' || digestText.startsWith('@'), `digest text ${digestText}`);
    if (slice.includes('$')) continue;
    assert.equal(digestText, site.reference?.digest ? `@${site.reference.digest}` : '');
    if (slice === resolved) {
      assert.equal(parseImageReference(slice).fullString, site.reference?.fullString);
    } else {
      // A tag pin: the slice is the whole tag (and digest) of the resolved reference.
      assert.equal(site.pin.addLatestTag, false);
      assert.ok(resolved.endsWith(`:${slice}`), `${slice} is not the tag of ${resolved}`);
    }
  }
  // Pins of different sites never collide (identical edits to a shared ARG collapse).
  applyEdits(text, pinEdits(sites, digestA));
}

describe('fuzzing extraction with mutated fixtures', () => {
  it('never throws and keeps every invariant', () => {
    for (let seed = 1; seed <= 10_000; seed++) {
      const next = random(seed);
      const text = mutate(texts[seed % texts.length] as string, next);
      let sites: ImageSite[] = [];
      try {
        sites = extractImageSites('Dockerfile', text);
        assert.equal(applyEdits(text, restateEdits(text, sites)), text);
        checkSites(text, sites);
      } catch (error) {
        throw new Error(`seed ${seed}: ${String(error)}\n${JSON.stringify(text)}`, { cause: error });
      }
    }
  });

  it('never throws on random bytes', () => {
    const next = random(42);
    for (let run = 0; run < 1000; run++) {
      const bytes = new Uint8Array(Math.floor(next() * 300)).map(() => Math.floor(next() * 256));
      const { text } = decodeDockerfile(bytes);
      checkSites(text, extractImageSites('Dockerfile', text));
    }
  });
});
