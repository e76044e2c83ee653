/**
 * A checker for the part of JSON Schema (OpenAPI 3.0 flavour) that GitHub's descriptions use for request
 * bodies, parameters and webhook payloads: `$ref` into `#/components/…`, `type` (one or a list), `nullable`,
 * `enum`, `properties`, `required`, `additionalProperties`, `items`, `oneOf`/`anyOf` (at least one
 * alternative fits: GitHub's alternatives overlap), `allOf`, length, size and range bounds. `format` and
 * `pattern` are not checked. It returns the problems, each with the JSON path where it is; none means valid.
 */

export type Schema = Readonly<Record<string, unknown>>;

/** The description a schema's `$ref`s point into. */
export interface Described {
  readonly components?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const maxProblems = 20;

export function resolveRef(document: Described, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current['$ref'] === 'string' && hops < 32; hops++) {
    const ref = current['$ref'];
    const parts = ref.split('/');
    if (parts[0] !== '#' || parts[1] !== 'components' || parts.length !== 4) {
      throw new Error(`openapi check: unsupported $ref ${ref}`);
    }
    const target = document.components?.[parts[2] ?? '']?.[parts[3] ?? ''];
    if (typeof target !== 'object' || target === null) throw new Error(`openapi check: no ${ref}`);
    current = target as Schema;
  }
  return current;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeFits(wanted: string, actual: string): boolean {
  return wanted === actual || (wanted === 'number' && actual === 'integer');
}

export interface CheckOptions {
  /**
   * An object whose schema lists `properties` may hold no other: GitHub ignores unknown fields of a request,
   * so a misspelt one would otherwise go unnoticed. Off for payloads GitHub sends (they grow).
   */
  readonly strict: boolean;
}

export function checkSchema(
  document: Described,
  raw: Schema,
  value: unknown,
  options: CheckOptions,
  at = '$',
): string[] {
  const problems: string[] = [];
  check({ document, options, problems }, raw, value, at);
  return problems.slice(0, maxProblems);
}

interface Checker {
  readonly document: Described;
  readonly options: CheckOptions;
  readonly problems: string[];
}

function check(checker: Checker, raw: Schema, value: unknown, at: string): void {
  const { document, problems } = checker;
  if (problems.length >= maxProblems) return;
  const schema = resolveRef(document, raw);
  const actual = typeOf(value);
  if (value === null && schema['nullable'] === true) return;
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  if (types.length > 0 && !types.some((t) => typeFits(String(t), actual))) {
    problems.push(`${at}: ${actual} is not ${types.join(' or ')}`);
    return;
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].some((option) => option === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema['enum'])}`);
  }
  for (const key of ['allOf'] as const) {
    for (const part of (schema[key] as Schema[] | undefined) ?? []) check(checker, part, value, at);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options === undefined) continue;
    const results = options.map((option) => checkSchema(document, option, value, checker.options, at));
    if (!results.some((r) => r.length === 0)) {
      const closest = results.reduce((a, b) => (b.length < a.length ? b : a));
      problems.push(`${at}: fits none of ${key} (${closest[0] ?? 'no alternative'})`);
    }
  }
  if (actual === 'string')
    checkBounds(schema, (value as string).length, 'minLength', 'maxLength', at, problems);
  if (actual === 'integer' || actual === 'number') {
    checkBounds(schema, value as number, 'minimum', 'maximum', at, problems);
  }
  if (actual === 'array') {
    const items = value as unknown[];
    checkBounds(schema, items.length, 'minItems', 'maxItems', at, problems);
    const itemSchema = schema['items'] as Schema | undefined;
    if (itemSchema !== undefined) items.forEach((item, i) => check(checker, itemSchema, item, `${at}[${i}]`));
  }
  if (actual === 'object') checkObject(checker, schema, value as Record<string, unknown>, at);
}

function checkBounds(
  schema: Schema,
  size: number,
  low: string,
  high: string,
  at: string,
  problems: string[],
): void {
  const min = schema[low];
  const max = schema[high];
  if (typeof min === 'number' && size < min) problems.push(`${at}: ${size} is below ${low} ${min}`);
  if (typeof max === 'number' && size > max) problems.push(`${at}: ${size} is above ${high} ${max}`);
}

function checkObject(checker: Checker, schema: Schema, value: Record<string, unknown>, at: string): void {
  const { problems } = checker;
  const listed = schema['properties'] as Record<string, Schema> | undefined;
  const properties = listed ?? {};
  for (const name of (schema['required'] as string[] | undefined) ?? []) {
    if (!Object.hasOwn(value, name)) problems.push(`${at}: required property ${name} is missing`);
  }
  const extra = schema['additionalProperties'];
  for (const [name, item] of Object.entries(value)) {
    const known = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (known !== undefined) check(checker, known, item, `${at}.${name}`);
    else if (typeof extra === 'object' && extra !== null)
      check(checker, extra as Schema, item, `${at}.${name}`);
    else if (extra === false || (checker.options.strict && listed !== undefined && extra === undefined)) {
      problems.push(`${at}: unknown property ${name}`);
    }
  }
}
