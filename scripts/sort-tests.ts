// Moves the test files to where scripts/test-layout.ts says (issue 21, item 5) and mends the paths that named them.
/*
 * node scripts/sort-tests.ts            apply the table: git mv, then mend paths; idempotent
 * node scripts/sort-tests.ts --dry-run  say what it would do, change nothing
 * node scripts/sort-tests.ts --suggest  also draft a place for every test file the table and
 *                                       the mirror do not account for (to copy into the table)
 * Entries whose old file is gone (moved or deleted on another branch) are skipped and named;
 * test files at neither a mirrored path nor under test/scenarios/ are named as unmatched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import {
  danglingMentions,
  mendCodeFile,
  mendRootedFile,
  oldNameMentions,
  type RefContext,
} from './sort-tests-refs.ts';
import { mirroredSources, TEST_MOVES } from './test-layout.ts';

const ROOT = join(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const dryRun = args.has('--dry-run');
const ctx: RefContext = { root: ROOT, moves: TEST_MOVES };
const at = (path: string): string => join(ROOT, path);
/** This tool's own files, which name the old paths on purpose. */
const SELF = ['scripts/test-layout.ts', 'scripts/sort-tests.ts', 'scripts/sort-tests-refs.ts'];

/** Every file under a folder, repository-relative, without node_modules. */
function filesUnder(folder: string): string[] {
  if (!existsSync(at(folder))) return [];
  return readdirSync(at(folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes('node_modules'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The table applied with `git mv`; returns the files moved in this pass (new → old). */
function applyMoves(): Map<string, string> {
  const movedNow = new Map<string, string>();
  for (const [from, to] of Object.entries(TEST_MOVES)) {
    const hasFrom = existsSync(at(from));
    const hasTo = existsSync(at(to));
    if (hasFrom && hasTo) console.log(`conflict, both exist: ${from} and ${to}`);
    else if (!hasFrom && !hasTo) console.log(`skipped, gone: ${from}`);
    else if (hasFrom) {
      console.log(`move ${from} → ${to}`);
      if (dryRun) continue;
      mkdirSync(dirname(at(to)), { recursive: true });
      execFileSync('git', ['mv', from, to], { cwd: ROOT });
      movedNow.set(to, from);
    }
  }
  return movedNow;
}

/** Removes the folders of test/ that the moves left empty. */
function pruneEmpty(folder: string): void {
  for (const entry of readdirSync(at(folder), { withFileTypes: true })) {
    if (entry.isDirectory()) pruneEmpty(join(folder, entry.name));
  }
  if (readdirSync(at(folder)).length === 0) rmdirSync(at(folder));
}

/** Relative literals in code, then repo-rooted mentions in docs and configuration; returns the files changed. */
function mendReferences(movedNow: Map<string, string>): string[] {
  const changed: string[] = [];
  const previous = new Map(Object.entries(TEST_MOVES).map(([from, to]) => [to, from]));
  const code = ['test', 'bench', 'scripts']
    .flatMap(filesUnder)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.startsWith('test/fixtures/'));
  for (const file of code) {
    const old = movedNow.get(file) ?? previous.get(file) ?? file;
    if (mendCodeFile(ctx, file, old, movedNow.has(file))) changed.push(file);
    if (movedNow.has(file) && OWN_FOLDER.test(readFileSync(at(file), 'utf8'))) {
      console.log(`check by hand: ${file} builds paths from its own folder (not mended)`);
    }
  }
  const rooted = [
    ...filesUnder('docs'),
    ...filesUnder('.ci'),
    ...filesUnder('functions'),
    ...code,
    'README.md',
    'package.json',
    'vitest.config.ts',
  ].filter((f) => !SELF.includes(f) && existsSync(at(f)) && statSync(at(f)).isFile());
  for (const file of rooted) {
    if (mendRootedFile(ctx, file)) changed.push(file);
  }
  const outsideTest = rooted.filter((f) => !f.startsWith('test/'));
  for (const line of outsideTest.flatMap((f) => danglingMentions(ctx, f))) {
    console.log(`names nothing: ${line}`);
  }
  for (const line of rooted.flatMap((f) => oldNameMentions(ctx, f))) {
    console.log(`old name: ${line}`);
  }
  return [...new Set(changed)];
}

/** Lines of a mended import may now be too long or too short: prettier puts them right. */
function format(files: readonly string[]): void {
  for (const file of files) console.log(`mended paths in ${file}`);
  if (files.length === 0) return;
  execFileSync(
    join(ROOT, 'node_modules/.bin/prettier'),
    ['--write', '--log-level=warn', ...files],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Paths built from a file's own place without a relative literal the mending can read. */
const OWN_FOLDER = /import\.meta\.dirname|__dirname|fileURLToPath\(import\.meta\.url\),/;

const SCENARIO_SIGNS =
  /\bspawn\(|\bexecFile\(|\bfork\(|smtp-server|startSmtp|playwright|phone-browser|contract-stores|bin\/karnameh|\bkarnameh\(|startBench\(/;

/** A first guess at a file's place: a scenario if it shows a sign of one, else beside the source its name best matches. */
function suggest(file: string): string {
  const name = basename(file).replace(/\.test\.ts$|\.ts$/, '');
  if (!file.endsWith('.test.ts')) return `test/support/${basename(file)}`;
  const text = readFileSync(at(file), 'utf8');
  const topic = dirname(file).split('/')[1] ?? 'misc';
  if (SCENARIO_SIGNS.test(text)) return `test/scenarios/${topic}/${basename(file)}`;
  const imported = [...text.matchAll(/['"]((?:\.\.\/)+functions\/[^'"]+)\.ts['"]/g)].map((m) =>
    join(dirname(file), m[1] ?? ''),
  );
  const words = new Set(name.split(/[-.]/));
  const score = (src: string) =>
    basename(src)
      .split('-')
      .filter((w) => words.has(w)).length;
  const best = imported.sort((a, b) => score(b) - score(a))[0];
  if (!best) return `(no source imported) ${file}`;
  const srcName = basename(best);
  const aspect = name === srcName ? '' : `.${name.replace(`${srcName}-`, '')}`;
  return `${dirname(best).replace(/^functions/, 'test')}/${srcName}${aspect}.test.ts`;
}

/** Counts, and the test files the mirror does not account for. */
function report(): void {
  const tests = filesUnder('test').filter((f) => f.endsWith('.test.ts'));
  const scenarios = tests.filter((f) => f.startsWith('test/scenarios/'));
  const mirrored = tests.filter((f) => mirroredSources(f)?.some((s) => existsSync(at(s))));
  const unmatched = tests.filter((f) => !scenarios.includes(f) && !mirrored.includes(f));
  const loose = filesUnder('test').filter(
    (f) =>
      f.endsWith('.ts') &&
      !f.endsWith('.test.ts') &&
      !/^test\/(support|fixtures|scenarios)\//.test(f),
  );
  for (const f of [...unmatched, ...loose]) console.log(`unmatched: ${f}  (suggest ${suggest(f)})`);
  if (args.has('--suggest')) {
    for (const f of tests.filter((t) => !t.startsWith('test/scenarios/'))) {
      console.log(`suggest: '${f}': '${suggest(f)}',`);
    }
  }
  console.log(
    `unit tests mirrored: ${mirrored.length}, scenarios: ${scenarios.length}, unmatched tests: ${unmatched.length}, scaffolding outside test/support: ${loose.length}`,
  );
}

const movedNow = applyMoves();
if (!dryRun) {
  pruneEmpty('test');
  format([...new Set([...movedNow.keys(), ...mendReferences(movedNow)])]);
}
report();
