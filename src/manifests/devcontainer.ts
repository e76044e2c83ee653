/**
 * devcontainer.json: the top-level `"image"`. Read with `jsonc-parser`, which
 * accepts the comments and trailing commas these files use and gives every
 * node's offset.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ManifestProblem } from './problem.ts';
import { reasons } from './reasons.ts';
import { addTextSite, leftAlone, type SiteCollector } from './sites.ts';

export function devcontainerSites(collector: SiteCollector): ManifestProblem | undefined {
  const { text, lines, file } = collector;
  // jsonc-parser reads a BOM as a stray symbol: parse after it and shift offsets back.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const errors: ParseError[] = [];
  const root = parseTree(text.slice(bom), errors, { allowTrailingComma: true, disallowComments: false });
  const error = errors[0];
  if (error) {
    const { line, column } = lines.position(error.offset + bom);
    return { file, line, column, reason: `JSON: ${words(printParseErrorCode(error.error))}` };
  }
  if (root?.type !== 'object') return undefined;
  // A key written twice: the dev container tools (and JSONC parsers) use the last, so only it is a site.
  const property = root.children?.findLast((child) => child.children?.[0]?.value === 'image');
  const image = property?.children?.[1];
  if (!image) return undefined;
  const line = lines.line(image.offset + bom);
  if (image.type !== 'string' || typeof image.value !== 'string') {
    collector.sites.push(leftAlone(collector, 'invalid', line, '', reasons.notText));
    return undefined;
  }
  const start = image.offset + bom + 1;
  const end = image.offset + bom + image.length - 1;
  // The characters between the quotes are the value unless it is written with escapes (`\u002f`).
  const range = text.slice(start, end) === image.value ? { start, end } : undefined;
  addTextSite(collector, line, image.value, range, reasons.escaped);
  return undefined;
}

/** `ValueExpected` → `value expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
