/**
 * What a month with agencies' cards costs in Sheets calls (issue 12, "Cost"): the example's
 * agencies, and the example grown to 200 agencies, through monthlyRun on the stand-in.
 * Measured: 15 calls for 110 and for 198 cards (27 with the release's batches of 25).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../functions/core/cells.ts';
import { TABS } from '../../functions/core/tabs.ts';
import { monthlyRunHandler } from '../../functions/http/monthly-run.ts';
import { exampleWorkbook, post, serve, startBench, type Bench, type Served } from './harness.ts';

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

describe('Sheets calls of a month with cards', () => {
  it.each([
    ['the example', 0],
    ['200 agencies', 200],
  ])('%s', async (_name, total) => {
    bench = await startBench({ cards: true, ...(total ? { workbook: await grown(total) } : {}) });
    fn = await serve(monthlyRunHandler(bench.runtime));
    bench.standIn.resetLog();
    const sent = await post(fn.url, { month: '1403-04' });
    expect(sent.status, sent.text).toBe(200);
    const cards = (sent.json().run as { cards: { sent: number } }).cards.sent;
    const calls = bench.standIn.count();
    const writes = bench.standIn.count('batchUpdate');
    console.log(`COST ${_name}: ${cards} cards, ${calls} Sheets calls (${writes} batchUpdate)`);
    expect(cards).toBeGreaterThan(100);
    // The claim, the release (announce, outcomes), the cards in batches of up to 100
    // (announce each, outcomes with the run row's end): six writes, each a read of the runs
    // tab and a batchUpdate, plus the first read (metadata and values). Not the 10:
    // see run-month/send-cards.ts CARD_LIMITS.
    expect(writes).toBeLessThanOrEqual(6);
    expect(calls).toBeLessThanOrEqual(15);
  });
});
