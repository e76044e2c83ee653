import { describe, expect, it } from 'vitest';
import { configTextSource } from '../../src/config/config-text.ts';
import { settingSpecs } from '../../src/config/schema.ts';
import { signaturePolicies } from '../../src/signatures/index.ts';

// The settings rows of signatures, read from a config file as a repository writes them.
const parse = <
  K extends 'signature-policy' | 'signature-policy-images' | 'signature-keys' | 'sigstore-trusted-root',
>(
  key: K,
  yaml: string,
) => {
  const raw = configTextSource('.github/basepin.yml', yaml).values[key];
  if (raw === undefined) throw new Error(`${key} not read`);
  return settingSpecs[key].parse(raw);
};

describe('signature settings', () => {
  it('signature-policy takes the policies the hold-back knows, and defaults to report', () => {
    expect(settingSpecs['signature-policy'].fallback).toBe('report');
    for (const policy of signaturePolicies) {
      expect(parse('signature-policy', `signature-policy: ${policy}`)).toEqual({ value: policy });
    }
    expect(() => parse('signature-policy', 'signature-policy: strict')).toThrow(/signature-policy/);
  });

  it('signature-policy-images is a list of globs', () => {
    expect(parse('signature-policy-images', 'signature-policy-images: cgr.dev/**')).toEqual({
      value: ['cgr.dev/**'],
    });
    expect(parse('signature-policy-images', 'signature-policy-images: [a, "b:3.*"]')).toEqual({
      value: ['a', 'b:3.*'],
    });
  });

  it('signature-keys maps image globs to a PEM path or the PEM itself', () => {
    const yaml = [
      'signature-keys:',
      '  "ghcr.io/acme/**": keys/acme.pub',
      '  alpine: |',
      '    -----BEGIN PUBLIC KEY-----',
      '    AAAA',
      '    -----END PUBLIC KEY-----',
    ].join('\n');
    expect(parse('signature-keys', yaml)).toEqual({
      value: {
        'ghcr.io/acme/**': 'keys/acme.pub',
        alpine: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
      },
    });
    expect(() => parse('signature-keys', 'signature-keys: [a]')).toThrow(/signature-keys/);
  });

  it('signature-keys is not an action input (its keys are image globs, not hosts)', () => {
    expect(settingSpecs['signature-keys']).toMatchObject({ input: false, flag: null });
  });

  it('sigstore-trusted-root is a file path, unset by default', () => {
    expect(settingSpecs['sigstore-trusted-root'].fallback).toBeUndefined();
    expect(parse('sigstore-trusted-root', 'sigstore-trusted-root: .github/sigstore/root.json')).toEqual({
      value: '.github/sigstore/root.json',
    });
  });
});
