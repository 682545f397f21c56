/**
 * Every agency card of the bundled example (Tir 1403, 110 agencies): the card views from
 * the release's computation (cardsToSend, content hashes included) and their rendering
 * (subject, HTML, text), templates compiled once beforehand. Reading, parsing and
 * computing the month are the release's own cost and are not counted.
 * Target: all cards under 300 ms. Run: `node bench/render-cards.ts [runs]`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCardRenderer } from '../functions/adapters/mail/render-card.ts';
import { packageRoot } from '../functions/adapters/mail/render-release.ts';
import { createXlsxStore } from '../functions/adapters/xlsx/xlsx-store.ts';
import { cardsToSend, type CardsToSendInput } from '../functions/core/cards/cards-to-send.ts';
import { computeResults } from '../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../functions/core/contract/parse-workbook.ts';
import { median, type Figure } from './measure.ts';

const MONTH = '1403-04';

export interface CardsBenchResult {
  cards: number;
  /** Median wall time for all cards: views and rendering. */
  ms: number;
  /** Of which building the views (cardsToSend). */
  viewsMs: number;
  htmlBytes: number;
  textBytes: number;
}

async function exampleInput(): Promise<CardsToSendInput> {
  const raw = await createXlsxStore(join(packageRoot(), 'examples', 'ilam-1403.xlsx')).read();
  const parsed = parseWorkbook(raw, { month: MONTH });
  return {
    model: parsed.model,
    problems: parsed.problems,
    computed: computeResults(parsed.model, parsed.problems, MONTH, 'dry-run'),
    runId: 'r-bench',
    contentHash: '000000000000',
    computedAt: new Date('2024-07-25T08:00:00Z'),
    correction: false,
  };
}

/** `runs` times (after one untimed warm-up): all cards' views, then all renderings. */
export async function benchRenderCards(runs = 7): Promise<CardsBenchResult> {
  const base = await exampleInput();
  const render = createCardRenderer();
  const totals: number[] = [];
  const views: number[] = [];
  let htmlBytes = 0;
  let textBytes = 0;
  let count = 0;
  for (let i = 0; i <= runs; i++) {
    // A fresh computation each time, so no month is already cached from the run before.
    const input = {
      ...base,
      computed: computeResults(base.model, base.problems, MONTH, 'dry-run'),
    };
    const start = performance.now();
    const cards = cardsToSend(input);
    const built = performance.now();
    const rendered = cards.map((card) => render(card.view));
    const end = performance.now();
    if (i === 0) continue;
    totals.push(end - start);
    views.push(built - start);
    count = cards.length;
    htmlBytes = rendered.reduce((n, r) => n + Buffer.byteLength(r.html), 0);
    textBytes = rendered.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
  }
  return { cards: count, ms: median(totals), viewsMs: median(views), htmlBytes, textBytes };
}

export async function renderCardsFigures(runs: number): Promise<Figure[]> {
  const result = await benchRenderCards(runs);
  return [
    {
      name: `render every agency card of the example (${result.cards})`,
      value: result.ms,
      unit: 'ms',
      target: 300,
      runs,
      detail: `views ${result.viewsMs.toFixed(1)} ms; html ${result.htmlBytes} B, text ${result.textBytes} B in all`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[2] ?? 7);
  const result = await benchRenderCards(runs);
  console.log(
    `render-cards: ${result.cards} cards in ${result.ms.toFixed(1)} ms (median of ${runs}; ` +
      `views ${result.viewsMs.toFixed(1)} ms; html ${result.htmlBytes} B, text ${result.textBytes} B)`,
  );
}
