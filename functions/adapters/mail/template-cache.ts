import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { KarnamehError } from '../../core/errors.ts';

type Env = typeof Handlebars;
type CompileOptions = { strict?: boolean; noEscape?: boolean };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = any;

const require = createRequire(import.meta.url);

/** Handlebars' runtime only (no compiler, no source maps): what rendering a precompiled template needs. */
export const handlebarsRuntime = require('handlebars/runtime') as Env;
const Runtime = handlebarsRuntime;

/** The Handlebars compiler, loaded only when a template is not in the cache. */
let compiler: Env | undefined;
const fullHandlebars = (): Env => (compiler ??= require('handlebars') as Env);

/**
 * Precompiled templates kept on disk, keyed by a hash of the template's text, the compile
 * options and the Handlebars version: an edited template is compiled afresh at the next
 * start (the "edit a template and preview" loop), an unchanged one is loaded without the
 * compiler. The cache lives in the package's node_modules/.cache; when that cannot be
 * written, templates are simply compiled each time.
 */
export function templateCache(packageRoot: string): {
  compile: <T>(
    env: Env,
    source: string,
    options: CompileOptions,
    path: string,
  ) => Handlebars.TemplateDelegate<T>;
} {
  const dir = join(packageRoot, 'node_modules', '.cache', 'karnameh-templates');
  return {
    compile<T>(env: Env, source: string, options: CompileOptions, path: string) {
      const key = createHash('sha256')
        .update(`${Runtime.VERSION}\0${JSON.stringify(options)}\0${source}`)
        .digest('hex')
        .slice(0, 32);
      const file = join(dir, `${key}.js`);
      let code: string | undefined;
      try {
        code = readFileSync(file, 'utf8');
      } catch {
        code = precompile(source, options, path);
        store(dir, file, code);
      }
      const spec: Spec = new Function(`return ${code};`)();
      return env.template(spec) as Handlebars.TemplateDelegate<T>;
    },
  };
}

function precompile(source: string, options: CompileOptions, path: string): string {
  try {
    return String(fullHandlebars().precompile(source, options));
  } catch (error) {
    throw new KarnamehError('internal', `release template ${path}: ${String(error)}`, {
      cause: error,
    });
  }
}

function store(dir: string, file: string, code: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
  } catch {
    // a read-only install: compile each time
  }
}
