/**
 * Google's discovery document for the Sheets API v4, used by the stand-in to refuse what
 * the real API refuses: unknown fields, values of the wrong type, enum values that do not
 * exist, unknown or missing parameters, field selections naming no field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A copy of /work/shared/data/sheets-v4.discovery.json (revision 20210316), same content. */
const DISCOVERY_PATH = join(import.meta.dirname, 'sheets-v4.discovery.json');

export interface SchemaNode {
  id?: string;
  type?: string;
  format?: string;
  $ref?: string;
  enum?: string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
}

interface ParameterSpec {
  type: string;
  location: 'query' | 'path';
  required?: boolean;
  repeated?: boolean;
  enum?: string[];
}

export interface MethodSpec {
  id: string;
  httpMethod: string;
  flatPath: string;
  parameters?: Record<string, ParameterSpec>;
  request?: { $ref: string };
}

interface Discovery {
  parameters: Record<string, ParameterSpec>;
  schemas: Record<string, SchemaNode>;
  resources: Record<string, Resource>;
}

interface Resource {
  methods?: Record<string, MethodSpec>;
  resources?: Record<string, Resource>;
}

let cached: Discovery | null = null;
function discovery(): Discovery {
  cached ??= JSON.parse(readFileSync(DISCOVERY_PATH, 'utf8')) as Discovery;
  return cached;
}

function schema(name: string): SchemaNode {
  const found = discovery().schemas[name];
  if (!found) throw new Error(`no schema ${name} in the discovery document`);
  return found;
}

/** Every method of the API, with a matcher for its flat path. */
export function methods(): { spec: MethodSpec; pattern: RegExp; names: string[] }[] {
  const out: { spec: MethodSpec; pattern: RegExp; names: string[] }[] = [];
  const visit = (resource: Resource) => {
    for (const spec of Object.values(resource.methods ?? {})) {
      const names: string[] = [];
      const source = spec.flatPath
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/:]+)';
        })
        .join('');
      out.push({ spec, pattern: new RegExp(`^/${source}$`), names });
    }
    for (const child of Object.values(resource.resources ?? {})) visit(child);
  };
  for (const resource of Object.values(discovery().resources)) visit(resource);
  return out;
}

/** A camelCase field name as Google spells it in error messages (`sheet_id`). */
function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function joinPath(path: string, name: string): string {
  return path === '' ? snake(name) : `${path}.${snake(name)}`;
}

function resolve(node: SchemaNode): SchemaNode {
  return node.$ref ? schema(node.$ref) : node;
}

/** An inline enum's proto name, from the field holding it (`…range.dimension` -> Dimension). */
function enumName(path: string): string {
  const field = path.slice(path.lastIndexOf('.') + 1).replace(/\[.*$/, '');
  return field.replace(/(^|_)([a-z])/g, (_, _sep: string, ch: string) => ch.toUpperCase());
}

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
const UINT32 = { min: 0, max: 4_294_967_295 };

/**
 * Checks a JSON value against a schema; the first violation as Google words it, or null.
 * `null` is accepted anywhere (proto3 JSON reads it as the default).
 */
function validateValue(value: unknown, node: SchemaNode, path: string): string | null {
  if (value === null) return null;
  const target = resolve(node);
  const typeName = target.id ?? target.type ?? 'value';
  const invalid = () =>
    `Invalid value at '${path}' (${target.format ? `TYPE_${target.format.toUpperCase()}` : typeName}), ${JSON.stringify(value)}`;
  switch (target.type) {
    case 'any':
      return null;
    case 'string':
      if (typeof value !== 'string') return invalid();
      if (target.enum && !target.enum.includes(value)) {
        return `Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.${enumName(path)}), ${JSON.stringify(value)}`;
      }
      return null;
    case 'boolean':
      return typeof value === 'boolean' ? null : invalid();
    case 'integer': {
      const range = target.format === 'uint32' ? UINT32 : INT32;
      if (typeof value !== 'number' || !Number.isInteger(value)) return invalid();
      return value < range.min || value > range.max ? invalid() : null;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : invalid();
    case 'array': {
      if (!Array.isArray(value)) return invalid();
      for (let i = 0; i < value.length; i++) {
        const error = target.items ? validateValue(value[i], target.items, `${path}[${i}]`) : null;
        if (error) return error;
      }
      return null;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return invalid();
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const spec = target.properties?.[key] ?? target.additionalProperties;
        if (!spec) {
          return `Invalid JSON payload received. Unknown name ${JSON.stringify(key)} at '${path}': Cannot find field.`;
        }
        const error = validateValue(
          child,
          spec,
          target.properties?.[key] ? joinPath(path, key) : `${path}[${JSON.stringify(key)}]`,
        );
        if (error) return error;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Checks a request body against the method's request schema. */
export function validateBody(spec: MethodSpec, body: unknown): string | null {
  if (!spec.request) return null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'Invalid JSON payload received. Expected an object.';
  }
  return validateValue(body, schema(spec.request.$ref), '');
}

/**
 * Checks query parameters against the method's and the API's standard parameters:
 * unknown names, repeats of a single-valued one, enum values, booleans.
 */
export function validateQuery(spec: MethodSpec, query: URLSearchParams): string | null {
  const all = { ...discovery().parameters, ...spec.parameters };
  for (const name of new Set(query.keys())) {
    const parameter = all[name];
    if (!parameter || parameter.location !== 'query') {
      return `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}: Cannot bind query parameter. Field ${JSON.stringify(name)} could not be found in request message.`;
    }
    const values = query.getAll(name);
    if (values.length > 1 && !parameter.repeated) {
      return `Invalid JSON payload received. Repeated values for non-repeated field ${JSON.stringify(name)}.`;
    }
    for (const value of values) {
      if (parameter.enum && !parameter.enum.includes(value)) {
        return `Invalid value at '${snake(name)}', ${JSON.stringify(value)}`;
      }
      if (parameter.type === 'boolean' && value !== 'true' && value !== 'false') {
        return `Invalid value at '${snake(name)}' (TYPE_BOOL), ${JSON.stringify(value)}`;
      }
    }
  }
  return null;
}

/** The schema node a dotted path leads to (arrays looked through), or null. */
export function fieldAt(root: string, path: readonly string[]): SchemaNode | null {
  let node: SchemaNode = schema(root);
  for (const name of path) {
    let target = resolve(node);
    while (target.type === 'array' && target.items) target = resolve(target.items);
    const next = target.properties?.[name];
    if (!next) return null;
    node = next;
  }
  return node;
}
