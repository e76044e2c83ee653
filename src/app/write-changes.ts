import { resolve } from 'node:path';
import { writeFileAtomic } from '../workspace/write-atomic.ts';
import type { PinPlan } from './pin.ts';

/** Writes each changed file whole (atomic rename), encoded as it was read (UTF-8 with its BOM, or latin1). */
export async function writeChanges(cwd: string, plan: PinPlan): Promise<void> {
  const decodedByFile = new Map(plan.files.map((scanned) => [scanned.file, scanned.decoded]));
  for (const change of plan.changes) {
    const decoded = decodedByFile.get(change.file);
    if (!decoded) continue;
    await writeFileAtomic(resolve(cwd, change.file), decoded.encode(change.after));
  }
}
