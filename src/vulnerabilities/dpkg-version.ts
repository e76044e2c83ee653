/**
 * Debian version ordering (deb-version(7)): `[epoch:]upstream[-revision]`; the epoch compares as a number,
 * the upstream version and the revision by dpkg's rule: runs of non-digits compare character by character
 * (`~` before everything, even the end; letters before other characters), runs of digits as numbers.
 */

/** The weight of one character in a non-digit run: `~` < end < letters < everything else. */
function order(code: number | undefined): number {
  if (code === undefined) return 0;
  if (code === 0x7e) return -1;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return code;
  return code + 256;
}

const isDigit = (code: number | undefined) => code !== undefined && code >= 0x30 && code <= 0x39;

/** dpkg's `verrevcmp`: negative, zero or positive. */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const left = i < a.length && !isDigit(a.charCodeAt(i)) ? order(a.charCodeAt(i)) : order(undefined);
      const right = j < b.length && !isDigit(b.charCodeAt(j)) ? order(b.charCodeAt(j)) : order(undefined);
      if (left !== right) return left - right;
      i += 1;
      j += 1;
    }
    while (a[i] === '0') i += 1;
    while (b[j] === '0') j += 1;
    let difference = 0;
    while (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (difference === 0) difference = a.charCodeAt(i) - b.charCodeAt(j);
      i += 1;
      j += 1;
    }
    if (isDigit(a.charCodeAt(i))) return 1;
    if (isDigit(b.charCodeAt(j))) return -1;
    if (difference !== 0) return difference;
  }
  return 0;
}

interface DebianVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

function split(version: string): DebianVersion {
  const colon = version.indexOf(':');
  const epoch = colon > 0 ? Number.parseInt(version.slice(0, colon), 10) : 0;
  const rest = colon > 0 ? version.slice(colon + 1) : version;
  const dash = rest.lastIndexOf('-');
  return {
    epoch: Number.isFinite(epoch) ? epoch : 0,
    upstream: dash >= 0 ? rest.slice(0, dash) : rest,
    revision: dash >= 0 ? rest.slice(dash + 1) : '',
  };
}

/** Negative when `a` sorts before `b`, zero when equal, positive after. */
export function compareDpkgVersions(a: string, b: string): number {
  const left = split(a.trim());
  const right = split(b.trim());
  if (left.epoch !== right.epoch) return left.epoch - right.epoch;
  return compareFragment(left.upstream, right.upstream) || compareFragment(left.revision, right.revision);
}
