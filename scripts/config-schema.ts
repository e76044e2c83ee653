// Writes basepin.schema.json, the JSON Schema of `.github/basepin.yml`, from
// the zod schema in src/config/schema.ts. `--check` fails when it is stale.
// Editors read it through `# yaml-language-server: $schema=…` (README).
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configFileSchema } from '../src/config/file-schema.ts';

const path = 'basepin.schema.json';
const schema = {
  ...z.toJSONSchema(configFileSchema(), { io: 'input', unrepresentable: 'any' }),
  title: 'basepin settings (.github/basepin.yml)',
};
const text = `${JSON.stringify(schema, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    console.error(`${path} is out of date with src/config/schema.ts: run \`npm run docs\`.`);
    process.exit(1);
  }
  console.log(`${path} is up to date.`);
} else {
  writeFileSync(path, text);
}
