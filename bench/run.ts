/**
 * The benchmark table: `npm run bench` (node bench/run.ts), or `node bench/run.ts --quick`
 * for a smoke check on small sizes with fewer runs; `--only WORDS` measures only the steps
 * whose name contains WORDS (`npm run bench -- --only "issue 10"`). Every time is a median of several runs;
 * figures with a target say `ok` or `OVER`. The machine's load is printed with the table,
 * since other work on the same machine slows everything down.
 *
 *   check + compute       2,000 agencies × 20 indicators × 24 months   target < 1 s
 *   CLI run / dry run     bundled example, child process               target < 2 s
 *   xlsx read             2,000-agency workbook                        informative
 *   Sheets read + write   2,000 agencies, stand-in                     informative; ≤ 3 calls, ≤ 2 MB
 *   open / close a month  200 agencies, guard included, stand-in       ≤ 4 Sheets calls each
 *   render a release      after warm-up                                target < 20 ms
 *   render agency cards   every card of the example (110)              target < 300 ms
 *   delivery journal      per message: 2 lines, each fdatasync'd       informative
 *   public site           the example's four months, top and all       target < 1 s
 *   infographic           the example's Tir picture: SVG, then PNG       target PNG < 200 ms
 *   cold start            functions' entry, sources and dist/          target < 200 ms, < 120 MB
 *   issue 10 (child processes, peak memory; bench/xlsx-targets.ts):
 *     real run 2,000 × 20 × 24     ≤ 0.4 × openpyxl's read-only read of the file, ≤ 500 MB
 *     check 5,000 × 20 × 24        < 1 GB
 *     example dry run              ≤ 0.5 s, ≤ 100 MB
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { cliFigures } from './cli-figures.ts';
import { entryFigures } from './entry-figures.ts';
import { coreFigures, type Size } from './core-figures.ts';
import { journalFigures } from './journal-cost.ts';
import { formatTable, verdict, type Figure } from './measure.ts';
import { renderCardsFigures } from './render-cards.ts';
import { siteFigures } from './site-figures.ts';
import { infographicFigures } from './render-infographic.ts';
import { coldStartFigures, renderFigures } from './start-figures.ts';
import { sheetsFigures, xlsxFigures } from './store-figures.ts';
import { xlsxTargetFigures } from './xlsx-targets.ts';

export interface BenchPlan {
  size: Size;
  /** The `check` memory target's workbook. */
  hugeSize: Size;
  /** Runs per in-process figure. */
  runs: number;
  /** Runs per child-process figure (CLI, cold start). */
  processRuns: number;
  renderIterations: number;
  dist: boolean;
}

export const FULL: BenchPlan = {
  size: { agencies: 2000, months: 24 },
  hugeSize: { agencies: 5000, months: 24 },
  runs: 5,
  processRuns: 7,
  renderIterations: 200,
  dist: true,
};

export const QUICK: BenchPlan = {
  size: { agencies: 200, months: 6 },
  hugeSize: { agencies: 500, months: 6 },
  runs: 3,
  processRuns: 3,
  renderIterations: 50,
  dist: false,
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

export async function runBench(
  plan: BenchPlan,
  progress: (line: string) => void = () => {},
  only?: string,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const step = async (what: string, measure: () => Promise<Figure[]> | Figure[]) => {
    if (only !== undefined && !what.includes(only)) return;
    progress(`${what}…`);
    const start = performance.now();
    try {
      figures.push(...(await measure()));
    } catch (error) {
      notes.push(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    progress(`${what}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  await step('check + compute', () => coreFigures(plan.size, plan.runs));
  await step('CLI on the example', () => cliFigures(plan.processRuns));
  await step('xlsx read', () => xlsxFigures(plan.size, plan.runs));
  await step('Sheets store', () => sheetsFigures(plan.size, plan.runs));
  await step('issue 22: open and close a month', () => entryFigures(plan.runs));
  await step('render', () => renderFigures(plan.runs, plan.renderIterations));
  await step('issue 10 targets (xlsx run, check, dry run)', () =>
    xlsxTargetFigures(plan.size, plan.hugeSize, Math.min(3, plan.processRuns), notes),
  );
  await step('agency cards', () => renderCardsFigures(plan.runs));
  await step('delivery journal', () => journalFigures(plan.runs));
  await step('public site', () => siteFigures(plan.runs));
  await step('infographic', () => infographicFigures(plan.runs));
  await step('cold start', async () => {
    const started = await coldStartFigures({ runs: plan.processRuns, dist: plan.dist });
    notes.push(...started.notes);
    return started.figures;
  });
  return { figures, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const plan = quick ? QUICK : FULL;
  const loadBefore = load();
  const started = performance.now();
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
  const { figures, notes } = await runBench(
    plan,
    (line) => process.stderr.write(`bench: ${line}\n`),
    only,
  );
  const out = [
    `karnameh bench${quick ? ' --quick' : ''}: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free)`,
    `load average (1/5/15 min): ${loadBefore} before, ${load()} after; took ${((performance.now() - started) / 1000).toFixed(0)} s`,
    '',
    formatTable(figures),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `note: ${n}`)] : []),
    '',
  ];
  process.stderr.write('\n');
  process.stdout.write(out.join('\n'));
  const over = figures.filter((f) => verdict(f) === 'OVER');
  if (over.length > 0) {
    process.stdout.write(`\nover target: ${over.map((f) => f.name).join('; ')}\n`);
  }
}
