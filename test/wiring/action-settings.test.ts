import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionSettings } from '../../src/wiring/action-settings.ts';
import { testDir } from '../support/temp-dir.ts';

function workspace(config?: string): string {
  const dir = testDir('action-settings');
  if (config !== undefined) {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/basepin.yml'), config);
  }
  return dir;
}

const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

describe('readActionSettings', () => {
  it('applies defaults when nothing is set', async () => {
    const { settings } = await readActionSettings(inputs({ token: 't' }), workspace());
    expect(settings).toMatchObject({
      paths: ['.'],
      groupBy: 'all',
      branchPrefix: 'basepin/',
      draft: false,
      dryRun: false,
      baseBranch: undefined,
      concurrency: 8,
    });
  });

  it('lets the config file fill what inputs leave unset, and inputs win', async () => {
    const dir = workspace('group-by: image\nlabels: [deps]\nbranch-prefix: pins/\ndraft: true\n');
    const { settings: fromFile } = await readActionSettings(inputs({ token: 't' }), dir);
    expect(fromFile).toMatchObject({
      groupBy: 'image',
      labels: ['deps'],
      branchPrefix: 'pins/',
      draft: true,
    });
    const { settings: overridden } = await readActionSettings(
      inputs({ token: 't', 'group-by': 'directory', labels: 'a, b', draft: 'false' }),
      dir,
    );
    expect(overridden).toMatchObject({ groupBy: 'directory', labels: ['a', 'b'], draft: false });
  });

  it('parses multiline mirrors and credentials', async () => {
    const { settings } = await readActionSettings(
      inputs({
        token: 't',
        'registry-mirrors': 'docker.io=https://mirror.gcr.io\nlocalhost:5000=http://127.0.0.1:5001',
        'registry-credentials': 'ghcr.io=bot:s3cret',
      }),
      workspace(),
    );
    expect(settings.registryMirrors).toEqual({
      'docker.io': [{ host: 'mirror.gcr.io', url: 'https://mirror.gcr.io', plainHttp: false, prefix: '' }],
      'localhost:5000': [
        { host: '127.0.0.1:5001', url: 'http://127.0.0.1:5001', plainHttp: true, prefix: '' },
      ],
    });
    expect(settings.credentials).toEqual({
      'ghcr.io': { username: 'bot', password: 's3cret', source: 'input registry-credentials' },
    });
  });

  it.each([
    [{ 'group-by': 'repo' }, /input group-by: .*"repo"/],
    [{ draft: 'maybe' }, /input draft: "maybe" is not true or false/],
    [{ platform: 'amd64' }, /input platform: "amd64" is not os\/arch/],
    [{ 'insecure-registries': 'http://x' }, /input insecure-registries/],
    [{ 'config-file': 'missing.yml' }, /missing\.yml: cannot read config file/],
  ])('fails naming the input for %j', async (values, message) => {
    await expect(readActionSettings(inputs({ token: 't', ...values }), workspace())).rejects.toThrow(message);
  });

  it('requires a token', async () => {
    await expect(readActionSettings(inputs({}), workspace())).rejects.toThrow(/input token/);
  });
});
