import { encodeDockerfile } from '../dockerfile/index.ts';
import type { FileBytes, Workspace } from '../workspace/types.ts';
import { asFailure, WriteError, type Failure } from './failure.ts';
import type { PinReport } from './pin-report.ts';

export interface WriteFailure {
  readonly file: string;
  readonly error: Failure;
}

/**
 * Writes each changed file whole, encoded as it was read (UTF-8 with its
 * BOM, or latin1). A file that cannot be encoded or written is reported and
 * left as it was; the others are still written. Failures come in the order
 * of the changes.
 */
export async function writeChanges(
  workspace: Workspace,
  plan: Pick<PinReport, 'changes'>,
): Promise<WriteFailure[]> {
  const failures = new Map<string, WriteFailure>();
  const encoded: FileBytes[] = [];
  for (const change of plan.changes) {
    try {
      encoded.push({ file: change.file, bytes: encodeDockerfile(change.after, change.encoding) });
    } catch (error) {
      failures.set(change.file, { file: change.file, error: asFailure(error) });
    }
  }
  for (const { file, error } of await workspace.write(encoded)) {
    failures.set(file, { file, error: new WriteError(error.message, { cause: error.cause ?? error }) });
  }
  return plan.changes.flatMap((change) => failures.get(change.file) ?? []);
}
