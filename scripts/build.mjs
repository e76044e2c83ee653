// Bundles the two entries into dist/. `--check` rebuilds into a temp folder and
// fails when the committed dist/ differs (stale dist is a CI failure).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'basepin-dist-')) : 'dist';

await build({
  entryPoints: { index: 'src/action.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them one in ESM.
  banner: {
    js: "import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);",
  },
});

if (check) {
  const stale = readdirSync(outdir).filter((file) => {
    try {
      return !readFileSync(join('dist', file)).equals(readFileSync(join(outdir, file)));
    } catch {
      return true;
    }
  });
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ is up to date.');
}
