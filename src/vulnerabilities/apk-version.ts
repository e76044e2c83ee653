/**
 * Alpine's version ordering (apk-tools, the Gentoo scheme): `1.2.3[letter][_suffix[N]]…[-rN]`. Number
 * components compare as numbers, except that a component after the first with a leading zero compares as
 * a decimal fraction (`1.01` < `1.1`); more components sort later (`1.2` < `1.2.1`); a letter sorts after
 * none; `_alpha` < `_beta` < `_pre` < `_rc` < no suffix < `_cvs` < `_svn` < `_git` < `_hg` < `_p`; then
 * the package revision `-rN`.
 */

const suffixRank: Readonly<Record<string, number>> = {
  alpha: -4,
  beta: -3,
  pre: -2,
  rc: -1,
  cvs: 1,
  svn: 2,
  git: 3,
  hg: 4,
  p: 5,
};

interface ApkVersion {
  readonly numbers: readonly string[];
  readonly letter: string;
  readonly suffixes: readonly { readonly rank: number; readonly number: bigint }[];
  readonly revision: bigint;
  /** Text the scheme does not describe, compared as a last resort. */
  readonly rest: string;
}

const versionPattern = /^(\d+(?:\.\d+)*)([a-z]?)((?:_[a-z]+\d*)*)(?:-r(\d+))?(.*)$/;

function parse(text: string): ApkVersion {
  const match = versionPattern.exec(text.trim());
  if (!match) return { numbers: [], letter: '', suffixes: [], revision: 0n, rest: text };
  const [, numbers = '', letter = '', suffixes = '', revision = '0', rest = ''] = match;
  return {
    numbers: numbers.split('.'),
    letter,
    suffixes: suffixes
      .split('_')
      .filter(Boolean)
      .map((suffix) => {
        const [, name = '', number = '0'] = /^([a-z]+)(\d*)$/.exec(suffix) ?? [];
        return { rank: suffixRank[name] ?? 0, number: BigInt(number || '0') };
      }),
    revision: BigInt(revision),
    rest,
  };
}

const sign = (value: bigint | number) => (value < 0 ? -1 : value > 0 ? 1 : 0);

function compareComponent(a: string, b: string, first: boolean): number {
  if (!first && (a.startsWith('0') || b.startsWith('0'))) {
    const left = a.replace(/0+$/, '');
    const right = b.replace(/0+$/, '');
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return sign(BigInt(a) - BigInt(b));
}

/** Negative when `a` sorts before `b`, zero when equal, positive after. */
export function compareApkVersions(a: string, b: string): number {
  const left = parse(a);
  const right = parse(b);
  const shared = Math.min(left.numbers.length, right.numbers.length);
  for (let i = 0; i < shared; i += 1) {
    const result = compareComponent(left.numbers[i] ?? '0', right.numbers[i] ?? '0', i === 0);
    if (result !== 0) return result;
  }
  if (left.numbers.length !== right.numbers.length) return sign(left.numbers.length - right.numbers.length);
  if (left.letter !== right.letter) return left.letter < right.letter ? -1 : 1;
  const suffixes = Math.max(left.suffixes.length, right.suffixes.length);
  for (let i = 0; i < suffixes; i += 1) {
    const l = left.suffixes[i] ?? { rank: 0, number: 0n };
    const r = right.suffixes[i] ?? { rank: 0, number: 0n };
    if (l.rank !== r.rank) return sign(l.rank - r.rank);
    if (l.number !== r.number) return sign(l.number - r.number);
  }
  if (left.revision !== right.revision) return sign(left.revision - right.revision);
  return left.rest < right.rest ? -1 : left.rest > right.rest ? 1 : 0;
}
