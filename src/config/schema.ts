import { fileList, type SettingSpec, type Zod } from './setting-spec.ts';
import { signatureSettings } from './signature-settings.ts';
import type { Platform } from '../reference/index.ts';
import { fileKinds, isFileKind, type FileKind } from '../manifests/index.ts';
import {
  each,
  nonEmpty,
  parseAliases,
  parseDeadline,
  parseMirrors,
  text,
  textSetting,
  type Shape,
} from './shape.ts';
import {
  defaultOsvApi,
  parseOsvApi,
  vulnerabilityPolicies,
  type OsvApi,
  type VulnerabilityPolicy,
} from '../vulnerabilities/settings/index.ts';
import {
  parseBoolean,
  parseBranch,
  parseBranchPrefix,
  parseChoice,
  parseDuration,
  parseHost,
  parsePlatformSetting,
  parseWholeNumber,
  type Mirror,
  type Parsed,
} from './values.ts';

export type { SettingSpec } from './setting-spec.ts';

/**
 * Every setting basepin reads, once. A setting has one kebab-case name that is
 * the config-file key and the action input (the CLI flag is its singular form
 * where it differs), one shape, one parser and one default. The sources
 * (flags, inputs, `.github/basepin.yml`, later comment arguments) only turn
 * their text into the shape; `./settings.ts` merges them by one rule.
 *
 * To add a setting: add it here, to `RunSettings` in `./settings.ts`, to
 * action.yml when it is an input, and to `cliFlags` in `src/cli/args.ts`
 * when it is a flag; `npm run docs` regenerates README and the JSON Schema.
 */

const groupByValues = ['all', 'image', 'directory'] as const;
export type GroupBy = (typeof groupByValues)[number];

/** Who may run comment commands: write is the floor; a repository may raise it. */
const commandPermissionValues = ['write', 'maintain', 'admin'] as const;
export type CommandPermission = (typeof commandPermissionValues)[number];

/** `file-kinds`: each item one kind or several separated by commas, each one of `fileKinds`. */
function parseFileKinds(raw: Shape): Parsed<FileKind[]> {
  const kinds: FileKind[] = [];
  const parsed = each((item) => {
    for (const name of item.split(',').map((part) => part.trim())) {
      if (name === '') continue;
      if (!isFileKind(name))
        return {
          problem: `unknown file kind ${JSON.stringify(name)}; expected one of ${fileKinds.join(', ')}`,
        };
      if (!kinds.includes(name)) kinds.push(name);
    }
    return { value: item };
  })(raw);
  if ('problem' in parsed) return parsed;
  // An empty list would read nothing and report nothing: a mistake, never a wish.
  if (kinds.length === 0)
    return { problem: `no file kind given; expected one or more of ${fileKinds.join(', ')}` };
  return { value: kinds };
}

const fileMirrorUrls = (z: Zod) => z.union([z.string(), z.array(z.string()).min(1)]);

