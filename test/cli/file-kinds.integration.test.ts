import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { manifestReasons } from '../../src/manifests/index.ts';
import { pushIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { testDir } from '../support/temp-dir.ts';

// `basepin scan`, `pin` and `check` end to end on a repository holding every kind of file, against a real
// registry standing in for Docker Hub and mcr.microsoft.com (registry aliases), run in-process through runCli.

const fixtures = 'test/fixtures/manifests';

/** Real files, where the repository keeps them. */
const copied: Record<string, string> = {
  'compose.yaml': 'compose/gitea-postgres.compose.yaml',
  '.github/workflows/postgres.yml': 'workflow/postgres-service.yml',
  'k8s/redis-master-controller.yaml': 'kubernetes/redis-master-controller.yaml',
  'charts/memcached/Chart.yaml': 'helm-values/memcached/Chart.yaml',
  'charts/memcached/values.yaml': 'helm-values/memcached/values.yaml',
  'charts/memcached/templates/deployment.yaml': 'helm-values/memcached/templates/deployment.yaml',
  'deploy/kustomization.yaml': 'kustomize/kustomization.yaml',
  '.devcontainer/devcontainer.json': 'devcontainer/templates-repo.devcontainer.json',
  '.gitlab-ci.yml': 'gitlab-ci/Docker.gitlab-ci.yml',
};

/** The cases no real file above holds, written here: each is left alone with its reason. */
const written: Record<string, string> = {
  Dockerfile: 'FROM alpine:3.20\r\nRUN true\r\n',
  'compose.override.yaml':
    'services:\n  app:\n    build: .\n    image: acme/app:dev\n  cache:\n    image: ${CACHE_IMAGE:-redis:7.2}\n',
  '.github/workflows/matrix.yml':
    'on: push\njobs:\n  test:\n    strategy:\n      matrix:\n        image: [alpine:3.19, alpine:3.20]\n    runs-on: ubuntu-latest\n    container: ${{ matrix.image }}\n    steps:\n      - run: true\n',
  'charts/plain/Chart.yaml': 'apiVersion: v2\nname: plain\nversion: 1.0.0\n',
  'charts/plain/values.yaml': 'image:\n  repository: bitnami/memcached\n  tag: 1.6.39-debian-12-r0\n',
  // A BOM and CRLF line ends, kept as they are.
  'k8s/bom-crlf.yaml':
    '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: cache\r\nspec:\r\n  containers:\r\n    - name: redis\r\n      image: "redis:7.2" # quoted\r\n',
  'broken/docker-compose.yml': 'services:\n  web:\n    image: [nginx\n',
};

/** What each pinnable site names, pushed under the alias prefixes. */
const images = [
  'hub/library/alpine:3.20',
  'hub/gitea/gitea:latest',
  'hub/library/postgres:alpine',
  'hub/library/node:10.16-jessie',
  'hub/library/postgres:10.8',
  'hub/library/redis:7.2',
  'hub/bitnami/memcached:1.6.39-debian-12-r0',
  'hub/bitnami/os-shell:12-debian-12-r50',
  'hub/bitnami/memcached-exporter:0.15.3-debian-12-r5',
  'hub/library/new-crd-image:new-v1-tag',
  'hub/library/new-app-1:MYNEWTAG-1',
  'hub/library/prod-mysql:v3',
  'mcr/devcontainers/javascript-node:4-24-trixie',
  'hub/library/docker:latest',
  'hub/library/docker:dind',
];

let registry: RunningRegistry;
const digests = new Set<string>();

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  for (const image of images) {
    const [repository, tag] = image.split(':') as [string, string];
    digests.add((await pushIndex(registry, repository, tag, ['linux/amd64'], { seed: image })).digest);
  }
});

afterAll(async () => {
  await registry?.stop();
});

function repository(): string {
  const dir = testDir('file-kinds');
  const put = (path: string, bytes: string | Buffer) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  };
  for (const [path, source] of Object.entries(copied)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(fixtures, source), join(dir, path));
  }
  for (const [path, text] of Object.entries(written)) put(path, text);
  return dir;
}

async function cli(dir: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const network =
    argv[0] === 'scan'
      ? []
      : [
          '--insecure-registry',
          registry.host,
          '--registry-alias',
          `docker.io=${registry.url}/hub`,
          '--registry-alias',
          `mcr.microsoft.com=${registry.url}/mcr`,
        ];
  const code = await runCli([...argv, ...network], {
    cwd: dir,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
  });
  return { code, stdout, stderr };
}

