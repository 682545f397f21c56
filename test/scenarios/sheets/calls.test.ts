/**
 * How many Sheets API calls each command makes, and how big its requests get, whatever the
 * size of the workbook: counted by the stand-in at 10 and at 2,000 agencies × 24 months.
 *
 * A run that sends mail (issue 9, exactly once) claims the month (its run row written, then
 * the runs tab read back), announces each batch of at most 25 recipients `pending` before
 * it goes out and records its outcomes with the announcement of the next. A write that
 * updates rows of the runs tab reads the tab first (values.batchGet) and upserts its own
 * rows against it; a write that only adds rows (the claim, the first announcement, a run
 * row that says why nothing went out) needs no read: `appendCells` places them after
 * whatever is there when the batch lands. The claim is read back from its batch's answer
 * (issue 12, "Cost"). So: dry run 2 calls, check 3 (2 when the problems tab already says
 * the same), sending run 4 + 2 per batch of recipients (6 for one batch), a run that finds
 * the month already sent or stops on the data 3; none of it grows with the agencies. (The
 * sheets here have a runs tab, header only, as `init` lays it out; on a sheet without one
 * the claim adds it, and holds it alone: nothing to read back.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { buildLargeWorkbook } from '../../../bench/large-workbook.ts';
import { computeResults } from '../../../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { resultsTabRows } from '../../../functions/core/runs/results-tab.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { MONTHS } from '../../support/sheets-fixtures.ts';
import {
  batchRequests,
  largestBody,
  scratchDir,
  standInEnv,
  type Scratch,
} from '../../support/sheets-cli.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { karnameh } from '../../support/cli-harness.ts';

/** 2 MB, the most any one request may carry. */
const TWO_MB = 2_000_000;
const LAST_MONTH = '1403-12'; // 24 months from 1402-01
/** 1404-01-12 in Tehran. */
const AFTER_LAST_MONTH = new Date('2025-04-01T08:00:00Z');

let standIn: SheetsStandIn;
let box: Scratch;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  box = await scratchDir();
});
afterAll(async () => {
  await standIn?.close();
  await box?.cleanup();
});

/** Runs `karnameh` on the sheet; the methods it called, in order. */
async function counted(sheet: string, args: string[], exitCode = 0): Promise<string[]> {
  standIn.resetLog();
  // The outbox is a flag of `run` only; the clock stands after the large workbook's last
  // month (1403-12), which may be run once it has begun.
  const outbox = args[0] === 'run' ? ['--outbox', box.outbox] : [];
  const result = await karnameh(
    [...args, '--sheet', sheet, ...outbox],
    standInEnv(standIn),
    AFTER_LAST_MONTH,
  );
  expect(result.code, result.stderr).toBe(exitCode);
  expect(standIn.log.every((r) => r.status === 200)).toBe(true);
  expect(largestBody(standIn)).toBeLessThanOrEqual(TWO_MB);
  return standIn.log.map((r) => r.method);
}

const READ = ['get', 'values.batchGet'];

/** The workbook with an empty runs tab (header only), as `init` leaves it. */
const withRunsTab = (workbook: RawWorkbook): RawWorkbook => ({
  tabs: [
    ...workbook.tabs,
    { name: TABS.runs.label, rows: [TABS.runs.columns.map((c) => c.label)] },
  ],
});
/** A write that updates rows of the runs tab: the tab read afresh, then the batch. */
const WRITE = ['values.batchGet', 'batchUpdate'];
/** A write that only adds rows to the runs tab: the batch alone. */
const ADD = ['batchUpdate'];
/** A sending run with one batch of recipients. */
const SENDING = [
  ...READ,
  ...ADD, // the claim: the run row `started`, read back from the batch's answer
  ...ADD, // results, problems, the batch `pending`
  ...WRITE, // the batch `sent`/`failed`/`unconfirmed`, the run row's end
];

describe.each([10, 2000])('a workbook of %i agencies × 24 months', (agencies) => {
  const sheet = `calls-${agencies}-agencies`;
  beforeAll(() => {
    standIn.loadWorkbook(sheet, withRunsTab(buildLargeWorkbook({ agencies, months: 24 })));
  });

  it('dry run 2 calls, check 3, sending run 6, second run 3', async () => {
    const month = ['--month', LAST_MONTH];
    expect(await counted(sheet, ['run', ...month, '--dry-run'])).toEqual(READ);
    expect(await counted(sheet, ['check', ...month])).toEqual([...READ, 'batchUpdate']);
    expect(await counted(sheet, ['run', ...month])).toEqual(SENDING);
    // The first sending run writes the whole month of results (header and one row per agency).
    const written = batchRequests(standIn).map((r) => r.updateCells?.rows?.length ?? 0);
    expect(Math.max(...written)).toBe(1 + agencies);
    expect(standIn.tabRows(sheet, 'نتایج')).toHaveLength(1 + agencies);
    expect(await counted(sheet, ['run', ...month])).toEqual([...READ, ...ADD]);
    expect(
      standIn
        .tabRows(sheet, 'اجراها')
        .slice(1)
        .map((r) => `${r[3]} ${r[4]}`),
      // No SMTP_URL: written as .eml; the second outbox run counts them done.
    ).toEqual(['run written', ...Array(3).fill('release written'), 'run already-sent']);
  });
});

