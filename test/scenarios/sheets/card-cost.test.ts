/**
 * What a month with agencies' cards costs in Sheets calls (issue 12, "Cost": at most 10 for
 * 200 agencies): the example's agencies, and the example grown to 200 agencies, through
 * monthlyRun on the stand-in, on a sheet without a runs tab (the claim adds it) and on one
 * whose runs tab holds another month's rows (the claim is read back from its batch's
 * answer). Measured: 10 calls in each case, 5 of them batchUpdates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { monthlyRunHandler } from '../../../functions/http/monthly-run.ts';
import {
  exampleWorkbook,
  post,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../../support/functions-harness.ts';

let bench: Bench;
let fn: Served;
afterEach(async () => {
  await fn.close();
  await bench.close();
});

/** The example with more agencies (copies of existing ones, scores and all) up to `total`. */
async function grown(total: number): Promise<RawWorkbook> {
  const raw = await exampleWorkbook();
  const tab = (key: keyof typeof TABS) => raw.tabs.find((t) => t.name === TABS[key].label);
  const agencies = tab('agencies');
  const scores = tab('scores');
  if (!agencies || !scores) throw new Error('no agencies or scores tab');
  const originals = agencies.rows.slice(1).filter((r) => r[4]);
  let n = agencies.rows.length - 1;
  for (let i = 0; n < total; i++, n++) {
    const source = originals[i % originals.length] ?? [];
    const id = `x${String(i + 1).padStart(3, '0')}`;
    agencies.rows.push([
      id,
      `${String(source[1])} ${i + 1}`,
      source[2] ?? null,
      'بله',
      `pr.${id}@example.org`,
    ]);
    for (const row of scores.rows.filter((r) => r[1] === source[0])) {
      scores.rows.push([row[0] ?? null, id, ...row.slice(2)]);
    }
  }
  return raw;
}

/** The workbook with a runs tab holding a row of the month before (another run's). */
function withRuns(raw: RawWorkbook): RawWorkbook {
  const header = TABS.runs.columns.map((c) => c.label);
  const before = [
    'r-before',
    '1403-03',
    '2024-06-25T08:00:00.000Z',
    'run',
    'sent',
    '',
    '',
    'd',
    '',
  ];
  return { tabs: [...raw.tabs, { name: TABS.runs.label, rows: [header, before] }] };
}

describe('Sheets calls of a month with cards', () => {
  it.each([
    ['the example', 0, false],
    ['200 agencies', 200, false],
    ['the example, runs tab there', 0, true],
    ['200 agencies, runs tab there', 200, true],
  ])('%s', async (_name, total, runsTab) => {
    const raw = total ? await grown(total) : await exampleWorkbook();
    bench = await startBench({ cards: true, workbook: runsTab ? withRuns(raw) : raw });
    fn = await serve(monthlyRunHandler(bench.runtime));
    bench.standIn.resetLog();
    const sent = await post(fn.url, { month: '1403-04' });
    expect(sent.status, sent.text).toBe(200);
    const cards = (sent.json().run as { cards: { sent: number } }).cards.sent;
    const calls = bench.standIn.count();
    const writes = bench.standIn.count('batchUpdate');
    console.log(`COST ${_name}: ${cards} cards, ${calls} Sheets calls (${writes} batchUpdate)`);
    expect(cards).toBeGreaterThan(100);
    // The read (get, values.batchGet); the claim, rows added only, so no read first, read
    // back from its batch's answer; the release announced (rows added only); then three
    // writes that update rows, each a read of the runs tab and a batchUpdate: the release's
    // outcomes with the first card batch announced, the first batch's outcomes with the
    // second announced (cards go 100 at a time: plan-cards.ts CARD_LIMITS), the last
    // outcomes with the run row's end.
    expect(writes).toBeLessThanOrEqual(5);
    expect(calls).toBeLessThanOrEqual(10);
    if (runsTab) {
      const runs = bench.tab('runs').slice(1);
      expect(runs[0]?.[0]).toBe('r-before');
      expect(runs.filter((r) => r[3] === 'card' && r[4] === 'sent')).toHaveLength(cards);
    }
  });
});
