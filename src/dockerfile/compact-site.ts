/**
 * What a site keeps once extracted, kept small because it is most of a large
 * run's heap: a 20,000-file monorepo has 60,000 sites alive from the scan to
 * the report, naming a few thousand distinct image texts.
 *
 * - Its strings are shared flat copies. A word cut from a file's text is, in
 *   V8, a slice that keeps the whole text alive: one such string a site kept
 *   every Dockerfile's text for the whole run. Copies are shared by text (a
 *   bounded table), so 60,000 sites hold a few thousand strings.
 * - Its pin target is one object of five numbers; `range` and `digestRange`
 *   are made when read (only a rewrite and a report sort read them).
 */
import type { DigestKey, ImageSite, PinTarget, SourceRange } from './site.ts';

export function compactSite(site: ImageSite): ImageSite {
  return {
    file: site.file,
    line: site.line,
    kind: site.kind,
    written: sharedText(site.written),
    resolved: sharedOptional(site.resolved),
    reference: site.reference,
    pin: site.pin && new CompactPinTarget(site.pin),
    stage: sharedOptional(site.stage),
    platform: sharedOptional(site.platform),
    status: site.status,
    reason: sharedOptional(site.reason),
  };
}

class CompactPinTarget implements PinTarget {
  readonly addLatestTag: boolean;
  readonly digestKey: DigestKey | undefined;
  readonly #start: number;
  readonly #end: number;
  readonly #digestStart: number;
  readonly #digestEnd: number;

  constructor(pin: PinTarget) {
    this.#start = pin.range.start;
    this.#end = pin.range.end;
    this.#digestStart = pin.digestRange.start;
    this.#digestEnd = pin.digestRange.end;
    this.addLatestTag = pin.addLatestTag;
    this.digestKey = pin.digestKey && {
      before: sharedText(pin.digestKey.before),
      after: sharedText(pin.digestKey.after),
    };
  }

  get range(): SourceRange {
    return { start: this.#start, end: this.#end };
  }

  get digestRange(): SourceRange {
    return { start: this.#digestStart, end: this.#digestEnd };
  }

  /** What `JSON.stringify` and test diffs show: the plain target. */
  toJSON(): PinTarget {
    const plain = { range: this.range, digestRange: this.digestRange, addLatestTag: this.addLatestTag };
    return this.digestKey ? { ...plain, digestKey: this.digestKey } : plain;
  }
}

const texts = new Map<string, string>();
/** Bounded, so a run over many distinct texts stays small (the table is emptied, never searched). */
const maxTexts = 20_000;

function sharedOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : sharedText(text);
}

/** One flat copy of `text`, shared by everything that keeps the same text. */
export function sharedText(text: string): string {
  let shared = texts.get(text);
  if (shared === undefined) {
    if (texts.size >= maxTexts) texts.clear();
    // A concatenation then a slice: V8 copies the characters into a new flat string, so the copy
    // holds nothing of the text it was cut from.
    shared = ` ${text}`.slice(1);
    texts.set(shared, shared);
  }
  return shared;
}
