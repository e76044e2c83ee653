import { applyEdits, pinEdit, type ImageSite, type TextEdit } from '../../src/dockerfile/index.ts';

/** Edits that pin every site that has a pin target to `digest`. */
export function pinEdits(sites: readonly ImageSite[], digest: string): TextEdit[] {
  return sites.flatMap((site) => (site.pin ? [pinEdit(site.pin, digest)] : []));
}

export function pinAll(text: string, sites: readonly ImageSite[], digest: string): string {
  return applyEdits(text, pinEdits(sites, digest));
}

/**
 * Edits that write each site's reference back as extraction understood it:
 * the parsed reference's own text, or (for a tag ARG) its tag and digest.
 * Applying them must give the text back unchanged, which holds only when
 * every pin range covers exactly the reference it claims to hold.
 * Sites whose range text holds `${…}` have no literal reference to restate.
 * Only the range's length picks which form to write, never its characters.
 */
export function restateEdits(text: string, sites: readonly ImageSite[]): TextEdit[] {
  return sites.flatMap((site) => {
    if (!site.pin || !site.reference) return [];
    const { range } = site.pin;
    if (text.slice(range.start, range.end).includes('$')) return [];
    const { reference } = site;
    const tagAndDigest =
      (reference.tag ?? '') + (reference.digest !== undefined ? `@${reference.digest}` : '');
    const whole = range.end - range.start === reference.original.length;
    return [{ range, text: whole ? reference.original : tagAndDigest }];
  });
}
