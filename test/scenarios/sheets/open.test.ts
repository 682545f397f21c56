// `karnameh open` on a Google Sheet (the stand-in over HTTP): rows, validation, runs record, calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { openOrder } from '../../../functions/core/runs/open-month.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { readRunsLog } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import type { OpenOutcome } from '../../../functions/use-cases/open-month.ts';
import { openMonth } from '../../../functions/use-cases/open-month.ts';
import { EXAMPLE, karnameh } from '../../support/cli-harness.ts';
import { cellFromValue } from '../../support/stand-in-model.ts';
import { defined, standInStore } from '../../support/sheets-fixtures.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { standInEnv } from '../../support/sheets-cli.ts';

let standIn: SheetsStandIn;
let example: RawWorkbook;
let id = '';
let n = 0;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  example = await createXlsxStore(EXAMPLE).read();
});
afterAll(async () => standIn?.close());
beforeEach(() => {
  id = `open-sheet-${++n}-0123456789`;
  standIn.loadWorkbook(id, {
    tabs: [
      ...example.tabs,
      { name: TABS.runs.label, rows: [TABS.runs.columns.map((c) => c.label)] },
    ],
  });
});

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const NOW = new Date('2024-07-25T08:00:00Z');

const open = async (month = '1403-05') => {
  standIn.resetLog();
  return karnameh(['open', '--sheet', id, '--month', month, '--json'], env(), NOW);
};

/** The functions' account (KARNAMEH_EDITOR): the guard names it on every protection. */
const ACCOUNT = 'karnameh@council.iam.gserviceaccount.com';
const env = () => ({ ...standInEnv(standIn), KARNAMEH_EDITOR: ACCOUNT });

const scoresRows = () => standIn.tabRows(id, TABS.scores.label);

