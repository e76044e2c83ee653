import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeDockerfile } from '../../src/dockerfile/index.ts';

export const fixtureDir = path.join(import.meta.dirname, '..', 'fixtures', 'dockerfiles');

/** Files directly in the fixture directory (`real-world/` has its own test). */
export const fixtureNames: readonly string[] = readdirSync(fixtureDir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
  .map((entry) => entry.name)
  .sort();

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixtureDir, name)));
}

export function fixtureText(name: string): string {
  return decodeDockerfile(fixtureBytes(name)).text;
}

export const digestA = `sha256:${'4c1e'.repeat(16)}`;
export const digestB = `sha256:${'b7a0'.repeat(16)}`;
export const digestC = `sha256:${'0123456789abcdef'.repeat(4)}`;
