/**
 * Cold start of the functions' entry (bench/cold-start.ts) from the TypeScript sources and,
 * when it builds, from dist/ (the whole `googleapis` package, measured once:
 * bench/googleapis-comparison.md). And rendering time per message (bench/render-release.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { measureColdStart, type ColdStartFigure } from './cold-start.ts';
import { median, type Figure } from './measure.ts';
import { benchRenderRelease } from './render-release.ts';

const exec = promisify(execFile);
const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** The functions' entry: functions/index.ts when there is one, else the Sheets store. */
export function entryModule(): string {
  return existsSync(join(ROOT, 'functions', 'index.ts'))
    ? 'functions/index.ts'
    : 'functions/adapters/google-sheets/sheets-store.ts';
}

export function renderFigures(runs: number, iterations: number): Figure[] {
  const results = Array.from({ length: runs }, () => benchRenderRelease({ iterations }));
  const last = results.at(-1);
  return [
    {
      name: 'render one release (HTML, text, CSV, infographic SVG) after warm-up',
      value: median(results.map((r) => r.msPerMessage)),
      unit: 'ms',
      target: 20,
      runs,
      detail: `mean of ${iterations} renderings per run; html ${last?.htmlBytes ?? 0} B, text ${last?.textBytes ?? 0} B, csv ${last?.csvBytes ?? 0} B`,
    },
  ];
}

function startFigures(figure: ColdStartFigure, name: string, targeted: boolean): Figure[] {
  return [
    {
      name: `cold start: ${name}, import`,
      value: figure.importMs,
      unit: 'ms',
      ...(targeted ? { target: 200 } : {}),
      runs: figure.runs,
    },
    {
      name: `cold start: ${name}, rss after import`,
      value: figure.rssMb,
      unit: 'MB',
      ...(targeted ? { target: 120 } : {}),
      runs: figure.runs,
      detail: `heap used after GC ${figure.heapUsedMb.toFixed(1)} MB`,
    },
  ];
}

/** Builds dist/ with tsconfig.build.json; null when it built, else tsc's complaint. */
export async function buildDist(): Promise<string | null> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await exec(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      maxBuffer: 16 << 20,
    });
    return null;
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    return out.split('\n').slice(0, 3).join(' ').trim();
  }
}

export interface StartOptions {
  runs: number;
  /** Also build dist/ and measure the built entry. */
  dist: boolean;
}

export async function coldStartFigures(options: StartOptions): Promise<{
  figures: Figure[];
  notes: string[];
}> {
  const entry = entryModule();
  const notes: string[] = [];
  const figures: Figure[] = [];
  const source = await measureColdStart({ target: join(ROOT, entry), runs: options.runs });
  const [baseline, sheets, framework, own] = source;
  if (baseline) figures.push(...startFigures(baseline, 'node alone (baseline)', false));
  if (sheets) {
    figures.push(...startFigures(sheets, '@googleapis/sheets + google-auth-library', false));
  }
  if (framework) figures.push(...startFigures(framework, 'functions-framework + express', false));
  if (own) figures.push(...startFigures(own, `${entry} (sources, type stripping)`, true));

  if (options.dist) {
    const failure = await buildDist();
    const built = join('dist', entry.replace(/\.ts$/, '.js'));
    if (failure !== null) {
      notes.push(
        `npm run build (tsc -p tsconfig.build.json) failed, dist/ not measured: ${failure}`,
      );
    } else if (!existsSync(join(ROOT, built))) {
      notes.push(`the build did not produce ${built}; dist/ not measured`);
    } else {
      const [, , , fromDist] = await measureColdStart({
        target: join(ROOT, built),
        runs: options.runs,
      });
      if (fromDist) figures.push(...startFigures(fromDist, `${built} (built)`, true));
    }
  } else {
    notes.push('dist/ build not measured (--quick); run without --quick for it');
  }
  return { figures, notes };
}
