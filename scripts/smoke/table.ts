/**
 * The smoke test's results and the table it prints (pure, unit-tested in test/scripts/smoke-table.test.ts).
 * Each check says pass, fail or skip (what it needs was not given), with one line of detail.
 */

export type Outcome = 'pass' | 'fail' | 'skip';

export interface SmokeResult {
  readonly check: string;
  readonly outcome: Outcome;
  readonly detail: string;
}

/** The 11 behaviours only GitHub can confirm, in the order they are printed. */
export const smokeChecks = [
  'viewer login (GITHUB_TOKEN)',
  'viewer login (App token)',
  'dashboard found on the second run',
  'verified commit attributed to the bot',
  '422 texts basepin matches',
  'permissions: maintain, triage, custom role',
  'reactions',
  'fast-forward refusal',
  '"Allow GitHub Actions to create pull requests" off',
  'rulesets on basepin/*',
  'checkbox edit with CRLF',
  'pacing of 10 pull requests',
] as const;

export type SmokeCheck = (typeof smokeChecks)[number];

const mark: Record<Outcome, string> = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' };

/** A table cell: one line, `|` escaped, at most 200 characters. */
export function cell(text: string): string {
  const line = text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The markdown table, every check in `smokeChecks` order; a check that did not report is a failure. */
export function renderTable(results: readonly SmokeResult[]): string {
  const rows = smokeChecks.map((check) => {
    const found = results.filter((r) => r.check === check);
    const result: SmokeResult = found.find((r) => r.outcome === 'fail') ??
      found[0] ?? { check, outcome: 'fail', detail: 'did not report' };
    return `| ${cell(check)} | ${mark[result.outcome]} | ${cell(result.detail)} |`;
  });
  return ['| Behaviour | Result | Detail |', '| --- | --- | --- |', ...rows].join('\n');
}

/** 1 when any check failed or did not report, else 0 (skips do not fail the run). */
export function exitCode(results: readonly SmokeResult[]): number {
  return smokeChecks.every((check) => {
    const found = results.filter((r) => r.check === check);
    return found.length > 0 && found.every((r) => r.outcome !== 'fail');
  })
    ? 0
    : 1;
}

/** What the viewer question answered, as a detail line: the login as given, or why it is unknown. */
export function viewerDetail(
  rest: number,
  graphql: { status: number; login?: string; errorType?: string },
): string {
  const answer =
    graphql.login !== undefined
      ? `login ${graphql.login}${graphql.login.endsWith('[bot]') ? '' : ' (without [bot])'}`
      : graphql.errorType !== undefined
        ? `HTTP ${graphql.status} with errors of type ${graphql.errorType}`
        : `HTTP ${graphql.status}`;
  return `GET /user ${rest}; GraphQL viewer: ${answer}`;
}

/** Whether one of GitHub's error texts contains the text basepin matches. */
export function textMatches(check: SmokeCheck, expected: string, seen: string | undefined): SmokeResult {
  if (seen === undefined)
    return { check, outcome: 'fail', detail: `expected "${expected}", GitHub did not refuse` };
  return seen.includes(expected)
    ? { check, outcome: 'pass', detail: `"${expected}"` }
    : { check, outcome: 'fail', detail: `expected "${expected}", GitHub said "${seen}"` };
}
