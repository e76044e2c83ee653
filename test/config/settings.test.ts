import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SettingsError } from '../../src/config/errors.ts';
import { configTextSource } from '../../src/config/config-text.ts';
import { runSettings } from '../../src/config/settings.ts';
import { credentialLines, flagSource, inputSource, listInput } from '../../src/config/sources.ts';
import { parseDuration } from '../../src/config/values.ts';

const file = '.github/basepin.yml';
const fromFile = (text: string) => runSettings({ cwd: '/repo', sources: [configTextSource(file, text)] });
const fromInputs = (inputs: Record<string, string>) =>
  runSettings({ cwd: '/repo', sources: [inputSource((name) => inputs[name] ?? '')] });
const fromFlags = (flags: Record<string, string | string[]>) =>
  runSettings({ cwd: '/repo', sources: [flagSource(flags)] });

describe('one validation for every source', () => {
  it.each([
    ['insecure-registries', 'insecure-registry', 'not a host!!', /is not a host\[:port\]/],
    ['platform', 'platform', 'amd64', /"amd64" is not os\/arch\[\/variant\]/],
    ['concurrency', 'concurrency', '0', /"0" is not a whole number from 1 to 64/],
  ])('%s: the flag, the input and the file fail alike, naming the source and key', (key, flag, bad, why) => {
    const attempts: [() => unknown, string][] = [
      [() => fromFlags({ [flag]: flag === 'insecure-registry' ? [bad] : bad }), `--${flag}: `],
      [() => fromInputs({ [key]: bad }), `input ${key}: `],
      [() => fromFile(`${key}: ${key === 'concurrency' ? bad : JSON.stringify(bad)}`), `${file}: ${key}`],
    ];
    for (const [attempt, prefix] of attempts) {
      expect(attempt).toThrow(SettingsError);
      expect(attempt).toThrow(prefix);
      if (key !== 'concurrency' || !prefix.startsWith(file)) expect(attempt).toThrow(why);
    }
  });

  it.each([
    ['the flag', () => fromFlags({ 'file-kinds': [''] }), '--file-kinds: '],
    ['the flag', () => fromFlags({ 'file-kinds': [', '] }), '--file-kinds: '],
    ['the input', () => fromInputs({ 'file-kinds': ',' }), 'input file-kinds: '],
    ['the file', () => fromFile('file-kinds: []'), `${file}: file-kinds: `],
    ['the file', () => fromFile('file-kinds: ","'), `${file}: file-kinds: `],
  ])(
    'file-kinds: an empty list from %s is an error naming the setting, not a run that reads nothing',
    (_source, attempt, prefix) => {
      expect(attempt).toThrow(SettingsError);
      expect(attempt).toThrow(`${prefix}no file kind given; expected one or more of dockerfile, compose`);
    },
  );

  it('reads registry aliases (with a repository prefix) and the per-host deadline from every source', () => {
    const harbor = {
      host: 'harbor.corp',
      url: 'https://harbor.corp/dockerhub-proxy',
      plainHttp: false,
      prefix: 'dockerhub-proxy',
    };
    expect(
      fromFlags({ 'registry-alias': ['docker.io=https://harbor.corp/dockerhub-proxy/'] }).registryAliases,
    ).toEqual({ 'docker.io': harbor });
    expect(
      fromInputs({ 'registry-aliases': 'docker.io=https://harbor.corp/dockerhub-proxy' }).registryAliases,
    ).toEqual({ 'docker.io': harbor });
    expect(
      fromFile('registry-aliases:\n  docker.io: https://harbor.corp/dockerhub-proxy').registryAliases,
    ).toEqual({ 'docker.io': harbor });
    expect(() =>
      fromFlags({ 'registry-alias': ['docker.io=https://a.example', 'docker.io=https://b.example'] }),
    ).toThrow(/more than one alias/);
    expect(fromFile('').registryDeadlineMs).toBe(60_000);
    expect(fromFlags({ 'registry-deadline': '90s' }).registryDeadlineMs).toBe(90_000);
    expect(fromFile('registry-deadline: 2m').registryDeadlineMs).toBe(120_000);
    expect(() => fromInputs({ 'registry-deadline': '0s' })).toThrow(
      /input registry-deadline: "0s" is shorter than 1s/,
    );
  });

  it('checks the branch prefix whatever the grouping', () => {
    expect(() => fromInputs({ 'branch-prefix': 'bad..prefix/' })).toThrow(/input branch-prefix: .*"\.\."/);
    expect(() => fromFile('branch-prefix: "a b/"')).toThrow(/branch-prefix: .*space/);
    expect(fromInputs({ 'branch-prefix': 'deps/basepin-' }).branchPrefix).toBe('deps/basepin-');
  });

  it('parses mirror pairs from every source into the same value', () => {
    const expected = {
      'docker.io': [{ host: 'mirror.gcr.io', url: 'https://mirror.gcr.io', plainHttp: false, prefix: '' }],
      'localhost:5000': [
        { host: '127.0.0.1:5001', url: 'http://127.0.0.1:5001', plainHttp: true, prefix: '' },
        { host: '127.0.0.1:5002', url: 'http://127.0.0.1:5002', plainHttp: true, prefix: '' },
      ],
    };
    const lines = [
      'docker.io=https://mirror.gcr.io/',
      'localhost:5000=http://127.0.0.1:5001',
      'localhost:5000=http://127.0.0.1:5002',
    ];
    expect(fromFlags({ 'registry-mirror': lines }).registryMirrors).toEqual(expected);
    expect(fromInputs({ 'registry-mirrors': lines.join('\n# comment\n') }).registryMirrors).toEqual(expected);
    expect(
      fromFile(
        'registry-mirrors:\n  docker.io: https://mirror.gcr.io\n  localhost:5000: [http://127.0.0.1:5001, http://127.0.0.1:5002]',
      ).registryMirrors,
    ).toEqual(expected);
  });

  it.each([
    ['the API path, which basepin adds itself', 'https://mirror.example/v2', /leave out \/v2/],
    ['a query', 'https://mirror.example/?a=1', /expected a base URL/],
    ['not a URL', 'mirror.gcr.io', /is not an http\(s\) URL/],
    ['credentials', 'https://bot:hunter2@mirror.example', /must not hold credentials/],
  ])('refuses a mirror URL with %s in every source, never echoing a password', (_label, url, why) => {
    for (const attempt of [
      () => fromFlags({ 'registry-mirror': [`docker.io=${url}`] }),
      () => fromInputs({ 'registry-mirrors': `docker.io=${url}` }),
      () => fromFile(`registry-mirrors: {docker.io: "${url}"}`),
    ]) {
      expect(attempt).toThrow(why);
      expect(attempt).not.toThrow(/hunter2/);
    }
  });
});

