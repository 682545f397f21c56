/**
 * One month's infographic (the bundled example, Tir 1403): the SVG from the release's input
 * (pure), and its PNG by resvg with Vazirmatn (1080 × 1350), after one untimed warm-up
 * that loads resvg and the fonts (measured apart as the first picture).
 * Target: the PNG under 200 ms. Run: `node bench/render-infographic.ts [runs]`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { renderInfographicPng } from '../functions/adapters/infographic/render-png.ts';
import { infographicSvg } from '../functions/core/infographic/infographic-svg.ts';
import { exampleReleaseInput } from '../test/support/example-release-input.ts';
import { median, type Figure } from './measure.ts';

export interface InfographicBenchResult {
  /** Median ms to build the SVG. */
  svgMs: number;
  /** Median ms to render the PNG from it (warm). */
  pngMs: number;
  /** Median CPU ms the process spent on it (user + system): what a busy machine's wall time hides. */
  pngCpuMs: number;
  /** The first PNG of the process: resvg and the fonts loaded. */
  firstPngMs: number;
  svgBytes: number;
  pngBytes: number;
  /** The 1-minute load average while it ran. */
  load: number;
}

export async function benchRenderInfographic(runs = 7): Promise<InfographicBenchResult> {
  const input = await exampleReleaseInput('1403-04');
  const svg = infographicSvg(input);
  let start = performance.now();
  const first = await renderInfographicPng(svg);
  const firstPngMs = performance.now() - start;
  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  const pngCpu: number[] = [];
  let png = first;
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    const built = infographicSvg(input);
    svgTimes.push(performance.now() - start);
    start = performance.now();
    const cpu = process.cpuUsage();
    png = await renderInfographicPng(built);
    pngTimes.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    pngCpu.push((used.user + used.system) / 1000);
  }
  return {
    svgMs: median(svgTimes),
    pngMs: median(pngTimes),
    pngCpuMs: median(pngCpu),
    firstPngMs,
    svgBytes: Buffer.byteLength(svg),
    pngBytes: png.byteLength,
    load: loadavg()[0] ?? 0,
  };
}

export async function infographicFigures(runs: number): Promise<Figure[]> {
  const r = await benchRenderInfographic(Math.max(runs, 7));
  const n = Math.max(runs, 7);
  return [
    {
      name: 'infographic PNG (resvg, 1080 × 1350)',
      value: r.pngMs,
      unit: 'ms',
      target: 200,
      runs: n,
      detail: `CPU ${r.pngCpuMs.toFixed(0)} ms; first in the process ${r.firstPngMs.toFixed(0)} ms; ${r.pngBytes} B; load ${r.load.toFixed(2)}`,
    },
    {
      name: 'infographic SVG (pure)',
      value: r.svgMs,
      unit: 'ms',
      runs: n,
      detail: `${r.svgBytes} B`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 7);
  const r = await benchRenderInfographic(runs);
  console.log(
    `render-infographic: PNG ${r.pngMs.toFixed(1)} ms, CPU ${r.pngCpuMs.toFixed(1)} ms (median of ${runs}; first ${r.firstPngMs.toFixed(0)} ms, ` +
      `${r.pngBytes} B), SVG ${r.svgMs.toFixed(2)} ms (${r.svgBytes} B); load average ${r.load.toFixed(2)}`,
  );
}
