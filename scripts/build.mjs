// Bundles the two entries into dist/. `--check` rebuilds into a temp folder and
// fails when the committed dist/ differs (stale dist is a CI failure).
//
// Code splitting keeps each entry small: dist/cli.js is a few lines that check the
// Node version and then import the chunk a command needs, so an old Node gets one
// line instead of a syntax error, and `basepin --version` parses no registry code.
import { build } from 'esbuild';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { licensesText } from './licenses.mjs';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'basepin-dist-')) : 'dist';
if (!check) rmSync(outdir, { recursive: true, force: true });

/**
 * zod's classic API re-exports every locale (`z.locales`, ~360 kB of the bundle) though it uses
 * English alone and basepin never switches: the bundle keeps `en` only, which halves what every
 * command that loads zod parses at start (cold start, README).
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? // A path without the checkout's folder: the bundle is the same byte for byte in any clone.
          { path: 'zod/locales', namespace: 'zod-locales', pluginData: join(args.resolveDir, '../locales') }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from './en.js';`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

const { metafile } = await build({
  plugins: [englishOnlyZodLocales],
  entryPoints: { index: 'src/action-entry.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  // The CLI runs on every maintained Node line (22, 24); the action on node24.
  target: 'node22',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // jsonc-parser's `main` is a UMD build whose require('./impl/…') calls esbuild cannot see: take its ES modules.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Bundled CommonJS dependencies call require(); give them one in ESM.
  banner: {
    js: "import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);",
  },
});
writeFileSync(join(outdir, 'licenses.txt'), licensesText(metafile));
// Committed executable (git keeps the mode), so `npm install -g .` has nothing to change.
chmodSync(join(outdir, 'cli.js'), 0o755);

/** Every file under `dir`, as paths relative to it. */
function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

if (check) {
  const cli = readFileSync('dist/cli.js', 'utf8');
  if (!cli.startsWith('#!/usr/bin/env node\n') || (statSync('dist/cli.js').mode & 0o111) === 0) {
    console.error(
      'dist/cli.js must start with `#!/usr/bin/env node` and be executable: run `npm run build`.',
    );
    process.exit(1);
  }
  const built = files(outdir);
  let committed = [];
  try {
    committed = files('dist');
  } catch {
    // No dist/ at all: every built file is missing.
  }
  const stale = [...new Set([...built, ...committed])].filter((file) => {
    try {
      return !readFileSync(join('dist', file)).equals(readFileSync(join(outdir, file)));
    } catch {
      return true;
    }
  });
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.sort().join(', ')}): run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ is up to date.');
}
