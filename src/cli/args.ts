import { parseArgs } from 'node:util';

/** A usage error: exit 64 with a one-line message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CommandName = 'scan' | 'pin' | 'check';

export interface CliArgs {
  readonly command: CommandName | 'help' | 'version';
  readonly paths: string[];
  readonly json: boolean;
  readonly diff: boolean;
  readonly quiet: boolean;
  readonly strict: boolean;
  /** Flags that set a setting, by flag name, as given; parsed by `src/config` like every other source. */
  readonly settingFlags: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** `host=user:secret` pairs as given. */
  readonly registryCredentials: string[];
  readonly config: string | undefined;
  readonly debug: boolean;
}

const options = {
  json: { type: 'boolean' },
  diff: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  strict: { type: 'boolean' },
  debug: { type: 'boolean' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'exclude-image': { type: 'string', multiple: true },
  'registry-mirror': { type: 'string', multiple: true },
  'insecure-registry': { type: 'string', multiple: true },
  'registry-credential': { type: 'string', multiple: true },
  platform: { type: 'string' },
  concurrency: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

type Flag = keyof typeof options;
const fileFlags: readonly Flag[] = ['json', 'debug', 'include', 'exclude', 'exclude-image', 'config'];
const registryFlags: readonly Flag[] = [
  'quiet',
  'registry-mirror',
  'insecure-registry',
  'registry-credential',
  'platform',
  'concurrency',
];

/** Which flags each command takes; anything else is a usage error rather than silently ignored. */
const flagsByCommand: Record<CommandName, readonly Flag[]> = {
  scan: fileFlags,
  pin: [...fileFlags, ...registryFlags, 'diff'],
  check: [...fileFlags, ...registryFlags, 'strict'],
};

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [first, ...paths] = positionals;
  const base = {
    paths,
    json: values.json ?? false,
    diff: values.diff ?? false,
    quiet: values.quiet ?? false,
    strict: values.strict ?? false,
    settingFlags: {
      include: values.include,
      exclude: values.exclude,
      'exclude-image': values['exclude-image'],
      'registry-mirror': values['registry-mirror'],
      'insecure-registry': values['insecure-registry'],
      platform: values.platform,
      concurrency: values.concurrency,
    },
    registryCredentials: values['registry-credential'] ?? [],
    config: values.config,
    debug: values.debug ?? false,
  };
  if (values.version) return { ...base, command: 'version' };
  if (values.help || first === undefined || first === 'help') return { ...base, command: 'help' };
  if (first !== 'scan' && first !== 'pin' && first !== 'check') {
    throw new UsageError(`unknown command "${first}" (expected scan, pin or check)`);
  }
  const allowed = new Set<string>(flagsByCommand[first]);
  const stray = Object.keys(values).find((flag) => !allowed.has(flag));
  if (stray !== undefined) throw new UsageError(`basepin ${first} does not take --${stray}`);
  if (base.diff && base.json) throw new UsageError('--diff and --json cannot be combined');
  return { ...base, command: first };
}

export const usage = `Usage: basepin <command> [PATH…] [options]

Commands:
  scan    list every image reference in the Dockerfiles under PATH (no network)
  pin     resolve tags to digests and rewrite the Dockerfiles in place
  check   like pin, but write nothing; exit 1 when a pin is missing or stale

Options:
  --json                      machine-readable report on stdout
  --diff                      (pin) print a unified diff, write nothing
  --strict                    (check) skipped references fail the check too
  --include GLOB              also take files matching GLOB (repeatable)
  --exclude GLOB              leave out files matching GLOB (repeatable)
  --exclude-image GLOB        leave images matching GLOB alone, e.g. 'node', 'ghcr.io/acme/*' (repeatable)
  --registry-mirror HOST=URL  resolve HOST's images through URL first (repeatable)
  --insecure-registry HOST    allow plain HTTP to HOST (repeatable)
  --registry-credential HOST=USER:SECRET
                              credentials for HOST; prefer BASEPIN_REGISTRY_CREDENTIALS
                              or docker login, which keep secrets out of the process list
  --platform OS/ARCH[/VAR]    pin that platform's manifest instead of the multi-platform index
  --concurrency N             requests in flight per registry (default 8)
  --config FILE               settings file (default .github/basepin.yml when present)
  -q, --quiet                 print errors only
  --debug                     print the stack of an internal error
  -h, --help, -V, --version

Exit codes: 0 done · 1 check found work · 2 some references could not be resolved · 64 usage error · 70 internal error`;
