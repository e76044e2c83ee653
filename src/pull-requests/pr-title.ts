import { updateImageName } from '../update/index.ts';
import { updateFrom, type Update } from '../update/index.ts';

/** Past this, a list of images makes a title GitHub cuts off: count them instead. */
const maxTitleChars = 72;
/** Images named in the parenthesis of a counted title before `…`. */
const namedInCount = 3;

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * What the pull request does, in the words of its diff: `Pin alpine:3.20 digest`,
 * `Update alpine:3.20 and node:22-slim digests`, `Pin 7 base image digests (alpine,
 * node, golang, …)`. "Pin" adds a digest where there was none, "Update" replaces one;
 * a mix says both. Images are named in the order of the updates (file, then line).
 */
export function pullRequestTitle(updates: readonly Update[], prefix = ''): string {
  const images = distinct(updates.map(updateImageName));
  const pins = updates.some((update) => updateFrom(update) === undefined);
  const refreshes = updates.some((update) => updateFrom(update) !== undefined);
  const verb = pins && refreshes ? 'Pin and update' : refreshes ? 'Update' : 'Pin';
  const noun = images.length === 1 ? 'digest' : 'digests';
  const named = `${prefix}${verb} ${listed(images)} ${noun}`;
  if (images.length <= namedInCount && named.length <= maxTitleChars) return named;

  const counted = `${prefix}${verb} ${images.length} base image ${noun}`;
  const names = distinct(updates.map((update) => update.site.reference.familiarName));
  let shown = 0;
  while (
    shown < Math.min(names.length, namedInCount) &&
    withNames(counted, names, shown + 1).length <= maxTitleChars
  )
    shown++;
  return shown === 0 ? counted : withNames(counted, names, shown);
}

/** `Pin 7 base image digests (alpine, node, …)`: the first `count` names, `…` when some are left out. */
function withNames(counted: string, names: readonly string[], count: number): string {
  return `${counted} (${names.slice(0, count).join(', ')}${names.length > count ? ', …' : ''})`;
}
