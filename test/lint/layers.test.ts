/**
 * The project's own ESLint config, run on snippets given as the text of an
 * existing file of a layer (in memory: the file on disk is not touched): an
 * upward import, an import of an entry and I/O in the core fail lint;
 * imports that point down pass.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layerOf } from '../../eslint/layers.ts';

const root = join(import.meta.dirname, '../..');
// The type-aware rules build a program of the whole project (half a minute on a busy machine);
// the layer rule needs no types, so these runs parse each snippet alone.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint enforces the layers', () => {
  it.each([
    [
      'core imports an adapter',
      'src/reference/grammar.ts',
      "export type { RegistryClient } from '../registry/index.ts';",
    ],
    [
      'core imports a use case',
      'src/config/schema.ts',
      "export { resolveTargetDigest } from '../resolve/target-digest.ts';",
    ],
    [
      'an adapter imports a use case',
      'src/registry/hosts.ts',
      "export { resolveTargetDigest } from '../resolve/index.ts';",
    ],
    ['an adapter imports the CLI', 'src/github/errors.ts', "export { parseArgs } from '../cli/args.ts';"],
    ['a use case imports the CLI', 'src/resolve/memoized-client.ts', "export * from '../cli/report.ts';"],
  ])('fails when %s', async (_title, file, code) => {
    expect(await problems(file, `${code}\n`)).toEqual([
      expect.stringMatching(/^basepin\/layers: .*imports only point down/),
    ]);
  });

  it('fails when anything imports an entry point', async () => {
    expect(await problems('src/cli/unified-diff.ts', "export {} from '../action.ts';\n")).toEqual([
      expect.stringMatching(/^basepin\/layers: .*nothing imports an entry/),
    ]);
  });

  it('fails when the core does I/O', async () => {
    expect(
      await problems('src/dockerfile/words.ts', "export { readFile } from 'node:fs/promises';\n"),
    ).toEqual([expect.stringMatching(/^basepin\/layers: .*does I\/O/)]);
  });

  it.each([
    [
      'a use case imports the core and adapters',
      'src/resolve/memoized-client.ts',
      "export type { ImageSite } from '../dockerfile/index.ts';\nexport type { RegistryClient } from '../registry/index.ts';",
    ],
    [
      'an adapter imports the core',
      'src/registry/hosts.ts',
      "export type { ImageReference } from '../reference/index.ts';",
    ],
    [
      'an entry imports a use case',
      'src/cli/unified-diff.ts',
      "export type { TargetDigest } from '../resolve/index.ts';",
    ],
  ])('passes when %s', async (_title, file, code) => {
    expect(await problems(file, `${code}\n`)).toEqual([]);
  });

  it('checks floating promises with type information in every TypeScript file', async () => {
    // `npm test` runs `eslint .` with this config, so the rule runs on every file of the repository.
    const config = await new ESLint({ cwd: root }).calculateConfigForFile(
      join(root, 'src/resolve/target-digest.ts'),
    );
    expect(config.rules['@typescript-eslint/no-floating-promises']).toEqual([2]);
    expect(config.languageOptions.parserOptions.projectService).toBe(true);
  });

  it('puts every source file under src/ in one layer', () => {
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `src/${name.split(sep).join('/')}`);
    expect(files.length).toBeGreaterThan(150);
    const unplaced = files.filter((file) => {
      const layer = layerOf(file)?.layer;
      return layer === undefined || layer === 'unknown';
    });
    expect(unplaced).toEqual([]);
  });

  it.each([
    ['src/dockerfile/extract.ts', 'core'],
    ['src/config/schema.ts', 'core'],
    ['src/changelog/facts/render.ts', 'core'],
    ['src/changelog/collect.ts', 'use case'],
    ['src/resolve/target-digest.ts', 'use case'],
    ['src/config-file/load.ts', 'adapter'],
    ['src/cli/main.ts', 'entry'],
    ['src/wiring/proxy.ts', 'entry'],
    // A new folder under src/ fails lint until it is placed in a layer.
    ['src/elsewhere/new.ts', 'unknown'],
  ])('places %s in the %s layer', (file, layer) => {
    expect(layerOf(file)?.layer).toBe(layer);
  });

  it('places nothing outside src/', () => {
    expect(layerOf('test/pin/plan-pins.test.ts')).toBeUndefined();
  });
});
