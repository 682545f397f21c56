/**
 * The command line as a few ES modules in dist/cli/ (part of `npm run build`, so of `npm ci`).
 *
 * Why: a dry run of the bundled example spent about 150 ms and 30 MB loading some 200
 * separate modules, most of them zod's (its whole namespace, locales included, 750 KB).
 * esbuild bundles karnameh's own code with zod and fraction.js, keeps only what is used
 * (zod's namespace import is tree-shaken to about a quarter), and splits at each lazy
 * import, so a command still loads only what it needs (the Sheets store, SMTP, `init`,
 * `check`, `remind`). The other packages stay in node_modules, loaded as they are: they are
 * CommonJS, or large and seldom needed (the Google client), and bundling them gains little.
 *
 * bin/karnameh.js runs dist/cli/cli.js only while dist/build-stamp is newer than every
 * source file (bin/entry.js); an edited source runs from the sources until the next build.
 */
import { build, type Plugin } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages bundled in: pure ES modules whose import cost is mostly unused code. */
const BUNDLED = /^(zod|fraction\.js)(\/|$)/;

/** Every other package (and node: built-ins) stays an import resolved from node_modules. */
const keepPackagesOutside: Plugin = {
  name: 'keep-packages-outside',
  setup(on) {
    on.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles the command line into `outdir` (emptied first); its entry is `<outdir>/cli.js`. */
export async function buildCli(outdir: string = `${ROOT}dist/cli`): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { cli: `${ROOT}functions/cli/main.ts` },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    plugins: [keepPackagesOutside],
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
