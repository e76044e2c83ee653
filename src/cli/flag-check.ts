import { closest } from './suggest.ts';

/** A usage error: exit 64 with a one-line message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One flag as `parseArgs` declares it. */
export interface FlagShape {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

export interface FlagCheck {
  readonly options: Readonly<Record<string, FlagShape>>;
  /** What a flag given without its value needed (`a glob`), for `--include needs a glob`. */
  readonly needs: (flag: string) => string | undefined;
  /** The flags a mistyped one is compared with (`--jsno` → `--json`). */
  readonly suggestions: readonly string[];
  /** `see basepin pin --help`. */
  readonly seeHelp: string;
}

/**
 * Flag problems parseArgs reports in its own words, found first so every command's message names the flag and
 * a fix the same way: `unknown option --jsno (did you mean --json?)`, `--shards needs a number`.
 */
export function checkFlags(argv: readonly string[], check: FlagCheck): void {
  const known = Object.keys(check.options);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : undefined;
    const flag =
      name ??
      known.find((candidate) => {
        const short = check.options[candidate]!.short;
        return short !== undefined && `-${short}` === arg;
      });
    if (flag === undefined || !known.includes(flag)) {
      const shown = name === undefined ? arg : `--${name}`;
      const guess = name === undefined ? undefined : closest(name, check.suggestions);
      throw new UsageError(
        `unknown option ${shown}${guess ? ` (did you mean --${guess}?)` : ''}; ${check.seeHelp}`,
      );
    }
    if (check.options[flag]!.type === 'string' && !arg.includes('=')) {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-'))
        throw new UsageError(`--${flag} needs ${check.needs(flag) ?? 'a value'}`);
      i++;
    }
  }
}
