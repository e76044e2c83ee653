// Writes README.md's inputs/outputs tables from action.yml, between the
// action-docs markers. `--check` fails when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const check = process.argv.includes('--check');
const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const defaultCell = (value) => (value === undefined || value === '' ? '' : `\`${cell(value)}\``);

const inputs = Object.entries(action.inputs ?? {}).map(
  ([name, input]) => `| \`${name}\` | ${defaultCell(input.default)} | ${cell(input.description)} |`,
);
const outputs = Object.entries(action.outputs ?? {}).map(
  ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
);
const generated = [
  '<!-- action-docs:start (generated from action.yml by `npm run docs`; do not edit) -->',
  '',
  '| input | default | description |',
  '| --- | --- | --- |',
  ...inputs,
  '',
  '| output | description |',
  '| --- | --- |',
  ...outputs,
  '',
  '<!-- action-docs:end -->',
].join('\n');

const readme = readFileSync('README.md', 'utf8');
const pattern = /<!-- action-docs:start[^]*?<!-- action-docs:end -->/;
if (!pattern.test(readme)) {
  console.error('README.md has no <!-- action-docs:start --> … <!-- action-docs:end --> block.');
  process.exit(1);
}
const updated = readme.replace(pattern, generated);
if (check) {
  if (updated !== readme) {
    console.error('README.md inputs/outputs are out of date with action.yml: run `npm run docs`.');
    process.exit(1);
  }
  console.log('README.md action docs are up to date.');
} else {
  writeFileSync('README.md', updated);
}
