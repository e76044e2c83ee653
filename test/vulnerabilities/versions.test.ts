import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareApkVersions, compareDpkgVersions } from '../../src/vulnerabilities/index.ts';

/** The apk ordering table (`a < b`, `a > b`, `a = b`), written from Alpine's documented version format. */
function apkTable(): [string, string, number][] {
  const text = readFileSync(new URL('../fixtures/osv/apk-version-order.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) => line.split('#')[0]?.trim().split(/\s+/) ?? [])
    .filter(
      (parts): parts is [string, string, string] =>
        parts.length === 3 && ['<', '>', '='].includes(parts[1] ?? ''),
    )
    .map(([a, op, b]) => [a, b, op === '<' ? -1 : op === '>' ? 1 : 0]);
}

describe('compareApkVersions', () => {
  const table = apkTable();

  it('reads the whole table', () => {
    expect(table.length).toBeGreaterThan(40);
  });

  it.each(table)('%s vs %s → %i, and the reverse', (a, b, want) => {
    expect(Math.sign(compareApkVersions(a, b))).toBe(want);
    expect(Math.sign(compareApkVersions(b, a))).toBe(-want || 0);
  });

  it.each([
    ['1.37.0-r29', '1.37.0-r30', -1],
    ['3.3.1-r0', '3.3.1-r10', -1],
    ['3.3.1_rc1-r0', '3.3.1-r0', -1],
    ['6.3_p20220416-r0', '6.3-r0', 1],
    ['1.0.2g-r0', '1.0.2h-r0', -1],
    ['2.6.2-r0', '2.6.2-r0', 0],
  ] as const)('Alpine package %s vs %s → %i', (a, b, want) => {
    expect(Math.sign(compareApkVersions(a, b))).toBe(want);
  });
});

describe('compareDpkgVersions', () => {
  // deb-version(7)'s examples and the ordering of real Debian and Ubuntu security updates.
  const ascending = [
    '0.0',
    '0.5',
    '0.10',
    '0.99',
    '1',
    '1.0~rc1',
    '1.0',
    '1.0+b1',
    '1.0+nmu1',
    '1.1',
    '2.0',
    '1:0.1',
  ];

  it.each(ascending.slice(1).map((later, i) => [ascending[i] ?? '', later]))('%s < %s', (a, b) => {
    expect(compareDpkgVersions(a, b)).toBeLessThan(0);
    expect(compareDpkgVersions(b, a)).toBeGreaterThan(0);
  });

  it.each([
    ['1.0~~', '1.0~~a', -1],
    ['1.0~~a', '1.0~', -1],
    ['1.0~', '1.0', -1],
    ['1.0a', '1.0', 1],
    ['1.0a', '1.0.', -1],
    ['0:1.0', '1.0', 0],
    ['1.0-1', '1.0-2', -1],
    ['1.0-2ubuntu2', '1.0-2ubuntu10', -1],
    ['2.5.0-1', '2.5.0-1+deb12u1', -1],
    ['2.5.0-1+deb12u1', '2.5.0-1+deb12u2', -1],
    ['3.0.13-1~deb12u1', '3.0.13-1', -1],
    ['1.2.3', '1.2.10', -1],
    ['1.001', '1.1', 0],
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(Math.sign(compareDpkgVersions(a, b))).toBe(want);
  });
});
