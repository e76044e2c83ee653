/**
 * The project's own ESLint config, run on snippets given as the text of an
 * existing file of a layer (in memory: the file on disk is not touched): an
 * upward import, an import of an entry and I/O in the core fail lint;
 * imports that point down pass.
 */
import { join } from 'node:path';
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
      'src/resolve/policy.ts',
      "export { resolveTargetDigest } from './target-digest.ts';",
    ],
    ['an adapter imports a use case', 'src/registry/hosts.ts', "export { planPins } from '../app/pin.ts';"],
    ['an adapter imports the CLI', 'src/github/errors.ts', "export { parseArgs } from '../cli/args.ts';"],
    ['a use case imports the CLI', 'src/app/branch-name.ts', "export * from '../cli/report.ts';"],
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
      'src/app/branch-name.ts',
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
      "export type { PinPlan } from '../app/pin.ts';",
    ],
  ])('passes when %s', async (_title, file, code) => {
    expect(await problems(file, `${code}\n`)).toEqual([]);
  });

  it('checks floating promises with type information in every TypeScript file', async () => {
    // `npm test` runs `eslint .` with this config, so the rule runs on every file of the repository.
    const config = await new ESLint({ cwd: root }).calculateConfigForFile(join(root, 'src/app/pin.ts'));
    expect(config.rules['@typescript-eslint/no-floating-promises']).toEqual([2]);
    expect(config.languageOptions.parserOptions.projectService).toBe(true);
  });

  it('puts every source file in one layer', () => {
    expect(layerOf('src/resolve/policy.ts')?.layer).toBe('core');
    expect(layerOf('src/resolve/target-digest.ts')?.layer).toBe('use case');
    expect(layerOf('src/config/schema.ts')?.layer).toBe('core');
    expect(layerOf('src/config/settings.ts')?.layer).toBe('core');
    expect(layerOf('src/config/load.ts')?.layer).toBe('adapter');
    expect(layerOf('src/cli/main.ts')?.layer).toBe('entry');
    expect(layerOf('test/app/pin.test.ts')).toBeUndefined();
    // A new folder under src/ fails lint until it is placed in a layer.
    expect(layerOf('src/elsewhere/new.ts')?.layer).toBe('unknown');
  });
});