const allPaths = [...Object.keys(copied), ...Object.keys(written)];
const snapshot = (dir: string) => new Map(allPaths.map((path) => [path, readFileSync(join(dir, path))]));

const hex = '[0-9a-f]{64}';
/** What a pin may insert into a file, and nothing else. */
const insertions = [
  new RegExp(`:latest@sha256:${hex}`, 'y'),
  new RegExp(`@sha256:${hex}`, 'y'),
  new RegExp(`sha256:${hex}`, 'y'),
  new RegExp(`[ \\t]*digest: sha256:${hex}\\r?\\n`, 'y'),
];

/**
 * The digests `after` adds to `before`, when the only difference is insertions a pin makes; throws
 * naming the first byte that differs otherwise.
 */
function insertedDigests(path: string, before: string, after: string): string[] {
  const found: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && before[i] === after[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const match = insertions
      .map((pattern) => {
        pattern.lastIndex = j;
        return pattern.exec(after);
      })
      .find((m) => m !== null);
    if (!match) throw new Error(`${path}: differs at ${i}: ${JSON.stringify(after.slice(j, j + 40))}`);
    found.push(/sha256:[0-9a-f]{64}/.exec(match[0])![0]);
    j += match[0].length;
  }
  return found;
}

const site = (file: string, line: number, kind: string, status: string) => ({ file, line, kind, status });

