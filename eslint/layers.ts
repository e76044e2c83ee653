/**
 * ESLint rule `basepin/layers`: imports only point down the layers of
 * docs/architecture.md. Every file under src/ belongs to one layer: the
 * layer of the longest path in `layerTable` that names it (a file, or a
 * folder ending in `/`). An import that resolves to a file of a higher
 * layer, or to an entry point, is an error. Type-only imports count too: a
 * type lives in the lowest layer that needs it.
 */
import path from 'node:path';
import type { ESLint, Rule } from 'eslint';

interface Layer {
  readonly layer: string;
  /** Lower rank, lower layer. */
  readonly rank: number;
}

const entry: Layer = { layer: 'entry', rank: 3 };
const useCase: Layer = { layer: 'use case', rank: 2 };
const adapter: Layer = { layer: 'adapter', rank: 1 };
const core: Layer = { layer: 'core', rank: 0 };
const unplaced: Layer = { layer: 'unknown', rank: -1 };

export const layerTable: Readonly<Record<string, Layer>> = {
  // The bundled entry points and the CLI's own modules: they read argv, the environment and @actions/*.
  'src/action.ts': entry,
  'src/action-entry.ts': entry,
  'src/cli.ts': entry,
  'src/cli/': entry,
  // What the entries build from settings: the registry client, the GitHub writes, the network, the action's inputs.
  'src/wiring/': entry,
  // Use cases, one room per capability, each with one face (index.ts); listed from the top of the floor down.
  // Organisation runs: each repository read through the API and run as the action runs it, one row each.
  'src/org-run/': useCase,
  'src/action-run/': useCase,
  'src/pipeline/': useCase,
  'src/comments/': useCase,
  'src/dashboard/': useCase,
  'src/pull-requests/': useCase,
  'src/changelog/': useCase,
  'src/hold-back/': useCase,
  'src/pin/': useCase,
  'src/update/': useCase,
  'src/scan/': useCase,
  'src/resolve/': useCase,
  // Signature lookup and verification: the registry through RegistryClient, @sigstore/verify's checks.
  'src/signature-check/': useCase,
  // Adapters: the outside world (registries, GitHub, the file system, config files) behind small interfaces.
  'src/registry/': adapter,
  'src/github/': adapter,
  'src/workspace/': adapter,
  'src/config-file/': adapter,
  'src/osv/': adapter,
  // Organisation runs' GitHub side: App authentication, installation listing, API-only workspaces, the write pacer.
  'src/org-github/': adapter,
  // The organisation plan's resolution: recorded from a registry client, replayed from its file.
  'src/org-resolution/': adapter,
  // Pure core: data in, data out, no I/O. A use-case room keeps its pure part in a core sub-folder.
  'src/comments/commands/': core,
  'src/dashboard/issue-body/': core,
  'src/changelog/facts/': core,
  'src/oci/': core,
  'src/reference/': core,
  'src/dockerfile/': core,
  'src/manifests/': core,
  'src/config/': core,
  'src/text/': core,
  'src/vulnerabilities/': core,
  'src/signatures/': core,
  // Organisation runs: selection, order, shards, the resolution file's schema, rows and the org dashboard.
  'src/org/': core,
};

/** The entry points: only another entry point imports one (src/action-entry.ts runs src/action.ts). */
const entryPoints = new Set(['src/action.ts', 'src/action-entry.ts', 'src/cli.ts']);

/** Modules that do I/O; the pure core imports none of them. */
const ioModules = [
  /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dns|os|worker_threads)$/,
  /^undici$/,
  /^@octokit\//,
  /^@actions\//,
];

/** The layer of a repository-relative path with `/` separators; undefined outside src/. */
export function layerOf(file: string): Layer | undefined {
  if (!file.startsWith('src/')) return undefined;
  let best: string | undefined;
  for (const key of Object.keys(layerTable)) {
    const names = key.endsWith('/') ? file.startsWith(key) : file === key;
    if (names && (best === undefined || key.length > best.length)) best = key;
  }
  return (best === undefined ? undefined : layerTable[best]) ?? unplaced;
}

function relativeToRoot(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export const layersRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports only point down the layers of docs/architecture.md.' },
    schema: [],
    messages: {
      unknown: '{{file}} is in no layer: add it to layerTable in eslint/layers.ts (docs/architecture.md).',
      upward:
        '{{file}} ({{from}}) imports {{target}} ({{to}}): imports only point down the layers (docs/architecture.md).',
      entry: '{{file}} imports the entry point {{target}}: nothing imports an entry (docs/architecture.md).',
      io: '{{file}} is pure core and imports {{target}}, which does I/O: move the I/O to an adapter (docs/architecture.md).',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = relativeToRoot(root, context.filename);
    const layer = layerOf(file);
    if (layer === undefined) return {};
    const from: Layer = layer;
    if (from.layer === 'unknown') {
      return {
        Program(node) {
          context.report({ node, messageId: 'unknown', data: { file } });
        },
      };
    }
    function check(node: Rule.Node, source: unknown): void {
      // Only a string literal names a module we can place; `import(variable)` is left alone.
      if (typeof source !== 'object' || source === null || !('value' in source)) return;
      if (typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!specifier.startsWith('.')) {
        if (from.layer === 'core' && ioModules.some((pattern) => pattern.test(specifier))) {
          context.report({ node, messageId: 'io', data: { file, target: specifier } });
        }
        return;
      }
      const target = relativeToRoot(root, path.resolve(path.dirname(context.filename), specifier));
      if (entryPoints.has(target) && !entryPoints.has(file)) {
        context.report({ node, messageId: 'entry', data: { file, target } });
        return;
      }
      const to = layerOf(target);
      if (to === undefined || to.layer === 'unknown') return;
      if (to.rank > from.rank) {
        context.report({ node, messageId: 'upward', data: { file, from: from.layer, target, to: to.layer } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

const plugin: ESLint.Plugin = { rules: { layers: layersRule } };
export default plugin;
