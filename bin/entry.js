// Which build of the CLI to load: the bundle dist/cli/cli.js (scripts/build-cli.ts; else
// tsc's dist/functions/cli.js) when the build's stamp
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
  const sources = new URL('functions/cli.ts', root);
  if (env.KARNAMEH_SOURCES === '1') return sources.href;
  const builtAt = mtime(new URL('dist/build-stamp', root));
  if (builtAt === undefined || builtAt < newestSource(root)) return sources.href;
  const built = ['dist/cli/cli.js', 'dist/functions/cli.js']
    .map((path) => new URL(path, root))
    .find((url) => mtime(url) !== undefined);
  return (built ?? sources).href;
}
