/**
 * The targets of issue 10, each in a fresh process as a person runs it, with peak memory:
 *   real run 2,000 × 20 × 24 (read, check, compute, write, three .eml files)
 *       ≤ 0.4 × the time openpyxl's read-only mode takes merely to read the same file, ≤ 500 MB
 *   check 5,000 × 24                                   < 1 GB
 *   the example's dry run                              ≤ 0.5 s wall, ≤ 100 MB
 * openpyxl is found as `python3` or Debian's /usr/bin/python3 (python3-openpyxl); without it
 * the comparison is skipped with a line saying so.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { entryModule } from '../bin/entry.js';
import { lastMonth, type Size } from './core-figures.ts';
import { makeLargeWorkbook } from './large-workbook.ts';
import { median, type Figure } from './measure.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BIN = join(ROOT, 'bin', 'karnameh.js');
const EXAMPLE = join(ROOT, 'examples', 'ilam-1403.xlsx');
/**
 * Prints the process's peak resident memory (kB) and CPU time (µs) on exit, for the parent to
 * read. The peak is VmHWM from /proc/self/status, the high-water mark of this program's own
 * memory: getrusage's maxRSS (process.resourceUsage) also counts the moment between fork and
 * exec, when the child is still a copy of the parent, so under a large parent (this bench,
 * after it built a 2,000-agency workbook) even `node -e 0` read 122 MB.
 */
const PEAK = `import { readFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  let peak = u.maxRSS;
  try { peak = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? peak); } catch {}
  process.stderr.write('\\npeak-rss ' + peak + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n');
});
`;

interface Timed {
  ms: number;
  peakMb: number;
  /** User + system CPU time of the child, ms: less moved by other work on the machine than the wall time. */
  cpuMs: number;
  stderr: string;
}

/** The 1-minute load average, for the detail of a figure measured now. */
const loadNow = (): string => `load ${loadavg()[0]?.toFixed(2) ?? '?'}`;

function timedNode(args: string[], cwd: string, script: string[] = [BIN]): Promise<Timed> {
  const dropped = new Set(['SMTP_URL', 'MAIL_FROM', 'KARNAMEH_WORKBOOK', 'KARNAMEH_SHEET']);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.has(key))),
    NODE_OPTIONS: `--import=${join(cwd, 'peak-rss.mjs')}`,
  };
  const start = performance.now();
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [...script, ...args],
      { cwd, env, maxBuffer: 64 << 20 },
      (error, _out, stderr) => {
        const ms = performance.now() - start;
        const [, peak, cpu] = /peak-rss (\d+) cpu (\d+)/.exec(stderr) ?? [];
        if (error && error.code !== 1) fail(new Error(`${args[0]} failed: ${stderr.slice(-400)}`));
        else {
          const peakMb = (Number(peak ?? Number.NaN) * 1024) / 1e6; // kB (KiB) to MB
          done({ ms, peakMb, cpuMs: Number(cpu ?? Number.NaN) / 1000, stderr });
        }
      },
    );
  });
}

const OPENPYXL = `
import sys, time
from openpyxl import load_workbook
t = time.perf_counter()
wb = load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += 1
wb.close()
print(time.perf_counter() - t, n)
`;

async function openpyxlSeconds(path: string): Promise<number | string> {
  for (const python of ['python3', '/usr/bin/python3']) {
    const seconds = await new Promise<number | undefined>((done) => {
      execFile(python, ['-c', OPENPYXL, path], { maxBuffer: 1 << 20 }, (error, out) =>
        done(error ? undefined : Number(out.split(' ')[0])),
      );
    });
    if (seconds !== undefined && Number.isFinite(seconds)) return seconds;
  }
  return 'openpyxl not found (python3 -c "import openpyxl" fails; apt-get install python3-openpyxl): the 0.4 × openpyxl comparison is skipped';
}

/** `runs` runs: the median wall time, CPU time and peak memory (each its own median), and the largest peak. */
async function bestOf<T extends Timed>(
  runs: number,
  once: () => Promise<T>,
): Promise<T & { all: number[]; maxPeakMb: number }> {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const all = results.map((r) => r.ms);
  const mid = median(all);
  const chosen = results.reduce((a, b) => (Math.abs(b.ms - mid) < Math.abs(a.ms - mid) ? b : a));
  const peaks = results.map((r) => r.peakMb);
  return {
    ...chosen,
    all,
    ms: mid,
    cpuMs: median(results.map((r) => r.cpuMs)),
    peakMb: median(peaks),
    maxPeakMb: Math.max(...peaks),
  };
}

/**
 * The example's dry run, with a bare Node start beside it, in a folder of the project (as a
 * person keeps a workbook and its outbox), not in os.tmpdir(): on the machines these figures
 * come from, creating a file under /tmp costs about 1 ms against 0.1 ms elsewhere on the
 * same disk, which alone adds some 0.2 s for the 220 card previews.
 */
