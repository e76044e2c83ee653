/**
 * The CVSS v3.0/v3.1 base score of a vector string, computed as the specification says (section 7.1,
 * Appendix A's Roundup), or undefined when the vector is not a complete, valid v3 base vector.
 * https://www.first.org/cvss/v3.1/specification-document
 */

const weights = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

/** Privileges Required weighs more when the scope changes. */
const privileges = {
  U: { N: 0.85, L: 0.62, H: 0.27 },
  C: { N: 0.85, L: 0.68, H: 0.5 },
} as const;

/** Base, temporal and environmental metric names; any other makes the vector invalid (section 6). */
const metricNames = new Set('AV AC PR UI S C I A E RL RC CR IR AR MAV MAC MPR MUI MS MC MI MA'.split(' '));

/** CVSS 3.1's Roundup: the smallest one-decimal number not below the input, free of float noise. */
function roundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

function pick<T extends Record<string, number>>(table: T, key: string | undefined): number | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}

export function cvss3BaseScore(vector: string): number | undefined {
  const parts = vector.trim().split('/');
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? '')) return undefined;
  const metrics = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const [name, value, extra] = part.split(':');
    if (name === undefined || value === undefined || extra !== undefined) return undefined;
    if (!metricNames.has(name) || metrics.has(name)) return undefined;
    metrics.set(name, value);
  }
  const scope = metrics.get('S');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const av = pick(weights.AV, metrics.get('AV'));
  const ac = pick(weights.AC, metrics.get('AC'));
  const pr = pick(privileges[scope], metrics.get('PR'));
  const ui = pick(weights.UI, metrics.get('UI'));
  const c = pick(weights.CIA, metrics.get('C'));
  const i = pick(weights.CIA, metrics.get('I'));
  const a = pick(weights.CIA, metrics.get('A'));
  if ([av, ac, pr, ui, c, i, a].some((w) => w === undefined)) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  return scope === 'U'
    ? roundUp(Math.min(impact + exploitability, 10))
    : roundUp(Math.min(1.08 * (impact + exploitability), 10));
}
