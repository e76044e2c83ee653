import { resolve } from 'node:path';
import { encodeDockerfile } from '../dockerfile/index.ts';
import { writeFileAtomic } from '../workspace/write-atomic.ts';
import { asFailure, WriteError, type Failure } from './failure.ts';
import type { PinReport } from './pin-report.ts';

export interface WriteFailure {
  readonly file: string;
  readonly error: Failure;
}

/** Files written at once: each write fsyncs, and a disk serves several syncs in parallel. */
const writesAtOnce = 16;

/**
 * Writes each changed file whole (atomic rename), encoded as it was read
 * (UTF-8 with its BOM, or latin1), a few at a time. A file that cannot be
 * written is reported and left as it was; the others are still written.
 */
export async function writeChanges(cwd: string, plan: Pick<PinReport, 'changes'>): Promise<WriteFailure[]> {
  const failures: (WriteFailure | undefined)[] = new Array(plan.changes.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.changes.length) {
      const index = next++;
      failures[index] = await writeOne(cwd, plan.changes[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(writesAtOnce, plan.changes.length) }, worker));
  return failures.filter((failure) => failure !== undefined);
}

async function writeOne(
  cwd: string,
  change: PinReport['changes'][number],
): Promise<WriteFailure | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = encodeDockerfile(change.after, change.encoding);
  } catch (error) {
    return { file: change.file, error: asFailure(error) };
  }
  try {
    await writeFileAtomic(resolve(cwd, change.file), bytes);
    return undefined;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'write failed';
    return { file: change.file, error: new WriteError(message, { cause: error }) };
  }
}