describe('the config file', () => {
  it('reads every documented key into parsed values', () => {
    const settings = fromFile(
      [
        'paths: [services]',
        'exclude-images: ["ghcr.io/acme/*"]',
        'insecure-registries: ["localhost:5000"]',
        'platform: linux/arm64/v8',
        'concurrency: 4',
        'group-by: image',
        'max-pull-requests: 3',
        'draft: true',
      ].join('\n'),
    );
    expect(settings).toMatchObject({
      paths: ['services'],
      excludeImages: ['ghcr.io/acme/*'],
      insecureRegistries: ['localhost:5000'],
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      concurrency: 4,
      groupBy: 'image',
      maxPullRequests: 3,
      draft: true,
    });
  });

  it('takes a single value where a list is expected, as a person writes it', () => {
    expect(fromFile('labels: dependencies\nreviewers: octocat').labels).toEqual(['dependencies']);
    expect(fromFile('labels: dependencies\nreviewers: octocat').reviewers).toEqual(['octocat']);
  });

  it('treats an empty file as no settings', () => {
    expect(fromFile('')).toEqual(runSettings({ cwd: '/repo', sources: [] }));
  });

  it.each([
    ['exclude-image: [node]', /unknown key "exclude-image"/],
    ['group-by: repo', /group-by/],
    ['draft: maybe', /draft/],
    ['paths: [unclosed', /invalid YAML/],
    ['dry-run: true', /unknown key "dry-run"/],
    ['max-pull-requests: 0', /max-pull-requests/],
  ])('refuses %s naming the key', (text, message) => {
    expect(() => fromFile(text)).toThrow(SettingsError);
    expect(() => fromFile(text)).toThrow(message);
    expect(() => fromFile(text)).toThrow(/^\.github\/basepin\.yml: /);
  });
});