async function dryRunFigures(runs: number): Promise<Figure[]> {
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'karnameh-bench-dry-'));
  try {
    await writeFile(join(dir, 'peak-rss.mjs'), PEAK);
    return await dryRunIn(dir, runs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function dryRunIn(dir: string, runs: number): Promise<Figure[]> {
  const example = join(dir, 'ilam-1403.xlsx');
  await copyFile(EXAMPLE, example);
  const dryArgs = ['run', '--workbook', example, '--month', '1403-04', '--dry-run'];
  const dryRun = () => timedNode([...dryArgs, '--outbox', join(dir, 'o')], dir);
  await dryRun(); // the first start fills the caches (compiled code, precompiled templates)
  // Node's own start, measured alongside: the dry run as a multiple of it is less moved by
  // the machine's load than the wall time alone.
  const bare = await bestOf(runs, () => timedNode([], dir, ['-e', '0']));
  const dry = await bestOf(runs, dryRun);
  const load = loadNow();
  return [
    {
      name: 'example dry run, wall (child process)',
      value: dry.ms,
      unit: 'ms',
      target: 500,
      runs,
      detail: `all: ${dry.all.map((t) => t.toFixed(0)).join(', ')} ms; ${load}`,
    },
    {
      name: 'example dry run, CPU (user + system)',
      value: dry.cpuMs,
      unit: 'ms',
      runs,
      detail: `bare \`node -e 0\` ${bare.cpuMs.toFixed(0)} ms CPU; ${load}`,
    },
    {
      name: 'example dry run as a multiple of a bare Node start (wall)',
      value: dry.ms / bare.ms,
      unit: 'ratio',
      runs,
      detail: `bare \`node -e 0\` ${bare.ms.toFixed(0)} ms wall, ${bare.peakMb.toFixed(0)} MB`,
    },
    {
      name: 'example dry run, peak memory',
      value: dry.peakMb,
      unit: 'MB',
      target: 100,
      runs,
      detail: `largest ${dry.maxPeakMb.toFixed(1)} MB`,
    },
  ];
}

export async function xlsxTargetFigures(
  large: Size,
  huge: Size,
  runs: number,
  notes: string[],
): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-bench-targets-'));
  const figures: Figure[] = [];
  notes.push(
    entryModule().includes('/dist/')
      ? 'issue 10 targets: bin/karnameh.js ran the build in dist/'
      : 'issue 10 targets: bin/karnameh.js ran the TypeScript sources (dist/ missing or older than functions/: npm run build)',
  );
  try {
    await writeFile(join(dir, 'peak-rss.mjs'), PEAK);
    // First, while this process is still small: the example's dry run.
    figures.push(...(await dryRunFigures(Math.max(5, runs))));
    const largePath = join(dir, 'large.xlsx');
    await makeLargeWorkbook(largePath, large);
    const month = lastMonth(large.months);
    // openpyxl and the run in turns, the ratio taken pair by pair: a change in the machine's
    // load during the bench then moves both sides of a ratio alike.
    const pairs: { openpyxl: number | string; run: Timed }[] = [];
    for (let i = 0; i < runs; i++) {
      const openpyxl = await openpyxlSeconds(largePath);
      const copy = join(dir, 'run.xlsx');
      await copyFile(largePath, copy);
      const outbox = join(dir, `outbox-${Math.random().toString(36).slice(2)}`);
      const run = await timedNode(
        ['run', '--workbook', copy, '--month', month, '--outbox', outbox, '--allow-incomplete'],
        dir,
      );
      pairs.push({ openpyxl, run });
    }
    const label = `${large.agencies} × 20 × ${large.months}`;
    const runMs = pairs.map((p) => p.run.ms);
    const peaks = pairs.map((p) => p.run.peakMb);
    const reads = pairs.flatMap((p) => (typeof p.openpyxl === 'number' ? [p.openpyxl * 1000] : []));
    if (reads.length === pairs.length) {
      const ratios = pairs.map((p) => p.run.ms / (Number(p.openpyxl) * 1000));
      figures.push({
        name: `openpyxl read-only read, ${label} (reference)`,
        value: median(reads),
        unit: 'ms',
        runs,
        detail: `load_workbook(read_only=True) and every row, timed inside Python; all: ${reads.map((t) => t.toFixed(0)).join(', ')} ms`,
      });
      figures.push({
        name: `real run ${label} as a share of that openpyxl read`,
        value: median(ratios),
        unit: 'ratio',
        target: 0.4,
        runs,
        detail: `pair by pair: ${ratios.map((r) => r.toFixed(2)).join(', ')} (child process, three .eml files)`,
      });
    } else notes.push(String(pairs.find((p) => typeof p.openpyxl === 'string')?.openpyxl));
    figures.push(
      {
        name: `real run ${label}, wall`,
        value: median(runMs),
        unit: 'ms',
        runs,
        detail: `all: ${runMs.map((t) => t.toFixed(0)).join(', ')} ms; ${loadNow()}`,
      },
      {
        name: `real run ${label}, peak memory`,
        value: median(peaks),
        unit: 'MB',
        target: 500,
        runs,
        detail: `largest ${Math.max(...peaks).toFixed(0)} MB`,
      },
    );
    const hugePath = join(dir, 'huge.xlsx');
    await makeLargeWorkbook(hugePath, huge);
    const check = await bestOf(1, () =>
      timedNode(['check', '--workbook', hugePath, '--month', lastMonth(huge.months)], dir),
    );
    figures.push(
      {
        name: `check ${huge.agencies} × 20 × ${huge.months}, wall`,
        value: check.ms,
        unit: 'ms',
        runs: 1,
      },
      {
        name: `check ${huge.agencies} × 20 × ${huge.months}, peak memory`,
        value: check.peakMb,
        unit: 'MB',
        target: 1024,
        runs: 1,
      },
    );
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const notes: string[] = [];
  const quick = process.argv.includes('--quick');
  const figures = await xlsxTargetFigures(
    quick ? { agencies: 200, months: 6 } : { agencies: 2000, months: 24 },
    quick ? { agencies: 500, months: 6 } : { agencies: 5000, months: 24 },
    quick ? 1 : 3,
    notes,
  );
  for (const f of figures)
    console.log(
      `${f.name}: ${f.value.toFixed(f.unit === 'ratio' ? 3 : 0)} ${f.unit}${f.target ? ` (target ${f.target})` : ''} ${f.detail ?? ''}`,
    );
  for (const n of notes) console.log(`note: ${n}`);
}
