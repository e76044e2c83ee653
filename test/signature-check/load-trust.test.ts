import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSignatureTrust } from '../../src/signature-check/index.ts';

const fixtures = new URL('../fixtures/signatures/sigstore-conformance/', import.meta.url);
const keyPem = readFileSync(new URL('managed-key-happy-path/key.pub', fixtures), 'utf8');
const files: Record<string, string> = {
  'keys/acme.pub': keyPem,
  'root.json': readFileSync(new URL('../../src/signature-check/trusted-root.json', import.meta.url), 'utf8'),
  'broken.json': '{',
};
const readText = async (path: string) => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return text;
};

describe('loadSignatureTrust', () => {
  it('reads keys from files or inline, and the root from its file', async () => {
    const trust = await loadSignatureTrust(
      { trustedRoot: 'root.json', keys: { 'ghcr.io/acme/**': 'keys/acme.pub', alpine: keyPem } },
      readText,
    );
    expect(trust.keys.map((key) => key.pattern)).toEqual(['ghcr.io/acme/**', 'alpine']);
    expect(trust.keysFor(['ghcr.io/acme/app']).map((key) => key.pattern)).toEqual(['ghcr.io/acme/**']);
    expect(trust.keysFor(['docker.io/library/node'])).toEqual([]);
  });

  it.each([
    [
      { trustedRoot: 'missing.json', keys: {} },
      'sigstore-trusted-root: missing.json cannot be read (ENOENT)',
    ],
    [{ trustedRoot: 'broken.json', keys: {} }, 'sigstore-trusted-root: broken.json is not JSON'],
    [
      { trustedRoot: undefined, keys: { alpine: 'keys/none.pub' } },
      'signature-keys: alpine: keys/none.pub cannot be read (ENOENT)',
    ],
  ])('fails with one line naming the setting and the file: %#', async (settings, message) => {
    await expect(loadSignatureTrust(settings, readText)).rejects.toThrow(message);
  });
});
