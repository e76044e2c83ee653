import { resolve } from 'node:path';
import { encodeDockerfile } from '../dockerfile/index.ts';
import { writeFileAtomic } from '../workspace/write-atomic.ts';
import { asFailure, WriteError, type Failure } from './failure.ts';
import type { PinReport } from './pin-report.ts';

export interface WriteFailure {
  readonly file: string;
  readonly error: Failure;
}

/**
 * Writes each changed file whole (atomic rename), encoded as it was read
 * (UTF-8 with its BOM, or latin1). A file that cannot be written is reported
 * and left as it was; the others are still written.
 */
export async function writeChanges(cwd: string, plan: Pick<PinReport, 'changes'>): Promise<WriteFailure[]> {
  const failures: WriteFailure[] = [];
  for (const change of plan.changes) {
    let bytes: Uint8Array;
    try {
      bytes = encodeDockerfile(change.after, change.encoding);
    } catch (error) {
      failures.push({ file: change.file, error: asFailure(error) });
      continue;
    }
    try {
      await writeFileAtomic(resolve(cwd, change.file), bytes);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? 'write failed';
      failures.push({ file: change.file, error: new WriteError(message, { cause: error }) });
    }
  }
  return failures;
}
