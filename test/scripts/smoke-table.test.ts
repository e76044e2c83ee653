import { describe, expect, it } from 'vitest';
import {
  cell,
  exitCode,
  renderTable,
  smokeChecks,
  textMatches,
  viewerDetail,
  type SmokeResult,
} from '../../scripts/smoke/table.ts';

const all = (outcome: SmokeResult['outcome']): SmokeResult[] =>
  smokeChecks.map((check) => ({ check, outcome, detail: 'd' }));

describe('the smoke table', () => {
  it('has a row for each of the checks, in order, headed', () => {
    const lines = renderTable(all('pass')).split('\n');
    expect(lines.slice(0, 2)).toEqual(['| Behaviour | Result | Detail |', '| --- | --- | --- |']);
    expect(lines).toHaveLength(2 + smokeChecks.length);
    expect(lines[2]).toBe('| viewer login (GITHUB_TOKEN) | ✅ pass | d |');
  });

  it('shows a check that did not report as a failure, and a failure over a pass of the same check', () => {
    const results: SmokeResult[] = [
      { check: 'reactions', outcome: 'pass', detail: 'eyes' },
      { check: 'reactions', outcome: 'fail', detail: '+1 refused' },
    ];
    const table = renderTable(results);
    expect(table).toContain('| reactions | ❌ fail | +1 refused |');
    expect(table).toContain('| fast-forward refusal | ❌ fail | did not report |');
  });

  it('keeps a cell on one line, its pipes escaped and its length capped', () => {
    expect(cell('a|b\r\nc')).toBe('a\\|b c');
    expect(cell('x'.repeat(300))).toHaveLength(200);
  });

  it.each([
    ['every check passed', all('pass'), 0],
    ['skips do not fail', all('skip'), 0],
    [
      'one failure fails',
      [...all('pass').slice(1), { check: smokeChecks[0], outcome: 'fail', detail: '' }],
      1,
    ],
    ['a missing check fails', all('pass').slice(1), 1],
  ] as const)('exit code when %s', (_what, results, code) => {
    expect(exitCode(results)).toBe(code);
  });
});

describe('detail lines', () => {
  it.each([
    [
      403,
      { status: 200, login: 'github-actions[bot]' },
      'GET /user 403; GraphQL viewer: login github-actions[bot]',
    ],
    [
      403,
      { status: 200, login: 'github-actions' },
      'GET /user 403; GraphQL viewer: login github-actions (without [bot])',
    ],
    [
      403,
      { status: 200, errorType: 'FORBIDDEN' },
      'GET /user 403; GraphQL viewer: HTTP 200 with errors of type FORBIDDEN',
    ],
    [403, { status: 403 }, 'GET /user 403; GraphQL viewer: HTTP 403'],
  ])('viewer: GET /user %i and %j', (rest, graphql, detail) => {
    expect(viewerDetail(rest, graphql)).toBe(detail);
  });

  it('a GitHub text contains the one basepin matches, or says what GitHub said instead', () => {
    expect(
      textMatches('422 texts basepin matches', 'Reference already exists', 'Reference already exists')
        .outcome,
    ).toBe('pass');
    expect(textMatches('422 texts basepin matches', 'Reference already exists', 'Ref exists')).toEqual({
      check: '422 texts basepin matches',
      outcome: 'fail',
      detail: 'expected "Reference already exists", GitHub said "Ref exists"',
    });
    expect(textMatches('422 texts basepin matches', 'x', undefined).outcome).toBe('fail');
  });
});
