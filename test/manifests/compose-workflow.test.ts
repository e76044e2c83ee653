import { describe, expect, test } from 'vitest';
import { manifestReasons as reasons } from '../../src/manifests/index.ts';
import { digestA, pinAll, rowsOf, type Row } from './helpers.ts';

const pinned = `nginx:1.27@${digestA}`;

describe('compose', () => {
  test.each<[string, string, Row[]]>([
    [
      'a plain image',
      'services:\n  web:\n    image: nginx:1.27\n',
      [[3, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    [
      'a quoted image with a comment after it',
      "services:\n  web:\n    image: 'nginx:1.27' # the proxy\n",
      [[3, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    [
      'a block scalar',
      'services:\n  web:\n    image: >-\n      nginx:1.27\n',
      [[4, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    [
      'flow style',
      'services: {web: {image: "nginx:1.27", ports: [80]}}\n',
      [[1, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    [
      'CRLF and a BOM',
      '\uFEFFservices:\r\n  web:\r\n    image: nginx:1.27\r\n',
      [[3, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    ['an existing pin', `services:\n  web:\n    image: ${pinned}\n`, [[3, 'pinned', pinned, pinned]]],
    [
      'no tag: latest made explicit by the pin',
      'services:\n  web:\n    image: nginx\n',
      [[3, 'pinnable', 'nginx', 'nginx']],
    ],
    [
      'a digest-only reference',
      `services:\n  web:\n    image: nginx@${digestA}\n`,
      [[3, 'skipped', `nginx@${digestA}`, 'digest-only reference has no tag to follow']],
    ],
    [
      'a service that builds its image',
      'services:\n  api:\n    build: .\n    image: registry.example/api:1\n',
      [[4, 'skipped', 'registry.example/api:1', reasons.composeBuild]],
    ],
    [
      'a variable with a default',
      'services:\n  db:\n    image: ${POSTGRES_IMAGE:-postgres:16}\n',
      [[3, 'skipped', '${POSTGRES_IMAGE:-postgres:16}', reasons.composeVariable]],
    ],
    [
      'a variable tag',
      'services:\n  db:\n    image: postgres:$PG\n',
      [[3, 'skipped', 'postgres:$PG', reasons.composeVariable]],
    ],
    [
      'an escape in a double-quoted scalar',
      'services:\n  web:\n    image: "nginx\\x3a1.27"\n',
      [[3, 'skipped', 'nginx:1.27', reasons.escaped]],
    ],
    [
      'an invalid reference',
      'services:\n  web:\n    image: "Nginx:1"\n',
      [[3, 'invalid', 'Nginx:1', 'repository name must be lowercase']],
    ],
    ['an empty image', 'services:\n  web:\n    image: ""\n', [[3, 'invalid', '', reasons.empty]]],
    [
      'a mapping for an image',
      'services:\n  web:\n    image: {a: b}\n',
      [[3, 'invalid', '', reasons.notText]],
    ],
    [
      'an alias: one site, at the anchor',
      'x-image: &proxy "nginx:1.27"\nservices:\n  a:\n    image: *proxy\n  b:\n    image: *proxy\n',
      [[1, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    [
      'merge keys are followed',
      'x-base: &base\n  image: nginx:1.27\n  restart: always\nservices:\n  a:\n    <<: *base\n  b:\n    <<: [*base]\n    ports: ["80"]\n',
      [[2, 'pinnable', 'nginx:1.27', 'nginx:1.27']],
    ],
    [
      'a merged build makes the service a build',
      'x-built: &built\n  build: .\nservices:\n  a:\n    <<: *built\n    image: me/app:1\n',
      [[6, 'skipped', 'me/app:1', reasons.composeBuild]],
    ],
    [
      'an anchor a pulling service shares with a building one: skipped for both',
      'x-img: &img alpine:3.20\nservices:\n  a: {image: *img}\n  b:\n    image: *img\n    build: .\n',
      [[1, 'skipped', 'alpine:3.20', reasons.composeBuild]],
    ],
    [
      'an image a building service reaches through a merge key',
      'x-base: &base\n  image: alpine:3.20\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    build: .\n',
      [[2, 'skipped', 'alpine:3.20', reasons.composeBuild]],
    ],
    ['no services', 'volumes:\n  image: {}\n', []],
  ])('%s', (_name, text, rows) => {
    expect(rowsOf('compose', text)).toEqual(rows);
  });

  test('a pin writes the digest after the tag and keeps quotes, comments, CRLF and BOM', () => {
    const text = "\uFEFFservices:\r\n  a:\r\n    image: 'nginx:1.27' # proxy\r\n  b:\r\n    image: redis\r\n";
    expect(pinAll('compose', text, digestA)).toBe(
      `\uFEFFservices:\r\n  a:\r\n    image: 'nginx:1.27@${digestA}' # proxy\r\n  b:\r\n    image: redis:latest@${digestA}\r\n`,
    );
  });
});

describe('workflow', () => {
  test.each<[string, string, Row[]]>([
    [
      'container and services, as strings and mappings',
      'jobs:\n  test:\n    container: node:22\n    services:\n      db:\n        image: postgres:16\n      cache: redis:7\n',
      [
        [3, 'pinnable', 'node:22', 'node:22'],
        [6, 'pinnable', 'postgres:16', 'postgres:16'],
        [7, 'pinnable', 'redis:7', 'redis:7'],
      ],
    ],
    [
      'a container mapping',
      'jobs:\n  test:\n    container:\n      image: "node:22"\n      options: --cpus 1\n',
      [[4, 'pinnable', 'node:22', 'node:22']],
    ],
    [
      'a matrix expression',
      'jobs:\n  test:\n    strategy:\n      matrix:\n        image: [node:20, node:22]\n    container: ${{ matrix.image }}\n',
      [[6, 'skipped', '${{ matrix.image }}', reasons.workflowExpression]],
    ],
    [
      'docker:// steps: the site is the image after the scheme',
      'jobs:\n  lint:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker://ghcr.io/github/super-linter:slim-v4\n      - uses: "docker://alpine:3.20"\n',
      [
        [5, 'pinnable', 'ghcr.io/github/super-linter:slim-v4', 'ghcr.io/github/super-linter:slim-v4'],
        [6, 'pinnable', 'alpine:3.20', 'alpine:3.20'],
      ],
    ],
    [
      'a pinned docker:// step',
      `jobs:\n  lint:\n    steps:\n      - uses: docker://alpine:3.20@${digestA}\n`,
      [[4, 'pinned', `alpine:3.20@${digestA}`, `alpine:3.20@${digestA}`]],
    ],
    [
      'a docker action with an image',
      "name: x\nruns:\n  using: 'docker'\n  image: 'docker://alpine:3.20'\n",
      [[4, 'pinnable', 'alpine:3.20', 'alpine:3.20']],
    ],
    [
      'a docker:// step and a container sharing an anchor: the container refuses it, so neither pins',
      'jobs:\n  a:\n    steps:\n      - uses: &img docker://alpine:3.20\n  b:\n    container: *img\n',
      [[4, 'invalid', 'docker://alpine:3.20', 'invalid reference format']],
    ],
    ['a docker action built from a Dockerfile', 'runs:\n  using: docker\n  image: Dockerfile\n', []],
    ['a JavaScript action', 'runs:\n  using: node20\n  main: index.js\n  image: docker://alpine:3\n', []],
  ])('%s', (_name, text, rows) => {
    expect(rowsOf('workflow', text)).toEqual(rows);
  });

  test('a docker:// pin keeps the scheme', () => {
    const text = 'jobs:\n  a:\n    steps:\n      - uses: docker://alpine:3.20 # lint\n';
    expect(pinAll('workflow', text, digestA)).toBe(
      `jobs:\n  a:\n    steps:\n      - uses: docker://alpine:3.20@${digestA} # lint\n`,
    );
  });
});
