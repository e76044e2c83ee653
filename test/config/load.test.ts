import { describe, expect, it } from 'vitest';
import { ConfigError, mirrorList, parseConfigText } from '../../src/config/load.ts';
import { parseCredentialPairs, parseMirrorPairs } from '../../src/config/pairs.ts';

const file = '.github/basepin.yml';

describe('parseConfigText', () => {
  it('reads every documented key', () => {
    const config = parseConfigText(
      file,
      [
        'paths: [services]',
        'exclude-images: ["ghcr.io/acme/*"]',
        'registry-mirrors:',
        '  docker.io: https://mirror.gcr.io',
        '  localhost:5000: [http://127.0.0.1:5001, http://127.0.0.1:5002]',
        'insecure-registries: ["localhost:5000"]',
        'platform: linux/arm64/v8',
        'concurrency: 4',
        'group-by: image',
        'draft: true',
      ].join('\n'),
    );
    expect(config.platform).toBe('linux/arm64/v8');
    expect(mirrorList(config['registry-mirrors'])).toEqual({
      'docker.io': ['https://mirror.gcr.io'],
      'localhost:5000': ['http://127.0.0.1:5001', 'http://127.0.0.1:5002'],
    });
    expect(config['group-by']).toBe('image');
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfigText(file, '')).toEqual({});
  });

  it.each([
    ['exclude-image: [node]', /unknown key "exclude-image"/],
    ['platform: amd64', /key "platform": expected os\/arch/],
    ['concurrency: 0', /key "concurrency"/],
    ['group-by: repo', /key "group-by"/],
    [
      'registry-mirrors: {docker.io: mirror.gcr.io}',
      /key "registry-mirrors.docker.io": expected an http\(s\) URL/,
    ],
    ['paths: [unclosed', /invalid YAML/],
  ])('refuses %s naming the key', (text, message) => {
    expect(() => parseConfigText(file, text)).toThrow(ConfigError);
    expect(() => parseConfigText(file, text)).toThrow(message);
    expect(() => parseConfigText(file, text)).toThrow(/^\.github\/basepin\.yml: /);
  });
});

describe('host=value pairs', () => {
  it('parses mirrors in order, with ports, comments and trailing slashes', () => {
    expect(
      parseMirrorPairs([
        'docker.io=https://mirror.gcr.io/',
        '# a comment\nlocalhost:5000=http://127.0.0.1:5001',
        'docker.io=https://second.example',
      ]),
    ).toEqual({
      'docker.io': ['https://mirror.gcr.io', 'https://second.example'],
      'localhost:5000': ['http://127.0.0.1:5001'],
    });
  });

  it('refuses a mirror that is not a URL', () => {
    expect(() => parseMirrorPairs(['docker.io=mirror.gcr.io'])).toThrow(/expected an http\(s\) URL/);
    expect(() => parseMirrorPairs(['https://mirror.gcr.io'])).toThrow(/expected HOST=/);
  });

  it('splits credentials at the first colon and never echoes the secret', () => {
    expect(parseCredentialPairs(['ghcr.io=bot:tok:en'])).toEqual({
      'ghcr.io': { username: 'bot', password: 'tok:en' },
    });
    const bad = () => parseCredentialPairs(['not a host=user:hunter2']);
    expect(bad).toThrow(/expected HOST=/);
    expect(bad).not.toThrow(/hunter2/);
    expect(() => parseCredentialPairs(['ghcr.io=userwithoutsecret'])).toThrow(/expected USER:SECRET/);
  });

  it.each([
    ['a line with no host', 'bot:hunter2'],
    ['a secret holding "="', 'bot:hunter2=='],
    ['a bare token', 'hunter2'],
    ['a second line of a multiline input', 'ghcr.io=bot:tok\nhunter2'],
  ])('never echoes %s', (_label, line) => {
    const bad = () => parseCredentialPairs([line]);
    expect(bad).toThrow(/expected HOST=/);
    expect(bad).not.toThrow(/hunter2/);
  });

  it.each([
    ['a path, which would be dropped', 'docker.io=https://mirror.example/v2', /with no path/],
    ['a query', 'docker.io=https://mirror.example/?x=1', /with no path/],
    ['credentials', 'docker.io=https://bot:hunter2@mirror.example', /must not hold credentials/],
  ])('refuses a mirror URL with %s, without echoing a password', (_label, line, message) => {
    const bad = () => parseMirrorPairs([line]);
    expect(bad).toThrow(message);
    expect(bad).not.toThrow(/hunter2/);
  });

  it('refuses a mirror URL with a path in the config file too', () => {
    expect(() =>
      parseConfigText('basepin.yml', 'registry-mirrors: {docker.io: "https://m.example/v2"}'),
    ).toThrow(/key "registry-mirrors.docker.io": expected an http\(s\) URL with no path/);
  });
});
