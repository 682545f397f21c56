/**
 * Which build bin/karnameh.js runs (bin/entry.js): dist/ only while its stamp
 * (scripts/build-stamp.ts) says it is a whole build of the sources as they are now; the
 * TypeScript sources otherwise. Each case is a package laid out in a temp folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { entryModule } from '../../../bin/entry.js';
import { beginBuild, endBuild } from '../../../scripts/build-stamp.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A package folder with `files` (path → text); returns its root. */
function lay(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'karnameh-entry-'));
  roots.push(root);
  for (const path of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `// ${path}\n`);
  }
  return root;
}

const SOURCES = ['functions/cli/main.ts', 'functions/core/score.ts'];
/** What bin/entry.js picks in `root`, relative to it. */
const picked = (root: string, env: NodeJS.ProcessEnv = {}): string =>
  fileURLToPath(entryModule(env, pathToFileURL(`${root}/`))).slice(root.length + 1);

/** A build as `npm run build` leaves it: the stamp dated before the files it wrote. */
function built(root: string, outputs: string[] = ['dist/cli/cli.js']): void {
  beginBuild(join(root, 'dist'));
  for (const path of outputs) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
  endBuild(join(root, 'dist'));
}

describe('bin/entry.js', () => {
  it('runs the bundle of a build newer than the sources, the sources when asked', () => {
    const root = lay(SOURCES);
    built(root, ['dist/functions/cli/main.js', 'dist/cli/cli.js']);
    expect(picked(root)).toBe('dist/cli/cli.js');
    expect(picked(root, { KARNAMEH_SOURCES: '1' })).toBe('functions/cli/main.ts');
    rmSync(join(root, 'dist/cli'), { recursive: true });
    expect(picked(root)).toBe('dist/functions/cli/main.js');
  });

  it('runs the sources when the build was deleted and only its stamp is left', () => {
    const root = lay(SOURCES);
    built(root);
    rmSync(join(root, 'dist/cli'), { recursive: true });
    expect(picked(root)).toBe('functions/cli/main.ts');
  });

  it('runs the sources while a build is under way or after one was killed halfway', () => {
    const root = lay(SOURCES);
    built(root);
    beginBuild(join(root, 'dist')); // the next build starts, emptying dist/cli…
    writeFileSync(join(root, 'dist/cli/cli.js'), ''); // …and is killed while writing
    expect(picked(root)).toBe('functions/cli/main.ts');
  });

  it('counts a source saved while the build ran as newer than the build', () => {
    const root = lay(SOURCES);
    beginBuild(join(root, 'dist'));
    const started = new Date(Date.now() - 60_000); // a build that began a minute ago
    utimesSync(join(root, 'dist/build-stamp.next'), started, started);
    writeFileSync(join(root, 'functions/core/score.ts'), '// edited during the build\n');
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    writeFileSync(join(root, 'dist/cli/cli.js'), '');
    endBuild(join(root, 'dist'));
    expect(picked(root)).toBe('functions/cli/main.ts');
  });

  it('counts a source copied in with its old date (cp -p) as changed', () => {
    const root = lay(SOURCES);
    built(root);
    // The file system's clock ticks coarsely (a few ms): the change comes a tick later than
    // the stamp, as any real one does.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    expect(picked(root)).toBe('dist/cli/cli.js');
    const copied = join(root, 'functions/core/score.ts');
    writeFileSync(copied, '// restored from a backup\n');
    utimesSync(copied, new Date('2024-01-01'), new Date('2024-01-01'));
    expect(picked(root)).toBe('functions/cli/main.ts');
  });

  it('runs the build of an installed package, which has no sources', () => {
    const root = lay([]);
    built(root);
    expect(picked(root)).toBe('dist/cli/cli.js');
  });
});

describe('npm run build and the package', () => {
  it('stamps the build first thing and last thing', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const steps = scripts.build?.split(' && ') ?? [];
    expect(steps[0]).toBe('node scripts/build-stamp.ts begin');
    expect(steps.at(-1)).toBe('node scripts/build-stamp.ts end');
  });

  it('ships the example that init --example copies', () => {
    const listing = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [pack] = JSON.parse(listing) as { files: { path: string }[] }[];
    const paths = pack?.files.map((f) => f.path) ?? [];
    expect(paths).toContain('examples/ilam-1403.xlsx');
    expect(paths).toContain('dist/cli/cli.js');
    expect(paths).toContain('bin/karnameh.js');
  });
});

describe('a partly deleted build (bin/entry.js loadCli)', () => {
  /** A package with this entry.js, sources answering `sources`, and a build of dist/cli/cli.js that imports a chunk. */
  function layBroken(withSources: boolean): string {
    const root = lay(withSources ? SOURCES : []);
    if (withSources)
      writeFileSync(join(root, 'functions/cli/main.ts'), "export const main = 'sources';\n");
    mkdirSync(join(root, 'bin'), { recursive: true });
    writeFileSync(join(root, 'bin/entry.js'), readFileSync(join(ROOT, 'bin/entry.js')));
    built(root, ['dist/cli/cli.js']);
    writeFileSync(
      join(root, 'dist/cli/cli.js'),
      "import './chunk-ab12.js';\nexport const main = 'build';\n",
    );
    return root;
  }
  it('runs the sources with a hint, not a bare "Cannot find module"', () => {
    const root = layBroken(true);
    expect(picked(root)).toBe('dist/cli/cli.js');
    const result = spawnStderr(root);
    expect(result.stdout.trim()).toBe('sources');
    expect(result.stderr).toContain('the build in dist/ is incomplete');
    expect(result.stderr).toContain('chunk-ab12.js');
    expect(result.stderr).toContain('npm run build');
  });

  it('an installed package (no sources) says how to mend the build', () => {
    const result = spawnStderr(layBroken(false));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('the build in dist/ is incomplete');
    expect(result.stderr).toContain('npm run build');
  });

  /** Loads the CLI through loadCli in a real Node process: its stdout, stderr and exit code. */
  function spawnStderr(root: string) {
    const script = `const { loadCli } = await import(${JSON.stringify(pathToFileURL(join(root, 'bin/entry.js')).href)});
const m = await loadCli({}, undefined, (line) => process.stderr.write(line));
console.log(m.main);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    return { stdout: run.stdout, stderr: run.stderr, code: run.status };
  }
});