describe('basepin on a repository holding every kind of file', () => {
  it('scan --json lists every image site with its kind, and each case left alone with its reason', async () => {
    const dir = repository();
    const result = await cli(dir, 'scan', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      sites: { file: string; line: number; kind: string; status: string; reason: string | null }[];
      warnings: unknown[];
    };
    expect(report.sites.map(({ file, line, kind, status }) => ({ file, line, kind, status }))).toEqual([
      site('.devcontainer/devcontainer.json', 2, 'devcontainer', 'pinnable'),
      site('.github/workflows/matrix.yml', 8, 'workflow', 'skipped'),
      site('.github/workflows/postgres.yml', 18, 'workflow', 'pinnable'),
      site('.github/workflows/postgres.yml', 22, 'workflow', 'pinnable'),
      site('.github/workflows/postgres.yml', 51, 'workflow', 'pinnable'),
      site('.gitlab-ci.yml', 3, 'gitlab-ci', 'pinnable'),
      site('.gitlab-ci.yml', 6, 'gitlab-ci', 'pinnable'),
      site('.gitlab-ci.yml', 17, 'gitlab-ci', 'pinnable'),
      site('.gitlab-ci.yml', 20, 'gitlab-ci', 'pinnable'),
      site('Dockerfile', 1, 'from', 'pinnable'),
      site('charts/memcached/templates/deployment.yaml', 82, 'kubernetes', 'skipped'),
      site('charts/memcached/templates/deployment.yaml', 182, 'kubernetes', 'skipped'),
      site('charts/memcached/values.yaml', 88, 'helm-values', 'pinnable'),
      site('charts/memcached/values.yaml', 637, 'helm-values', 'pinnable'),
      site('charts/memcached/values.yaml', 692, 'helm-values', 'pinnable'),
      site('charts/plain/values.yaml', 2, 'helm-values', 'skipped'),
      site('compose.override.yaml', 4, 'compose', 'skipped'),
      site('compose.override.yaml', 6, 'compose', 'skipped'),
      site('compose.yaml', 3, 'compose', 'pinnable'),
      site('compose.yaml', 16, 'compose', 'pinnable'),
      site('deploy/kustomization.yaml', 8, 'kustomize', 'pinnable'),
      site('deploy/kustomization.yaml', 11, 'kustomize', 'pinnable'),
      site('deploy/kustomization.yaml', 14, 'kustomize', 'pinnable'),
      site('deploy/kustomization.yaml', 17, 'kustomize', 'skipped'),
      site('k8s/bom-crlf.yaml', 8, 'kubernetes', 'pinnable'),
      site('k8s/redis-master-controller.yaml', 22, 'kubernetes', 'pinnable'),
    ]);
    const reasonAt = (file: string, line: number) =>
      report.sites.find((s) => s.file === file && s.line === line)?.reason;
    expect(reasonAt('compose.override.yaml', 4)).toBe(manifestReasons.composeBuild);
    expect(reasonAt('compose.override.yaml', 6)).toBe(manifestReasons.composeVariable);
    expect(reasonAt('.github/workflows/matrix.yml', 8)).toBe(manifestReasons.workflowExpression);
    expect(reasonAt('charts/memcached/templates/deployment.yaml', 82)).toBe(
      manifestReasons.kubernetesTemplate,
    );
    expect(reasonAt('charts/plain/values.yaml', 2)).toBe(manifestReasons.helmNoDigestKey);
    // The file that does not parse is one warning; the others were read.
    expect(report.warnings).toEqual([
      { file: 'broken/docker-compose.yml', line: 4, column: 1, reason: expect.any(String) },
    ]);

    const text = await cli(dir, 'scan');
    expect(text.stderr).toMatch(/^warning: broken\/docker-compose\.yml:4:1: .+\n$/);
  });

  it('check fails on the unpinned sites; pin pins exactly the literal references; a second pin changes nothing', async () => {
    const dir = repository();
    const before = snapshot(dir);

    const check = await cli(dir, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^warning: broken\/docker-compose\.yml:4:1: /m);
    for (const file of [
      'compose.yaml',
      '.github/workflows/postgres.yml',
      'k8s/redis-master-controller.yaml',
    ]) {
      expect(check.stdout).toContain(`${file}:`);
    }
    for (const [path, bytes] of snapshot(dir)) expect(bytes.equals(before.get(path)!), path).toBe(true);

    const pin = await cli(dir, 'pin', '--json');
    expect(pin.code).toBe(0);
    const report = JSON.parse(pin.stdout) as { updates: unknown[]; errors: unknown[]; warnings: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.warnings).toHaveLength(1);
    expect(report.updates).toHaveLength(19);

    const after = snapshot(dir);
    const inserted: string[] = [];
    for (const path of allPaths) {
      inserted.push(
        ...insertedDigests(path, before.get(path)!.toString('utf8'), after.get(path)!.toString('utf8')),
      );
    }
    // One digest a pinnable site, each one the registry serves; the files left alone are unchanged.
    expect(inserted).toHaveLength(19);
    for (const digest of inserted) expect(digests).toContain(digest);
    for (const path of [
      'compose.override.yaml',
      '.github/workflows/matrix.yml',
      'charts/plain/values.yaml',
    ]) {
      expect(after.get(path)!.equals(before.get(path)!), path).toBe(true);
    }
    expect(after.get('Dockerfile')!.toString()).toMatch(
      /^FROM alpine:3\.20@sha256:[0-9a-f]{64}\r\nRUN true\r\n$/,
    );
    expect(after.get('k8s/bom-crlf.yaml')!.toString()).toMatch(
      /^\uFEFFapiVersion: v1\r\n.*image: "redis:7\.2@sha256:[0-9a-f]{64}" # quoted\r\n$/s,
    );
    expect(after.get('charts/memcached/values.yaml')!.toString()).toMatch(
      /repository: bitnami\/memcached\n {2}tag: 1\.6\.39-debian-12-r0\n {2}digest: "sha256:[0-9a-f]{64}"\n/,
    );
    expect(after.get('.github/workflows/postgres.yml')!.toString()).toContain('image: postgres:10.8@sha256:');
    expect(after.get('deploy/kustomization.yaml')!.toString()).toMatch(
      /- name: crd-image\n {2}newName: new-crd-image\n {2}newTag: new-v1-tag\n {2}digest: sha256:[0-9a-f]{64}\n/,
    );

    const again = await cli(dir, 'pin');
    expect(again.code).toBe(0);
    for (const [path, bytes] of snapshot(dir)) expect(bytes.equals(after.get(path)!), path).toBe(true);
    expect((await cli(dir, 'check')).code).toBe(0);
  });

  it('reads only the kinds file-kinds names', async () => {
    const dir = repository();
    const result = await cli(dir, 'scan', '--json', '--file-kinds', 'compose,kustomize');
    const report = JSON.parse(result.stdout) as { sites: { file: string; kind: string }[] };
    expect(new Set(report.sites.map((s) => s.kind))).toEqual(new Set(['compose', 'kustomize']));
    const bad = await cli(dir, 'scan', '--file-kinds', 'helm');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('unknown file kind "helm"');
  });
});
