import { SettingsError } from './errors.ts';
import { settingSpecs, type SettingKey, type SettingSpec } from './schema.ts';
import type { Shape } from './shape.ts';
import { parseCredential, parsePair, type RegistryCredential } from './values.ts';

/**
 * One place settings come from, already in the settings' shapes. A source
 * only turns its own text form into shapes; parsing and precedence are the
 * same for all (`./settings.ts`).
 */
export interface SettingSource {
  /** How errors name a key of this source. */
  readonly label: (key: SettingKey) => string;
  readonly values: Partial<Record<SettingKey, Shape>>;
}

const specs = settingSpecs as Record<SettingKey, SettingSpec<unknown>>;
const keys = Object.keys(settingSpecs) as SettingKey[];

/** Comma- or newline-separated list, as action inputs give them; `#` lines are comments. */
export function listInput(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

function lines(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** `docker.io=https://…` lines; a bad line is quoted without any userinfo. */
function pairLines(label: string, values: readonly string[]): Shape {
  const show = (line: string) => JSON.stringify(line.replace(/\/\/[^/@\s]*@/g, '//***@'));
  return {
    kind: 'pairs',
    value: lines(values).map((line) => {
      const parsed = parsePair(line, show);
      if ('problem' in parsed) throw new SettingsError(`${label}: ${parsed.problem}`);
      return parsed.value;
    }),
  };
}

/** A text value (an input, a flag) in the shape its setting has. */
function fromText(key: SettingKey, label: string, values: readonly string[]): Shape {
  const spec = specs[key];
  switch (spec.shape) {
    case 'list':
      return { kind: 'list', value: values.flatMap(listInput) };
    case 'pairs':
      return pairLines(label, values);
    default:
      return { kind: 'text', value: values.at(-1) ?? '' };
  }
}

/** Action inputs: `''` is unset (as @actions/core's getInput returns it). */
export function inputSource(read: (name: string) => string): SettingSource {
  const values: Partial<Record<SettingKey, Shape>> = {};
  for (const key of keys) {
    if (specs[key].input === false) continue;
    const value = read(key);
    if (value.trim() !== '') values[key] = fromText(key, `input ${key}`, [value]);
  }
  return { label: (key) => `input ${key}`, values };
}

/** The CLI flag of a setting, or undefined when it has none. */
export function flagName(key: SettingKey): string | undefined {
  const flag = specs[key].flag;
  return flag === null ? undefined : (flag ?? key);
}

/** Parsed CLI flags by flag name (repeatable flags as arrays); a flag that is absent is unset. */
export function flagSource(
  flags: Readonly<Record<string, string | readonly string[] | undefined>>,
): SettingSource {
  const values: Partial<Record<SettingKey, Shape>> = {};
  for (const key of keys) {
    const name = flagName(key);
    const given = name === undefined ? undefined : flags[name];
    if (given === undefined || (Array.isArray(given) && given.length === 0)) continue;
    const texts = typeof given === 'string' ? [given] : (given as readonly string[]);
    values[key] =
      specs[key].shape === 'list' ? { kind: 'list', value: [...texts] } : fromText(key, `--${name}`, texts);
  }
  return {
    label: (key) => `--${flagName(key) ?? key}`,
    values,
  };
}

/** `ghcr.io=user:token` lines → host → credential. A line that may hold a secret is never echoed. */
export function credentialLines(
  label: string,
  values: readonly string[],
): Record<string, RegistryCredential> {
  const credentials: Record<string, RegistryCredential> = {};
  const hidden = () => 'a line not shown here, as it may hold a secret';
  for (const line of lines(values)) {
    const pair = parsePair(line, hidden);
    if ('problem' in pair) throw new SettingsError(`${label}: ${pair.problem}`);
    const [host, value] = pair.value;
    const credential = parseCredential(host, value);
    if ('problem' in credential) throw new SettingsError(`${label}: ${credential.problem}`);
    credentials[host] = { ...credential.value, source: label };
  }
  return credentials;
}