describe('karnameh open on a Google Sheet', () => {
  it('adds the rows with validation (a warning) in 3 calls, records it; a second open adds nothing', async () => {
    const rowsBefore = scoresRows();
    const result = await open();
    expect(result.code, result.stderr).toBe(0);
    expect(standIn.log.map((r) => `${r.method} ${r.status}`)).toEqual([
      'get 200',
      'values.batchGet 200',
      'batchUpdate 200',
    ]);
    const outcome = JSON.parse(result.stdout) as OpenOutcome;
    const parsed = parseWorkbook(example, { month: '1403-05' });
    const expected = openOrder(parsed.model.agencies, parsed.model.groups).map((a) => a.id);
    expect(outcome.rows.map((r) => r.agency)).toEqual(expected);
    const after = scoresRows();
    // Existing rows untouched; the header gains the name column; the rows follow the last one.
    expect(after.slice(1, rowsBefore.length)).toEqual(rowsBefore.slice(1));
    const header = after[0] ?? [];
    expect(header).toEqual([...(rowsBefore[0] ?? []), 'نام دستگاه']);
    const first = rowsBefore.length;
    expect(after[first]?.slice(0, 2)).toEqual(['1403-05', expected[0]]);
    expect(after[first]?.at(-1)).toBe(outcome.rows[0]?.name);
    expect(after).toHaveLength(rowsBefore.length + expected.length);
    const column = header.indexOf(parsed.model.indicators[0]?.code ?? '');
    const letter = String.fromCharCode(65 + column);
    const rule = standIn.cell(id, TABS.scores.label, `${letter}${first + 1}`)?.dataValidation;
    expect(rule).toMatchObject({
      condition: {
        type: 'NUMBER_BETWEEN',
        values: [
          { userEnteredValue: '0' },
          { userEnteredValue: String(parsed.model.indicators[0]?.max) },
        ],
      },
      strict: false,
    });
    const runs = readRunsLog({ name: 'runs', rows: standIn.tabRows(id, TABS.runs.label) });
    expect(runs.filter((e) => e.kind === 'open')).toEqual([
      expect.objectContaining({
        month: '1403-05',
        status: 'done',
        detail: expect.stringContaining(`${expected.length}`),
      }),
    ]);
    expect(result.stderr).not.toContain('nothing to guard');

    const dump = standIn.dump(id);
    const again = await open();
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as OpenOutcome).status).toBe('unchanged');
    expect(standIn.log.map((r) => r.method)).toEqual(['get', 'values.batchGet']);
    expect(standIn.dump(id)).toBe(dump);
  });

  it('two opens at once: one adds the rows, the other adds nothing', async () => {
    standIn.resetLog();
    const [a, b] = await Promise.all([
      karnameh(['open', '--sheet', id, '--month', '1403-05', '--json'], env(), NOW),
      karnameh(['open', '--sheet', id, '--month', '1403-05', '--json'], env(), NOW),
    ]);
    const statuses = [a, b].map((r) => (JSON.parse(r.stdout) as OpenOutcome).status).sort();
    expect(statuses).toEqual(['opened', 'unchanged']);
    // Both planned against the same read: the second batch was refused by the write marker
    // (Google's 400), read again and found nothing to add.
    const batches = standIn.log.filter((r) => r.method === 'batchUpdate').map((r) => r.status);
    expect(batches.sort()).toEqual([200, 400]);
    const raw: RawWorkbook = { tabs: [{ name: TABS.scores.label, rows: scoresRows() }] };
    const rows = findTab(raw, 'scores')?.rows.filter((r) => r[0] === '1403-05') ?? [];
    expect(new Set(rows.map((r) => r[1])).size).toBe(rows.length);
    const runs = readRunsLog({ name: 'runs', rows: standIn.tabRows(id, TABS.runs.label) });
    expect(runs.filter((e) => e.kind === 'open')).toHaveLength(1);
  });

  it('a person typing a row between the read and the write: the rows of open go after the last row as read, the typed row kept below them', async () => {
    const store = standInStore(standIn, id, { editor: ACCOUNT });
    const before = scoresRows().length;
    let typed = false;
    // The store's own open, with a person typing the next row right after its read (their
    // edit lands between the read and the batch, as in the browser).
    const typing: typeof store = {
      ...store,
      editMonth: (plan) =>
        defined(
          store.editMonth,
          'editMonth',
        )((raw) => {
          if (!typed) {
            typed = true;
            const sheet = standIn
              .spreadsheet(id)
              .sheets.find((s) => s.properties.title === TABS.scores.label);
            if (sheet) sheet.rows[before] = ['1403-05', 'd001', '۷'].map((v) => cellFromValue(v));
          }
          return plan(raw);
        }),
    };
    const outcome = await openMonth(
      { store: typing, now: () => NOW, newRunId: () => 'r-open', log: silent },
      { month: '1403-05', dryRun: false, requestedBy: 'test' },
    );
    expect(outcome.status).toBe('opened');
    const rows = scoresRows();
    // Open's rows are where it planned them (after the last row as read), the typed row
    // moved down after them, its cells as typed.
    const added = rows.slice(before, before + outcome.rows.length);
    expect(added.map((r) => r[1])).toEqual(outcome.rows.map((r) => r.agency));
    expect(rows[before + outcome.rows.length]?.slice(0, 3)).toEqual(['1403-05', 'd001', '۷']);
    expect(rows).toHaveLength(before + outcome.rows.length + 1);
    // Open's own d001 row counts (the first); the typed one is the later duplicate, reported.
    const parsed = parseWorkbook(
      { tabs: example.tabs.map((t) => (t.name === TABS.scores.label ? { ...t, rows } : t)) },
      { month: '1403-05' },
    );
    expect(parsed.problems.filter((p) => p.code === 'score.duplicate')).toHaveLength(1);
  });

  it("without the functions' account (KARNAMEH_EDITOR, a bare token) it says so and writes nothing", async () => {
    const dump = standIn.dump(id);
    const result = await karnameh(
      ['open', '--sheet', id, '--month', '1403-05'],
      standInEnv(standIn),
      NOW,
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('KARNAMEH_EDITOR');
    expect(result.stderr).toContain('[config.invalid]');
    expect(standIn.dump(id)).toBe(dump);
  });

  it('is stopped by a definition error, nothing written', async () => {
    const tabs = example.tabs.map((tab) =>
      tab.name === TABS.agencies.label ? { ...tab, rows: [...tab.rows, tab.rows[1] ?? []] } : tab,
    );
    standIn.loadWorkbook(id, { tabs });
    const dump = standIn.dump(id);
    const result = await open();
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as OpenOutcome).problems.map((p) => p.code)).toContain(
      'agency.duplicate',
    );
    expect(standIn.count('batchUpdate')).toBe(0);
    expect(standIn.dump(id)).toBe(dump);
  });
});
