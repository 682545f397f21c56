/**
 * What every benchmark figure is made of: a median over repeated runs, an optional target,
 * and the table `bench/run.ts` prints.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'calls' | 'bytes' | 'ratio';
  /** The figure must stay at or under this (absent: informative only). */
  target?: number;
  /** How many runs the median is of (1: a single count or size). */
  runs: number;
  detail?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** Runs `once` `runs` times (after `setup` each time, untimed); the median wall time in ms. */
export async function medianMs<T>(
  runs: number,
  once: (prepared: T) => unknown,
  setup: () => T | Promise<T>,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = await setup();
    const start = performance.now();
    await once(prepared);
    times.push(performance.now() - start);
  }
  return median(times);
}

const formatValue = (value: number, unit: Figure['unit']): string => {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'ratio') return `${value.toFixed(2)} ×`;
  if (unit === 'bytes') return `${value.toLocaleString('en-US')} B`;
  return `${value}`;
};

/** `ok`, `OVER` or blank (informative), by the target. */
export function verdict(figure: Figure): string {
  if (figure.target === undefined) return '';
  if (!Number.isFinite(figure.value)) return 'FAILED';
  return figure.value <= figure.target ? 'ok' : 'OVER';
}

/** The figures as a text table: name, median, target, verdict, runs, detail. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'target', '', 'runs', 'detail'];
  const rows = figures.map((f) => [
    f.name,
    formatValue(f.value, f.unit),
    f.target === undefined ? '' : `≤ ${formatValue(f.target, f.unit)}`,
    verdict(f),
    String(f.runs),
    f.detail ?? '',
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]?.length ?? 0)));
  const right = new Set([1, 2, 4]);
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        return c === r.length - 1 ? cell : right.has(c) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
