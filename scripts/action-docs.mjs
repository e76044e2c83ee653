// Writes README.md's inputs/outputs tables from action.yml, between the
// action-docs markers. `--check` fails when README.md is out of date.
// Inputs that .github/basepin.yml can also set have an empty `default:` in
// action.yml (so the file is not overridden); the table shows the effective
// default from the settings schema instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { settingSpecs } from '../src/config/schema.ts';

const check = process.argv.includes('--check');
const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const defaultCell = (value) => (value === undefined || value === '' ? '' : `\`${cell(value)}\``);
/** The schema's fallback as an input would spell it: lists comma-separated, none for "unset". */
const effective = (name) => {
  const fallback = settingSpecs[name]?.fallback;
  if (fallback === undefined || (Array.isArray(fallback) && fallback.length === 0)) return '';
  if (Array.isArray(fallback)) return fallback.join(', ');
  if (typeof fallback === 'object') return Object.keys(fallback).length ? JSON.stringify(fallback) : '';
  return String(fallback);
};

const inputs = Object.entries(action.inputs ?? {}).map(
  ([name, input]) =>
    `| \`${name}\` | ${defaultCell(input.default === '' ? effective(name) : input.default)} | ${cell(input.description)} |`,
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
