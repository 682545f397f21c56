/**
 * Cold start: how long importing a module takes in a fresh Node process, and how much
 * memory the process holds afterwards (`rss`, and `heapUsed` after a full GC). Compares
 * the Sheets client karnameh uses (@googleapis/sheets + google-auth-library) with Node alone,
 * and any module given (the functions' entry point). The whole `googleapis` package was
 * measured once and is no longer installed: bench/googleapis-comparison.md.
 *
 *   node bench/cold-start.ts [module-path …] [--runs N]
 *
 * Each figure is the median of N fresh processes (default 7), after one discarded run
 * that warms the file cache; `process ms` is the whole process, spawn to exit, beside
 * `node -e 0`'s. With a module, the first answer of `monthlyRun` is timed too
 * (bench/first-answer.ts).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { formatFirstAnswer, measureFirstAnswers } from './first-answer.ts';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export interface ColdStartTarget {
  label: string;
  /** Import specifiers, loaded together; bare names resolve from the repository root. */
  specifiers: string[];
}

export interface ColdStartFigure {
  label: string;
  runs: number;
  /** Median milliseconds from before the import to after it. */
  importMs: number;
  /** Median milliseconds of the whole process, from spawn to exit (node -e 0 for the baseline). */
  processMs: number;
  /** Median resident set size after the import, MB. */
  rssMb: number;
  /** Median heap in use after the import and a full GC, MB. */
  heapUsedMb: number;
}

/** The comparison karnameh cares about; each module path given is added. */
export function coldStartTargets(...modules: string[]): ColdStartTarget[] {
  const targets: ColdStartTarget[] = [
    { label: 'node -e 0 (baseline)', specifiers: [] },
    {
      label: '@googleapis/sheets + google-auth-library',
      specifiers: ['@googleapis/sheets', 'google-auth-library'],
    },
    {
      // What the framework loads before any user code in any case (its server is Express).
      label: 'functions-framework + express',
      specifiers: ['@google-cloud/functions-framework', 'express'],
    },
  ];
  for (const target of modules) {
    targets.push({
      label: target,
      specifiers: [pathToFileURL(resolve(process.cwd(), target)).href],
    });
  }
  return targets;
}

function childScript(specifiers: string[]): string {
  if (specifiers.length === 0) return '0';
  return [
    'const t = performance.now();',
    ...specifiers.map((s) => `await import(${JSON.stringify(s)});`),
    'const importMs = performance.now() - t;',
    'globalThis.gc();',
    'const m = process.memoryUsage();',
    'process.stdout.write(JSON.stringify({ importMs, rss: m.rss, heapUsed: m.heapUsed }));',
  ].join('\n');
}

interface Sample {
  importMs: number;
  processMs: number;
  rss: number;
  heapUsed: number;
}

/** The baseline is `node -e 0` itself: its import is nothing, its memory that of a bare process. */
const BARE =
  'globalThis.gc(); const m = process.memoryUsage(); process.stdout.write(JSON.stringify({ importMs: 0, rss: m.rss, heapUsed: m.heapUsed }));';

async function sample(specifiers: string[]): Promise<Sample> {
  const started = performance.now();
  const script = childScript(specifiers);
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--input-type=module', '-e', script],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  const processMs = performance.now() - started;
  if (script === '0') {
    const { stdout: bare } = await run(process.execPath, ['--expose-gc', '-e', BARE]);
    return { ...(JSON.parse(bare) as Omit<Sample, 'processMs'>), processMs };
  }
  return { ...(JSON.parse(stdout) as Omit<Sample, 'processMs'>), processMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

const MB = 1024 * 1024;

/**
 * Measures each target in `runs` fresh processes, one process at a time (so they do not
 * compete) and taking turns (so a change in the machine's load falls on all alike).
 */
export async function measureColdStart(
  options: { target?: string; targets?: string[]; runs?: number } = {},
): Promise<ColdStartFigure[]> {
  const runs = Math.max(1, options.runs ?? 7);
  const figures: ColdStartFigure[] = [];
  const modules = options.targets ?? (options.target ? [options.target] : []);
  const targets = coldStartTargets(...modules);
  for (const target of targets) await sample(target.specifiers); // warms the file cache
  const samples: Sample[][] = targets.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [t, target] of targets.entries()) samples[t]?.push(await sample(target.specifiers));
  }
  for (const [t, target] of targets.entries()) {
    const taken = samples[t] ?? [];
    figures.push({
      label: target.label,
      runs,
      importMs: median(taken.map((s) => s.importMs)),
      processMs: median(taken.map((s) => s.processMs)),
      rssMb: median(taken.map((s) => s.rss / MB)),
      heapUsedMb: median(taken.map((s) => s.heapUsed / MB)),
    });
  }
  return figures;
}

/** The figures as a small text table. */
export function formatColdStart(figures: ColdStartFigure[]): string {
  const header = ['module', 'import ms', 'process ms', 'rss MB', 'heapUsed MB'];
  const rows = [
    header,
    ...figures.map((f) => [
      f.label,
      f.importMs.toFixed(0),
      f.processMs.toFixed(0),
      f.rssMb.toFixed(1),
      f.heapUsedMb.toFixed(1),
    ]),
  ];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  const runs = figures[0]?.runs ?? 0;
  return [
    line(header),
    ...rows.slice(1).map(line),
    `(median of ${runs} fresh processes each, Node ${process.version})`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : undefined;
  const targets = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
  const figures = await measureColdStart({ targets, runs });
  process.stdout.write(`${formatColdStart(figures)}\n`);
  const answers = await measureFirstAnswers(targets, Math.min(runs ?? 5, 5));
  for (const [i, target] of targets.entries()) {
    const first = answers[i];
    if (first) process.stdout.write(`${formatFirstAnswer(target, first)}\n`);
  }
}