describe('precedence', () => {
  it('a flag or input that is set wins over the file, which wins over the default', () => {
    const file = configTextSource(
      '.github/basepin.yml',
      'labels: [deps]\ngroup-by: image\ninsecure-registries: [a.example]',
    );
    const merged = runSettings({
      cwd: '/repo',
      sources: [
        inputSource((name) => ({ labels: 'x, y', 'insecure-registries': 'b.example' })[name] ?? ''),
        file,
      ],
    });
    expect(merged.labels).toEqual(['x', 'y']);
    expect(merged.groupBy).toBe('image');
    // Replaced, not concatenated: one rule for lists too.
    expect(merged.insecureRegistries).toEqual(['b.example']);
    expect(merged.branchPrefix).toBe('basepin/');
  });

  it('max-pull-requests: 10 by default, an input wins, and it must be a whole number from 1 to 100', () => {
    expect(runSettings({ cwd: '/repo', sources: [] }).maxPullRequests).toBe(10);
    expect(fromInputs({ 'max-pull-requests': '5' }).maxPullRequests).toBe(5);
    expect(() => fromInputs({ 'max-pull-requests': 'five' })).toThrow(
      /input max-pull-requests: "five" is not a whole number from 1 to 100/,
    );
  });

  it('still refuses a bad file value that a flag overrides', () => {
    const file = configTextSource('.github/basepin.yml', 'platform: amd64');
    expect(() =>
      runSettings({ cwd: '/repo', sources: [flagSource({ platform: 'linux/amd64' }), file] }),
    ).toThrow(/basepin\.yml: platform/);
  });
});

describe('credentials', () => {
  it('split at the first colon', () => {
    expect(credentialLines('--registry-credential', ['ghcr.io=bot:tok:en'])).toEqual({
      'ghcr.io': { username: 'bot', password: 'tok:en', source: '--registry-credential' },
    });
    expect(() => credentialLines('x', ['ghcr.io=userwithoutsecret'])).toThrow(/expected USER:SECRET/);
  });

  it.each([
    ['a line with no host', 'bot:hunter2'],
    ['a host that is not one', 'not a host=user:hunter2'],
    ['a secret holding "="', 'bot:hunter2=='],
    ['a second line of a multiline input', 'ghcr.io=bot:tok\nhunter2'],
  ])('never echoes %s', (_label, line) => {
    const bad = () => credentialLines('input registry-credentials', [line]);
    expect(bad).toThrow(/input registry-credentials: expected HOST=/);
    expect(bad).not.toThrow(/hunter2/);
  });
});

describe('values', () => {
  it('splits list inputs on commas and newlines, dropping blanks and comments', () => {
    expect(listInput('a, b\n\n# note\nc,')).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['3d', 259_200_000],
    ['1d12h', 129_600_000],
  ])('reads the duration %s', (text, ms) => {
    expect(parseDuration(text)).toEqual({ value: ms });
  });

  it.each(['3', 'd', '-1d', '1.5h', '3 days'])('refuses the duration %j', (text) => {
    expect(parseDuration(text)).toHaveProperty('problem');
  });
});

describe('README', () => {
  it('shows a config example that the schema accepts, with the editor schema line', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration file'));
    const example = /```yaml\n([^]*?)```/.exec(section)?.[1] ?? '';
    expect(example).toMatch(/^# yaml-language-server: \$schema=\S+basepin\.schema\.json\n/);
    const settings = runSettings({ cwd: '/repo', sources: [configTextSource(file, example)] });
    expect(settings.groupBy).toBe('image');
    const schema = JSON.parse(
      readFileSync(new URL('../../basepin.schema.json', import.meta.url), 'utf8'),
    ) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    for (const key of Object.keys(parseYaml(example) as object))
      expect(schema.properties).toHaveProperty([key]);
  });
});
