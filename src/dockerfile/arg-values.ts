/**
 * What a FROM word or a global ARG default becomes in a build: BuildKit
 * expands both with the global ARGs and the ARGs the builder sets itself
 * (dockerfile2llb/convert.go `buildMetaArgs`, `buildDispatchStates`;
 * platform.go `defaultArgs`), through its shell word processor, so quotes
 * are removed and `${X:-word}`, `${X:+word}`, `${X-word}` apply.
 */
import { processShell, ShellSyntaxError } from './shell-lex.ts';

export interface GlobalArg {
  readonly name: string;
  /** 1-based line of the (last) ARG instruction declaring it. */
  readonly line: number;
  /** The default as written (one pair of surrounding quotes removed); undefined for `ARG NAME`. */
  readonly value: string | undefined;
  /** The default as a build reads it; undefined when it has none or it cannot be known. */
  readonly expanded: string | undefined;
  /** The builder-set ARG the default depends on (`TARGETARCH`), when it does. */
  readonly platform: string | undefined;
  /** Source range of the default's text, when it can be edited in place. */
  readonly valueRange: { readonly start: number; readonly end: number } | undefined;
  /** How many global ARG instructions give it a default. */
  readonly declarations: number;
}

/** ARGs BuildKit always sets (platform.go `defaultArgs`), and what their value depends on. */
const builderArgs: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'the build platform'],
  ['BUILDOS', 'the build platform'],
  ['BUILDOSVERSION', 'the build platform'],
  ['BUILDARCH', 'the build platform'],
  ['BUILDVARIANT', 'the build platform'],
  ['TARGETPLATFORM', 'the target platform'],
  ['TARGETOS', 'the target platform'],
  ['TARGETOSVERSION', 'the target platform'],
  ['TARGETARCH', 'the target platform'],
  ['TARGETVARIANT', 'the target platform'],
  ['TARGETSTAGE', 'the build target'],
]);

export function isBuilderArg(name: string): boolean {
  return builderArgs.has(name);
}

/** Why a value that uses builder ARG `name` is not known before a build. */
export function platformReason(name: string): string {
  return `the reference depends on ${builderArgs.get(name) ?? 'the build'} (${name} is set by the builder); pin by hand`;
}

export interface Expansion {
  /** The expanded text; undefined when some value is missing or depends on the builder. */
  readonly value: string | undefined;
  /** ARGs whose value was needed but is not set (declared without a default, or not declared). */
  readonly missing: readonly string[];
  /** The first builder-set ARG the value depends on. */
  readonly platform: string | undefined;
  /** BuildKit rejects the text, so the build fails (or, with `required`, needs a build-arg). */
  readonly error: ShellSyntaxError | undefined;
}

/** Expands `text` as BuildKit does with the given global ARGs in scope. */
export function expandWord(text: string, globals: ReadonlyMap<string, GlobalArg>, escape: string): Expansion {
  let platform: string | undefined;
  const env = (name: string): string | undefined => {
    const global = globals.get(name);
    // `$1`, `$#`, `$@`: shell parameters no build sets, so BuildKit expands them to nothing.
    if (global === undefined && !/^[\p{L}_]/u.test(name)) return '';
    if (global?.platform !== undefined) {
      platform ??= global.platform;
      return '';
    }
    if (global?.expanded !== undefined) return global.expanded;
    // `ARG TARGETARCH` without a value keeps the builder's value; with one, the default replaces it.
    if (global?.value === undefined && builderArgs.has(name)) {
      platform ??= name;
      return '';
    }
    return undefined;
  };
  try {
    const result = processShell(text, env, { escape });
    const missing = [...result.missing];
    const known = missing.length === 0 && platform === undefined;
    return { value: known ? result.result : undefined, missing, platform, error: undefined };
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error;
    return { value: undefined, missing: [], platform, error };
  }
}
