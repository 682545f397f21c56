/** Precompiled Handlebars templates cached on disk, so an unchanged template loads without the compiler. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { KarnamehError } from '../../core/contract/errors.ts';

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
  /** `source` precompiled (or from the cache) into `env`; `what` names it in an error. */
  compile: <T>(
    env: Env,
    source: string,
    options: CompileOptions,
    what: string,
  ) => Handlebars.TemplateDelegate<T>;
} {
  const dir = join(packageRoot, 'node_modules', '.cache', 'karnameh-templates');
  return {
    compile<T>(env: Env, source: string, options: CompileOptions, what: string) {
      const key = createHash('sha256')
        .update(`${Runtime.VERSION}\0${JSON.stringify(options)}\0${source}`)
        .digest('hex')
        .slice(0, 32);
      // A CommonJS module, loaded with require: Node's compile cache (bin/karnameh.js) then
      // keeps its compiled code too, where evaluating the text would compile it each start.
      const file = join(dir, `${key}.cjs`);
      let spec: Spec;
      try {
        spec = require(file) as Spec;
      } catch {
        // not compiled before (or a damaged cache file): compiled now, kept for the next start
        const code = precompile(source, options, what);
        store(dir, file, `module.exports = ${code};\n`);
        spec = evaluate(code);
      }
      return env.template(spec) as Handlebars.TemplateDelegate<T>;
    },
  };
}

const evaluate = (code: string): Spec => new Function(`return ${code};`)();

function precompile(source: string, options: CompileOptions, what: string): string {
  try {
    // A copy: Handlebars adds its defaults (data: true) to the options it is given, which
    // would change the key of every later template compiled with the same options object.
    return String(fullHandlebars().precompile(source, { ...options }));
  } catch (error) {
    throw new KarnamehError('internal', `${what}: ${String(error)}`, {
      cause: error,
    });
  }
}

/**
 * The template file at `path`, read now and compiled through the cache of the package at
 * `root` into `env` (a `handlebarsRuntime.create()`): the compiler is loaded only for a
 * template not compiled before. A file that cannot be read or compiled is an `internal`
 * error naming it (`what template path: …`).
 */
export function loadTemplate<T>(
  env: Env,
  root: string,
  path: string,
  options: CompileOptions,
  what: string,
): Handlebars.TemplateDelegate<T> {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KarnamehError('internal', `${what} template ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  return templateCache(root).compile<T>(env, source, options, `${what} template ${path}`);
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
