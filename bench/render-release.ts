/**
 * Rendering time of the press release: the article's Tir month (110 evaluated agencies,
 * two groups) rendered N times after a warm-up, with the templates compiled once.
 * Target: under 20 ms per message. Run: `node bench/render-release.ts [iterations]`.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createReleaseRenderer } from '../functions/adapters/mail/render-release.ts';
import type { ReleaseInput } from '../functions/core/release/release-input.ts';
import { tirInput } from '../test/support/release-fixtures.ts';

export interface RenderBenchOptions {
  iterations?: number;
  warmup?: number;
  input?: ReleaseInput;
}

export interface RenderBenchResult {
  iterations: number;
  /** Mean wall time per rendered message (subject, HTML, text and CSV attachment). */
  msPerMessage: number;
  /** Bytes of the last rendering, for the record. */
  htmlBytes: number;
  textBytes: number;
  csvBytes: number;
}

/** Renders the fixture `iterations` times after `warmup` renderings; returns ms per message. */
export function benchRenderRelease(options: RenderBenchOptions = {}): RenderBenchResult {
  const iterations = options.iterations ?? 200;
  const warmup = options.warmup ?? 20;
  const input = options.input ?? tirInput();
  const render = createReleaseRenderer();
  let last = render(input);
  for (let i = 0; i < warmup; i++) last = render(input);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) last = render(input);
  const elapsed = performance.now() - start;
  return {
    iterations,
    msPerMessage: elapsed / iterations,
    htmlBytes: Buffer.byteLength(last.html),
    textBytes: Buffer.byteLength(last.text),
    csvBytes: last.attachment.content.length,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const iterations = Number(process.argv[2] ?? 200);
  const result = benchRenderRelease({ iterations });
  console.log(
    `render-release: ${result.msPerMessage.toFixed(2)} ms per message over ${result.iterations} ` +
      `(html ${result.htmlBytes} B, text ${result.textBytes} B, csv ${result.csvBytes} B)`,
  );
}