describe('the other commands, on 10 agencies × 24 months', () => {
  it('check that finds the problems tab unchanged 2 calls, forced run 6, blocked run 3', async () => {
    const workbook = withRunsTab(buildLargeWorkbook({ agencies: 10, months: 24 }));
    standIn.loadWorkbook('calls-more', workbook);
    const month = ['--month', LAST_MONTH];
    expect(await counted('calls-more', ['check', ...month])).toEqual([...READ, 'batchUpdate']);
    expect(await counted('calls-more', ['check', ...month])).toEqual(READ);
    expect(await counted('calls-more', ['run', ...month])).toEqual(SENDING);
    expect(await counted('calls-more', ['run', ...month, '--force'])).toEqual(SENDING);
    // A month with no scores yet stops before sending: problems and runs, one write.
    expect(await counted('calls-more', ['run', '--month', '1404-01'], 1)).toEqual([
      ...READ,
      ...ADD,
    ]);
  });

  it('a sending run grows by one write per batch of 25 recipients, not with the agencies', async () => {
    const workbook = withRunsTab(buildLargeWorkbook({ agencies: 10, months: 24 }));
    const recipients = workbook.tabs.find((t) => t.name === TABS.recipients.label);
    if (!recipients) throw new Error('no recipients tab');
    const [header = [], first = []] = recipients.rows;
    const many = Array.from({ length: 60 }, (_, i) =>
      header.map((_h, c) => (c === 0 ? `r${i + 1}@example.org` : (first[c] ?? null))),
    );
    standIn.loadWorkbook('calls-sixty-recipients', {
      tabs: workbook.tabs.map((t) => (t === recipients ? { ...t, rows: [header, ...many] } : t)),
    });
    // 60 recipients: batches of 25, 25 and 10, each one write (values.batchGet + batchUpdate).
    expect(await counted('calls-sixty-recipients', ['run', '--month', LAST_MONTH])).toEqual([
      ...SENDING,
      ...WRITE,
      ...WRITE,
    ]);
    const runs = standIn.tabRows('calls-sixty-recipients', 'اجراها').slice(1);
    // No SMTP_URL: each written as .eml, not sent.
    expect(runs.filter((r) => r[3] === 'release' && r[4] === 'written')).toHaveLength(60);
  });
});

describe('request bodies at 2,000 agencies × 24 months', () => {
  it('writes only the new month when the results tab already holds 23 months', async () => {
    const workbook = buildLargeWorkbook({ agencies: 2000, months: 24 });
    // 23 months of results as a run writes them: the last month's rows, relabelled.
    const parsed = parseWorkbook(workbook, { month: LAST_MONTH });
    if (parsed.fatal) throw new Error('the large workbook does not parse');
    const computed = computeResults(parsed.model, parsed.problems, LAST_MONTH, 'checked');
    const [header = [], ...rows] = resultsTabRows(undefined, computed.month, 'r-earlier');
    const earlier = MONTHS.slice(0, 23).flatMap((key) => rows.map((row) => [key, ...row.slice(1)]));
    const held: CellValue[][] = [header, ...earlier];
    standIn.loadWorkbook('bodies-23-months', {
      tabs: [...withRunsTab(workbook).tabs, { name: 'نتایج', rows: held }],
    });

    expect(await counted('bodies-23-months', ['run', '--month', LAST_MONTH])).toEqual(SENDING);
    const after = standIn.tabRows('bodies-23-months', 'نتایج');
    expect(after).toHaveLength(1 + 24 * 2000);
    // (compared as JSON: a deep equal of 46,000 rows is slow)
    expect(JSON.stringify(after.slice(0, held.length))).toBe(JSON.stringify(held));
    expect(after.slice(held.length).map((r) => r[0])).toEqual(Array(2000).fill(LAST_MONTH));

    // A run of a month in the middle replaces its 2,000 rows there, and no more.
    expect(await counted('bodies-23-months', ['run', '--month', '1402-06'])).toEqual(SENDING);
    const again = standIn.tabRows('bodies-23-months', 'نتایج');
    expect(again).toHaveLength(1 + 24 * 2000);
    expect(again.filter((r) => r[0] === '1402-06')).toHaveLength(2000);
    const json = (rows: CellValue[][]) => JSON.stringify(rows);
    expect(json(again.slice(0, 1 + 5 * 2000))).toBe(json(after.slice(0, 1 + 5 * 2000)));
    expect(json(again.slice(1 + 6 * 2000))).toBe(json(after.slice(1 + 6 * 2000)));
    // 2,000 × 24 months built, read and written twice: half a minute on a loaded machine.
  }, 120_000);
});
