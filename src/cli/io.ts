import type { RunSettings } from '../config/settings.ts';
import type { RegistryClient } from '../registry/index.ts';
import type { OsvClient } from '../osv/index.ts';
import type { PacerClock } from '../org-github/index.ts';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  /** Resolves once stdout has room again (at once when it has): chunked reports wait on it (`writeChunks`). */
  readonly stdoutDrained?: () => Promise<void>;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress line). */
  readonly interactive: boolean;
  readonly version: string;
  /** Colour statuses (a terminal, NO_COLOR unset, or FORCE_COLOR); never in `--json`. */
  readonly colour?: boolean;
  /** Installs the guarded outbound dispatcher; called only by commands that use the network, so `--version` stays fast. */
  readonly prepareNetwork?: () => Promise<void>;
  /** Bounds V8's heap growth (src/cli/heap-growth.ts); called only by `pin` and `check`, which hold a whole tree's sites. */
  readonly limitHeapGrowth?: () => Promise<void>;
  /** Test seam: the registry client a run uses (default: built from the settings). */
  readonly registry?: (settings: RunSettings) => RegistryClient;
  /** Test seam: the OSV client a run uses (default: built from `osv-api`). */
  readonly osv?: (settings: RunSettings) => OsvClient;
  /** Test seam: the clock for changelog ages and `minimum-age`. */
  readonly now?: () => Date;
  /** Test seam: the clock `basepin org` paces GitHub writes and ages installation tokens by. */
  readonly pacerClock?: PacerClock;
  /** Test seam: milliseconds per unit of the GitHub client's back-off after a 5xx (default GitHub's). */
  readonly githubRetryDelayUnitMs?: number;
}

/** sysexits(3): 64 EX_USAGE, 70 EX_SOFTWARE. */
export const ExitCode = { Done: 0, WorkFound: 1, Unresolved: 2, Usage: 64, Internal: 70 } as const;
