import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkSchema, resolveRef, type Described, type Schema } from './openapi-schema-check.ts';

/**
 * Checks a request against GitHub's REST description (`@octokit/openapi`, api.github.com): the operation is
 * found by method and path template, matched a segment at a time (`{name}` takes one segment, a parameter
 * GitHub marks `x-multi-segment` the rest of the path); then its path parameters, query parameters and JSON
 * body are checked against the operation's schemas. A body field or query parameter the operation does
 * not declare is a problem too: GitHub ignores them, so a misspelt one would go unnoticed.
 */

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
  readonly 'x-multi-segment'?: boolean;
}

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly (Parameter | Schema)[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content?: Record<string, { schema?: Schema }>;
  };
}

interface Description extends Described {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
}

interface Template {
  readonly path: string;
  readonly segments: readonly string[];
  readonly operations: Readonly<Record<string, Operation>>;
}

export interface RequestToCheck {
  readonly method: string;
  /** The path as sent, percent-encoded, without the query: `/repos/o/r/git/ref/heads%2Fmain`. */
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there was none. */
  readonly body: unknown;
}

let loaded: { description: Description; templates: Template[] } | undefined;

function load(): { description: Description; templates: Template[] } {
  if (loaded !== undefined) return loaded;
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const description = JSON.parse(readFileSync(file, 'utf8')) as Description;
  const templates = Object.entries(description.paths).map(([path, operations]) => ({
    path,
    segments: path.split('/').filter((s) => s !== ''),
    operations,
  }));
  loaded = { description, templates };
  return loaded;
}

function parameterName(segment: string): string | undefined {
  return segment.startsWith('{') && segment.endsWith('}') && segment.indexOf('{', 1) === -1
    ? segment.slice(1, -1)
    : undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path parameters when `template` matches, with how many segments were literal; else undefined. */
function match(
  template: Template,
  segments: readonly string[],
  multi: (name: string) => boolean,
): { params: Record<string, string>; literals: number } | undefined {
  const params: Record<string, string> = {};
  let literals = 0;
  for (const [i, part] of template.segments.entries()) {
    const segment = segments[i];
    if (segment === undefined) return undefined;
    const name = parameterName(part);
    if (name === undefined) {
      if (part !== segment) return undefined;
      literals++;
    } else if (i === template.segments.length - 1 && multi(name)) {
      params[name] = segments.slice(i).map(decode).join('/');
      return { params, literals };
    } else params[name] = decode(segment);
  }
  return template.segments.length === segments.length ? { params, literals } : undefined;
}

function parametersOf(description: Description, operation: Operation): Parameter[] {
  return (operation.parameters ?? []).map(
    (p) => resolveRef(description, p as Schema) as unknown as Parameter,
  );
}

/** A query or path value (always text) checked as the type its schema gives. */
function typedValue(schema: Schema, text: string): unknown {
  const type = schema['type'];
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (type === 'array') return text.split(',');
  return text;
}

/** The problems of one request; empty when GitHub's description allows it. */
export function checkRequest(request: RequestToCheck): string[] {
  const { description, templates } = load();
  const method = request.method.toLowerCase();
  const segments = request.rawPath.split('/').filter((s) => s !== '');
  let best:
    | { template: Template; operation: Operation; params: Record<string, string>; literals: number }
    | undefined;
  for (const template of templates) {
    const operation = template.operations[method];
    if (operation === undefined) continue;
    const parameters = parametersOf(description, operation);
    const multi = (name: string) =>
      parameters.some((p) => p.in === 'path' && p.name === name && p['x-multi-segment'] === true);
    const found = match(template, segments, multi);
    if (found !== undefined && (best === undefined || found.literals > best.literals)) {
      best = { template, operation, ...found };
    }
  }
  const where = `${request.method} ${request.rawPath}`;
  if (best === undefined) return [`${where}: no operation of GitHub's REST API has this method and path`];
  const { operation } = best;
  const problems: string[] = [];
  const say = (problem: string) => problems.push(`${where} (${operation.operationId}): ${problem}`);
  const parameters = parametersOf(description, operation);
  for (const parameter of parameters) {
    const given =
      parameter.in === 'path'
        ? best.params[parameter.name]
        : parameter.in === 'query'
          ? request.query[parameter.name]
          : undefined;
    if (given === undefined) {
      if (parameter.required === true && parameter.in !== 'header')
        say(`${parameter.in} parameter ${parameter.name} is missing`);
      continue;
    }
    const schema = parameter.schema ?? {};
    for (const problem of checkSchema(
      description,
      schema,
      typedValue(resolveRef(description, schema), given),
      { strict: true },
      parameter.name,
    ))
      say(problem);
  }
  for (const name of Object.keys(request.query)) {
    if (!parameters.some((p) => p.in === 'query' && p.name === name))
      say(`query parameter ${name} is not one GitHub knows`);
  }
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  if (request.body === undefined) {
    if (operation.requestBody?.required === true) say('the JSON body is missing');
  } else if (bodySchema === undefined) {
    say('sends a JSON body the operation does not take');
  } else {
    for (const problem of checkSchema(description, bodySchema, request.body, { strict: true }, 'body'))
      say(problem);
  }
  return problems;
}
