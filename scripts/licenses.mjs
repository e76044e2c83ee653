// dist/licenses.txt: the licence of every third-party package bundled into dist/,
// read from esbuild's metafile. The bundle drops the packages' own notices
// (legalComments: 'none'); their MIT, ISC and Apache-2.0 licences ask that the
// notice travel with the code, so it travels here (as docker/metadata-action does).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The package folder of each bundled input: `node_modules/@scope/name` or `node_modules/name`. */
function packageDirs(metafile) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      const at = input.lastIndexOf('node_modules/');
      if (at === -1) continue;
      const parts = input.slice(at + 'node_modules/'.length).split('/');
      const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
      dirs.add(`${input.slice(0, at)}node_modules/${name}`);
    }
  }
  return [...dirs];
}

function licenceText(dir) {
  const file = readdirSync(dir)
    .filter((name) => /^(licen[cs]e|copying)(\.|-|$)/i.test(name))
    .sort()[0];
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

/** The text of dist/licenses.txt for the packages a build bundled. */
export function licensesText(metafile) {
  const entries = new Map();
  for (const dir of packageDirs(metafile)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (entries.has(key)) continue;
    const licence = typeof manifest.license === 'string' ? manifest.license : 'see text';
    const text = licenceText(dir) ?? `(the package ships no licence file; package.json says ${licence})`;
    entries.set(key, `${manifest.name} ${manifest.version} (${licence})\n\n${text}\n`);
  }
  const rule = `\n${'-'.repeat(72)}\n\n`;
  const sorted = [...entries.keys()].sort().map((key) => entries.get(key));
  return `The bundles in dist/ contain the following third-party packages under these licences.${rule}${sorted.join(rule)}`;
}
