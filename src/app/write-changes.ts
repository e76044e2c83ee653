import { resolve } from 'node:path';
import { writeFileAtomic } from '../workspace/write-atomic.ts';
import type { PinPlan } from './pin.ts';

export interface WriteFailure {
  readonly file: string;
  readonly error: string;
}

/**
 * Writes each changed file whole (atomic rename), encoded as it was read
 * (UTF-8 with its BOM, or latin1). A file that cannot be written is reported
 * and left as it was; the others are still written.
 */
export async function writeChanges(cwd: string, plan: PinPlan): Promise<WriteFailure[]> {
  const decodedByFile = new Map(plan.files.map((scanned) => [scanned.file, scanned.decoded]));
  const failures: WriteFailure[] = [];
  for (const change of plan.changes) {
    const decoded = decodedByFile.get(change.file);
    if (!decoded) continue;
    try {
      await writeFileAtomic(resolve(cwd, change.file), decoded.encode(change.after));
    } catch (error) {
      failures.push({ file: change.file, error: (error as Error).message.split('\n')[0] ?? 'write failed' });
    }
  }
  return failures;
}
