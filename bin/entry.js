// Which build of the CLI to load: the bundle dist/cli/cli.js (scripts/build-cli.ts; else
// tsc's dist/functions/cli.js) when the build's stamp
// (dist/build-stamp, written by `npm run build` after tsc) is at least as new as every file
// under functions/, so an edited source is never shadowed by an old build; else the
// sources. KARNAMEH_SOURCES=1 forces the sources.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);

function mtime(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource() {
  const dir = fileURLToPath(new URL('functions/', root));
  let newest = 0;
  let names;
  try {
    names = readdirSync(dir, { recursive: true });
  } catch {
    return 0; // an installed package carries only its build (package.json "files")
  }
  for (const name of names) {
    if (!name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(`${dir}${name}`).mtimeMs);
  }
  return newest;
}

/** The URL of the CLI module to import. */
export function entryModule(env = process.env) {
  const bundle = new URL('dist/cli/cli.js', root);
  const built = mtime(bundle) !== undefined ? bundle : new URL('dist/functions/cli.js', root);
  const sources = new URL('functions/cli.ts', root);
  if (env.KARNAMEH_SOURCES === '1') return sources.href;
  const builtAt = mtime(new URL('dist/build-stamp', root));
  return builtAt !== undefined && builtAt >= newestSource() ? built.href : sources.href;
}
