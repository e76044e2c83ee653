import { applyEdits, pinnedText, type ImageSite, type TextEdit } from '../../src/dockerfile/index.ts';

/** Edits that pin every site that has a pin target to `digest`. */
export function pinEdits(text: string, sites: readonly ImageSite[], digest: string): TextEdit[] {
  return sites.flatMap((site) =>
    site.pin
      ? [
          {
            range: site.pin.range,
            text: pinnedText(text.slice(site.pin.range.start, site.pin.range.end), site.pin, digest),
          },
        ]
      : [],
  );
}

export function pinAll(text: string, sites: readonly ImageSite[], digest: string): string {
  return applyEdits(text, pinEdits(text, sites, digest));
}
