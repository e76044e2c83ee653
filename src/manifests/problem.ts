/**
 * A file basepin could not read as its kind: a YAML or JSON syntax error.
 * One a file; the other files go on.
 */
export interface ManifestProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The parser's reason, one line. */
  readonly reason: string;
}

/** `file:line:column: reason`, the one line a warning shows. */
export function describeProblem(problem: ManifestProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.reason}`;
}

/** A problem in `--json` (`pin`, `check` and `scan` print them as `warnings`). */
export function problemJson(problem: ManifestProblem): ManifestProblem {
  return { file: problem.file, line: problem.line, column: problem.column, reason: problem.reason };
}
