// Which build of the CLI to load: the bundle dist/cli/cli.js (scripts/build-cli.ts; else
// tsc's dist/functions/cli/main.js) when the build's stamp
// (dist/build-stamp, put there by `npm run build` once tsc and esbuild succeeded, dated to
// the build's start: scripts/build-stamp.ts) is at least as new as every file under
// functions/, so an edited source is never shadowed by an old build (nor a build killed
// halfway run); else the sources. KARNAMEH_SOURCES=1 forces the sources.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = new URL('..', import.meta.url);

function mtime(url) {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource(root) {
  const dir = fileURLToPath(new URL('functions/', root));
  let newest = 0;
  let names;
  try {
    names = readdirSync(dir, { recursive: true });
  } catch {
    return 0; // an installed package carries only its build (package.json "files")
  }
  // ctime too: a file copied in with its old date (cp -p, rsync -a, an unpacked archive)
  // or moved in is as new as the change, whatever its mtime says.
  for (const name of names) {
    if (!name.endsWith('.ts')) continue;
    const stat = statSync(`${dir}${name}`, { throwIfNoEntry: false });
    if (stat !== undefined) newest = Math.max(newest, stat.mtimeMs, stat.ctimeMs);
  }
  return newest;
}

/**
 * The URL of the CLI module to import. A stamp without its build (dist/cli and
 * dist/functions deleted by hand) also runs the sources.
 */
export function entryModule(env = process.env, root = packageRoot) {
  const sources = new URL('functions/cli/main.ts', root);
  if (env.KARNAMEH_SOURCES === '1') return sources.href;
  const builtAt = mtime(new URL('dist/build-stamp', root));
  if (builtAt === undefined || builtAt < newestSource(root)) return sources.href;
  const built = ['dist/cli/cli.js', 'dist/functions/cli/main.js']
    .map((path) => new URL(path, root))
    .find((url) => mtime(url) !== undefined);
  return (built ?? sources).href;
}

/**
 * Imports the CLI module (`entryModule`). A build that is there but partly deleted (a chunk
 * or a module of dist/ missing) fails with a bare "Cannot find module": then the sources
 * run instead, with one line saying why and how to mend the build; an installed package
 * (no sources) gets that line and the failure. `warn` writes the line.
 */
export async function loadCli(env = process.env, root = packageRoot, warn = () => undefined) {
  const entry = entryModule(env, root);
  try {
    return await import(entry);
  } catch (error) {
    const sources = new URL('functions/cli/main.ts', root);
    const fromBuild = entry.startsWith(new URL('dist/', root).href);
    if (!fromBuild || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(String(error?.message))?.[1];
    const hint =
      `the build in dist/ is incomplete${missing ? ` (${missing} is missing)` : ''}: ` +
      'run `npm run build` again, or delete the dist folder';
    if (mtime(sources) === undefined) {
      throw new Error(`karnameh: ${hint}; then run karnameh again`, { cause: error });
    }
    warn(`karnameh warning: ${hint}; running the sources meanwhile\n`);
    return import(sources.href);
  }
}
