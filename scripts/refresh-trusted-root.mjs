// Refreshes src/signature-check/trusted-root.json, Sigstore's public-good trusted root, from the newest
// `@sigstore/tuf` package on the npm registry (its seeds.json embeds the TUF repository's trusted_root.json).
// `--check` only says whether the shipped root is the newest. Review the diff before committing: a change
// means Sigstore added or rotated a key. Needs `npm` and the npm registry; nothing else is contacted.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const target = new URL('../src/signature-check/trusted-root.json', import.meta.url);
const notes = new URL('../src/signature-check/trusted-root.md', import.meta.url);
const check = process.argv.includes('--check');
const instance = 'https://tuf-repo-cdn.sigstore.dev';

const dir = mkdtempSync(join(tmpdir(), 'basepin-tuf-'));
try {
  const version = execFileSync('npm', ['view', '@sigstore/tuf', 'version'], { encoding: 'utf8' }).trim();
  execFileSync('npm', ['pack', `@sigstore/tuf@${version}`, '--silent', '--pack-destination', dir], {
    stdio: 'ignore',
  });
  execFileSync('tar', ['-xzf', join(dir, `sigstore-tuf-${version}.tgz`), '-C', dir]);
  const seeds = JSON.parse(readFileSync(join(dir, 'package', 'seeds.json'), 'utf8'));
  const encoded = seeds?.[instance]?.targets?.['trusted_root.json'];
  if (typeof encoded !== 'string')
    throw new Error(`@sigstore/tuf ${version}: seeds.json has no trusted_root.json for ${instance}`);
  const root = Buffer.from(encoded, 'base64').toString('utf8');
  const parsed = JSON.parse(root);
  if (!String(parsed.mediaType).startsWith('application/vnd.dev.sigstore.trustedroot+json')) {
    throw new Error(`@sigstore/tuf ${version}: trusted_root.json has media type ${parsed.mediaType}`);
  }
  const current = readFileSync(target, 'utf8');
  if (current === root) {
    console.log(`trusted-root.json is the one in @sigstore/tuf ${version}`);
  } else if (check) {
    console.error(
      `trusted-root.json differs from the one in @sigstore/tuf ${version}: run node scripts/refresh-trusted-root.mjs`,
    );
    process.exitCode = 1;
  } else {
    writeFileSync(target, root);
    const published = JSON.parse(
      execFileSync('npm', ['view', `@sigstore/tuf@${version}`, 'time', '--json'], { encoding: 'utf8' }),
    )[version];
    const today = new Date().toISOString().slice(0, 10);
    const text = readFileSync(notes, 'utf8')
      .replace(
        /`@sigstore\/tuf` [^ ]+ \(published [^)]*\)/,
        `\`@sigstore/tuf\` ${version} (published ${String(published).slice(0, 10)})`,
      )
      .replace(/- Copied: [0-9-]+/, `- Copied: ${today}`);
    writeFileSync(notes, text);
    console.log(`trusted-root.json updated from @sigstore/tuf ${version}: review the diff`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