export const settingSpecs = {
  paths: {
    shape: 'list',
    file: fileList,
    flag: null,
    description: 'Files or folders to scan for image references, relative to the repository root.',
    parse: each(nonEmpty),
    fallback: ['.'],
  },
  include: {
    shape: 'list',
    file: fileList,
    description: 'Extra globs of files to read besides the names basepin finds by default.',
    parse: each(nonEmpty),
    fallback: [],
  },
  exclude: {
    shape: 'list',
    file: fileList,
    description: 'Globs of files to leave out.',
    parse: each(nonEmpty),
    fallback: [],
  },
  'file-kinds': {
    shape: 'list',
    file: fileList,
    description:
      'The kinds of files to read: `dockerfile`, `compose`, `workflow`, `kubernetes`, `helm-values`, `kustomize`, `devcontainer`, `gitlab-ci` (a list, comma-separated or one a line); default all.',
    parse: parseFileKinds,
    fallback: [...fileKinds],
  } satisfies SettingSpec<FileKind[]>,
  'exclude-images': {
    shape: 'list',
    file: fileList,
    flag: 'exclude-image',
    description: 'Globs of images to leave alone (`node`, `ghcr.io/acme/*`, `alpine:3.*`).',
    parse: each(nonEmpty),
    fallback: [],
  },
  'registry-mirrors': {
    shape: 'pairs',
    file: (z) => z.record(z.string(), fileMirrorUrls(z)),
    flag: 'registry-mirror',
    description:
      'Registry host → mirror base URL (maybe with a repository prefix), or a list tried in order. Tags are resolved on the registry; mirrors serve content by digest, and name digests only when the registry cannot be reached (reported as unconfirmed).',
    parse: (raw) => parseMirrors(raw),
    fallback: {},
  } satisfies SettingSpec<Readonly<Record<string, readonly Mirror[]>>>,
  'registry-aliases': {
    shape: 'pairs',
    file: (z) => z.record(z.string(), z.string()),
    flag: 'registry-alias',
    description:
      'Registry host → the base URL that replaces it, maybe with a repository prefix (`docker.io=https://harbor.corp/dockerhub-proxy`); the registry itself is never contacted and references are written unchanged.',
    parse: (raw) => parseAliases(raw),
    fallback: {},
  } satisfies SettingSpec<Readonly<Record<string, Mirror>>>,
  'registry-deadline': {
    shape: 'text',
    file: (z) => z.string(),
    description:
      "How long a registry host may go without answering any request while basepin waits on it (`60s`, `2m`); then that host's remaining references fail and the others go on. A reply counts once read whole. A slow host that keeps answering is not failed (each request has its own 30 s timeout) until it has kept basepin busy for 30 times the deadline in all.",
    parse: textSetting(parseDeadline),
    fallback: 60_000,
  },
  'insecure-registries': {
    shape: 'list',
    file: fileList,
    flag: 'insecure-registry',
    description: 'Registry hosts that may be reached over plain HTTP.',
    parse: each(parseHost),
    fallback: [],
  },
  platform: {
    shape: 'text',
    file: (z) => z.string(),
    description: "Pin this platform's manifest (`linux/amd64`) instead of the multi-platform index.",
    parse: textSetting(parsePlatformSetting),
    fallback: undefined,
  } satisfies SettingSpec<Platform | undefined>,
  'pin-arg-repositories': {
    shape: 'boolean',
    file: (z) => z.boolean(),
    description:
      'Pin `FROM $REPO:tag` (the whole repository from an ARG default, the tag literal) in the FROM line; `false` skips it.',
    parse: (raw) => (raw.kind === 'boolean' ? { value: raw.value } : parseBoolean(text(raw))),
    fallback: true,
  },
  concurrency: {
    shape: 'number',
    file: (z) => z.number().int().min(1).max(64),
    description: 'Requests in flight per registry (1–64).',
    parse: textSetting((value) => parseWholeNumber(value, 1, 64)),
    fallback: 8,
  },
  'group-by': {
    shape: 'text',
    file: (z) => z.enum(groupByValues),
    flag: null,
    description:
      'One pull request for `all` updates, one per `image` repository, or one per `directory` (the folder of the files).',
    parse: textSetting((value) => parseChoice(value, groupByValues)),
    fallback: 'all',
  } satisfies SettingSpec<GroupBy>,
  'max-pull-requests': {
    shape: 'number',
    file: (z) => z.number().int().min(1).max(100),
    flag: null,
    description:
      'Open basepin pull requests at most (1–100); new ones wait, listed in the job summary, until one is merged or closed.',
    parse: textSetting((value) => parseWholeNumber(value, 1, 100)),
    fallback: 10,
  },
  'base-branch': {
    shape: 'text',
    file: (z) => z.string().min(1),
    flag: null,
    description: "Branch the pull requests target; default the repository's default branch.",
    parse: textSetting(parseBranch),
    fallback: undefined,
  } satisfies SettingSpec<string | undefined>,
  'branch-prefix': {
    shape: 'text',
    file: (z) => z.string().min(1),
    flag: null,
    description: 'Prefix of the branches basepin owns.',
    parse: textSetting(parseBranchPrefix),
    fallback: 'basepin/',
  },
  labels: {
    shape: 'list',
    file: fileList,
    flag: null,
    description: 'Labels for the pull requests.',
    parse: each(nonEmpty),
    fallback: [],
  },
  reviewers: {
    shape: 'list',
    file: fileList,
    flag: null,
    description: 'Users (or `org/team`) to request reviews from.',
    parse: each(nonEmpty),
    fallback: [],
  },
  assignees: {
    shape: 'list',
    file: fileList,
    flag: null,
    description: 'Users to assign the pull requests to.',
    parse: each(nonEmpty),
    fallback: [],
  },
  draft: {
    shape: 'boolean',
    file: (z) => z.boolean(),
    flag: null,
    description:
      'Open pull requests as drafts; where the repository cannot hold drafts (a private repository on GitHub Free), they open ready for review.',
    parse: (raw) => (raw.kind === 'boolean' ? { value: raw.value } : parseBoolean(text(raw))),
    fallback: false,
  },
  'commit-message-prefix': {
    shape: 'text',
    file: (z) => z.string(),
    flag: null,
    description: 'Prefix of commit messages and pull request titles, e.g. `chore(deps): `.',
    parse: (raw) => ({ value: text(raw) }),
    fallback: '',
  },
  'dry-run': {
    shape: 'boolean',
    flag: null,
    description: 'Do everything up to the first write and report what would be done.',
    parse: (raw) => (raw.kind === 'boolean' ? { value: raw.value } : parseBoolean(text(raw))),
    fallback: false,
  },
  'skip-unchanged-platforms': {
    shape: 'boolean',
    file: (z) => z.boolean(),
    flag: null,
    description:
      'Open no pull request for an update whose image changed only in platforms this repository does not use (the `platform` setting, a literal `FROM --platform=`); the job summary reports it.',
    parse: (raw) => (raw.kind === 'boolean' ? { value: raw.value } : parseBoolean(text(raw))),
    fallback: true,
  },
  'minimum-age': {
    shape: 'text',
    file: (z) => z.string().min(1),
    description:
      'Do not propose a digest built less recently than this (`3d`, `12h`), so a broken rebuild can be pulled before it lands; a digest whose build date is unknown is proposed, saying so. Default off.',
    parse: textSetting(parseDuration),
    fallback: undefined,
  } satisfies SettingSpec<number | undefined>,
  'osv-api': {
    shape: 'text',
    file: (z) => z.string().min(1),
    description:
      'Where to ask which known vulnerabilities an update fixes or introduces: the OSV API (`https://api.osv.dev`), a mirror of it (a loopback `http://` URL is allowed), or `off`. When it cannot be reached, the changelog says so once and the update goes on.',
    parse: textSetting(parseOsvApi),
    fallback: defaultOsvApi,
  } satisfies SettingSpec<OsvApi>,
  'vulnerability-policy': {
    shape: 'text',
    file: (z) => z.enum(vulnerabilityPolicies),
    description:
      '`report` shows the known vulnerabilities an update fixes and introduces; `hold-introduced` also holds back an update whose new digest has a known vulnerability the pinned one did not (the job summary and the dashboard say which).',
    parse: textSetting((value) => parseChoice(value, vulnerabilityPolicies)),
    fallback: 'report',
  } satisfies SettingSpec<VulnerabilityPolicy>,
  'fail-on-unpinned': {
    shape: 'boolean',
    flag: null,
    description: 'Fail the run when unpinned or stale pins remain.',
    parse: (raw) => (raw.kind === 'boolean' ? { value: raw.value } : parseBoolean(text(raw))),
    fallback: false,
  },
  dashboard: {
    shape: 'boolean',
    file: (z) => z.boolean(),
    flag: null,
    description:
      'Keep the `basepin dashboard` issue current: every image reference, the open pull requests, the ignore rules.',
    parse: (raw) => (raw.kind === 'boolean' ? { value: raw.value } : parseBoolean(text(raw))),
    fallback: true,
  },
  'command-permission': {
    shape: 'text',
    file: (z) => z.enum(commandPermissionValues),
    flag: null,
    description:
      'Least repository permission that may run `/basepin` comment commands: `write`, `maintain` or `admin`.',
    parse: textSetting((value) => parseChoice(value, commandPermissionValues)),
    fallback: 'write',
  } satisfies SettingSpec<CommandPermission>,
  // Signatures and provenance (src/signatures/, src/signature-check/).
  ...signatureSettings,
} as const satisfies Record<string, SettingSpec<unknown>>;

export type SettingKey = keyof typeof settingSpecs;
export type SettingValue<K extends SettingKey> = (typeof settingSpecs)[K]['fallback'] extends infer F
  ? ReturnType<(typeof settingSpecs)[K]['parse']> extends Parsed<infer T>
    ? T | F
    : F
  : never;

export type ConfigFile = Readonly<Record<string, unknown>>;
