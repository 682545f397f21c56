/**
 * Issue 8, "Nothing silent", through both stores: each hostile workbook stops a real run
 * (exit 1, nothing sent, also with allowIncomplete) with its problem at its cell in the
 * problems tab, the dry run still renders and says it is blocked, and the .xlsx file and
 * the Google Sheet give the same problems.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { runsRows } from '../../../functions/core/contract/runs-log.ts';
import { TABS, type TabKey } from '../../../functions/core/contract/tabs.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { standInStore } from '../../support/sheets-fixtures.ts';
import {
  play,
  storeFactories,
  type Played,
  type Step,
  type StoreFactory,
} from '../../support/contract-stores.ts';
import { contractWorkbook } from '../../support/contract-workbook.ts';

let standIn: SheetsStandIn;
let root: string;
let factories: StoreFactory[] = [];

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  root = await mkdtemp(join(tmpdir(), 'karnameh-hostile-'));
  factories = storeFactories(root, () => standIn);
});
afterAll(async () => {
  await standIn?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const MONTH = '1403-04';
const real: Step = { command: 'run', options: { month: MONTH, allowIncomplete: true } };
const dry: Step = { command: 'run', options: { month: MONTH, dryRun: true } };

/** The contract workbook with one tab's rows edited (a copy). */
function edit(key: TabKey, change: (rows: CellValue[][]) => void): RawWorkbook {
  const workbook = structuredClone(contractWorkbook());
  const tab = workbook.tabs.find((t) => t.name === TABS[key].label);
  if (!tab) throw new Error(`no ${key} tab`);
  change(tab.rows);
  return workbook;
}

const setCell = (key: TabKey, row: number, column: number, value: CellValue) =>
  edit(key, (rows) => {
    const cells = rows[row] ?? [];
    cells[column] = value;
    rows[row] = cells;
  });

/** The problems tab as `code tab!cell`. */
const problemPlaces = (p: Played): string[] =>
  (p.outputs.problems ?? []).slice(1).map((r) => `${r[1]} ${r[2]}!${r[3] ?? ''}`);

const HOSTILE: [string, () => RawWorkbook, string][] = [
  ['a blank group', () => setCell('agencies', 2, 2, null), 'agency.invalid دستگاه‌ها!C3'],
  [
    'a duplicated agency id',
    () => edit('agencies', (rows) => rows.push(['a01', 'اداره کل دیگر', 'دستگاه اجرایی', 'بله'])),
    'agency.duplicate دستگاه‌ها!A14',
  ],
  ['an indicator with max 0', () => setCell('indicators', 2, 3, 0), 'indicator.invalid شاخص‌ها!D3'],
  ['a negative weight', () => setCell('indicators', 3, 4, -1), 'indicator.invalid شاخص‌ها!E4'],
  [
    'a duplicated indicator code',
    () => edit('indicators', (rows) => rows.push(['i1', 'تکراری', 'نوآوری', 5, 1])),
    'indicator.duplicate شاخص‌ها!A6',
  ],
  [
    'a second score column for one code',
    () =>
      edit('scores', (rows) =>
        rows.forEach((row, i) => {
          row[7] = i === 0 ? 'i2' : 0;
        }),
      ),
    'header.duplicate امتیازها!H1',
  ],
  [
    'both «settings» and «تنظیمات»',
    () => {
      const workbook = contractWorkbook();
      workbook.tabs.push({
        name: 'settings',
        rows: [
          ['key', 'value'],
          ['province', 'تهران'],
        ],
      });
      return workbook;
    },
    'tab.duplicate settings!',
  ],
  [
    'no active recipient',
    () => edit('recipients', (rows) => rows.slice(1).forEach((row) => (row[2] = 'خیر'))),
    'recipient.none گیرندگان!A2',
  ],
];

describe.each(HOSTILE)('%s', (_what, content, place) => {
  it('stops a real run at its cell and shows it in the dry run; both stores agree', async () => {
    const played: Played[] = [];
    for (const factory of factories) {
      const p = await play(factory, content(), [real, dry]);
      const [run, preview] = p.steps;
      expect(run, factory.kind).toMatchObject({ exitCode: 1, mailed: 0 });
      expect(run?.summary.status).toBe('blocked');
      expect(run?.deliveries).toEqual([]);
      expect(problemPlaces(p), factory.kind).toContain(place);
      const problem = run?.summary.problems.find((x) => `${x.code} ${x.tab}!${x.cell}` === place);
      expect(problem?.severity).toBe('error');
      expect(preview).toMatchObject({ exitCode: 0, mailed: 0 });
      expect(preview?.summary.status).toBe('dry-run');
      expect(preview?.message).toContain('BLOCKED');
      expect(preview?.previews.length).toBeGreaterThan(0);
      expect(p.inputsAfter).toEqual(p.inputsBefore);
      played.push(p);
    }
    const [xlsx, sheets] = played;
    expect(sheets?.outputs.problems).toEqual(xlsx?.outputs.problems);
    expect(sheets?.steps[0]?.summary).toEqual(xlsx?.steps[0]?.summary);
  });
});

describe('data changed after the month was sent', () => {
  /** The contract workbook whose runs tab says Tir went out with other data. */
  const sentBefore = (): RawWorkbook => {
    const workbook = contractWorkbook();
    const at = '2024-07-24T08:00:00.000Z';
    const entry = {
      runId: 'r-0',
      month: MONTH,
      at,
      requestedBy: 'cli',
      contentHash: '0123456789abcdef',
    };
    workbook.tabs.push({
      name: TABS.runs.label,
      rows: runsRows([
        { ...entry, kind: 'run', status: 'sent', recipient: '', detail: '' },
        {
          ...entry,
          kind: 'release',
          status: 'sent',
          recipient: 'dabirkhaneh@example.org',
          detail: '',
        },
        {
          ...entry,
          kind: 'release',
          status: 'sent',
          recipient: 'press.desk@example.org',
          detail: '',
        },
      ]),
    });
    return workbook;
  };

  it('warns with both content hashes, refreshes the results, sends nothing; --force sends a correction', async () => {
    const steps: Step[] = [
      { command: 'run', options: { month: MONTH } },
      { command: 'run', options: { month: MONTH, dryRun: true } },
      { command: 'run', options: { month: MONTH, force: true } },
    ];
    const played: Played[] = [];
    for (const factory of factories) {
      const p = await play(factory, sentBefore(), steps);
      const [first, preview, forced] = p.steps;
      expect(first, factory.kind).toMatchObject({ exitCode: 0, mailed: 0 });
      expect(first?.summary.status).toBe('already-sent');
      const warning = first?.summary.problems.find((x) => x.code === 'run.data_changed');
      expect(warning).toMatchObject({ severity: 'warning', tab: 'اجراها', cell: 'H4' });
      expect(warning?.message).toContain('0123456789abcdef');
      expect(warning?.message).toContain(first?.summary.contentHash);
      expect(first?.message).toContain('--force');
      expect(preview?.message).toContain('changed');
      expect(forced).toMatchObject({ exitCode: 0, mailed: 2 });
      expect(p.releases.at(-1)?.subject).toContain('اصلاحیه');
      // The results tab holds Tir (refreshed by the first run, written again by the correction).
      expect(new Set((p.outputs.results ?? []).slice(1).map((r) => r[0]))).toEqual(
        new Set([MONTH]),
      );
      played.push(p);
    }
    expect(played[1]?.outputs.results).toEqual(played[0]?.outputs.results);
  });
});

describe('a merged group column, in both stores', () => {
  it('reads every agency of the merged range in its group, as if each cell were filled', async () => {
    const merged = edit('agencies', (rows) => {
      // a02..a08 under a01's cell
      for (const row of rows.slice(2, 9)) row[2] = null;
    });
    let opened = 0;
    const sheetsWithMerges: StoreFactory = {
      kind: 'sheets',
      async open(content) {
        const dir = join(root, `merged-${++opened}`);
        await mkdir(dir, { recursive: true });
        const id = `merged-sheet-${opened}`;
        const merges = {
          [TABS.agencies.label]: [{ startRow: 1, endRow: 9, startColumn: 2, endColumn: 3 }],
        };
        standIn.loadWorkbook(id, content, { merges });
        return { store: standInStore(standIn, id), reopen: () => standInStore(standIn, id), dir };
      },
    };
    const sheets = factories.find((f) => f.kind === 'sheets');
    if (!sheets) throw new Error('no sheets factory');
    const p = await play(sheetsWithMerges, merged, [dry]);
    const plain = await play(sheets, contractWorkbook(), [dry]);
    expect(p.steps[0]?.summary.problems).toEqual([]);
    expect(p.steps[0]?.summary.groups).toEqual(plain.steps[0]?.summary.groups);
    expect(p.steps[0]?.message).not.toContain('BLOCKED');
  });

  it('reads a group column merged in an .xlsx file (C2:C9) the same way', async () => {
    const merged = edit('agencies', (rows) => {
      for (const row of rows.slice(2, 9)) row[2] = null;
    });
    const xlsxWithMerges: StoreFactory = {
      kind: 'xlsx',
      async open(content) {
        const dir = await mkdtemp(join(root, 'merged-xlsx-'));
        const path = join(dir, 'karnameh.xlsx');
        await writeWorkbookXlsx(content, path);
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(path);
        book.getWorksheet(TABS.agencies.label)?.mergeCells('C2:C9');
        await book.xlsx.writeFile(path);
        return { store: createXlsxStore(path), reopen: () => createXlsxStore(path), dir };
      },
    };
    const xlsx = factories.find((f) => f.kind === 'xlsx');
    if (!xlsx) throw new Error('no xlsx factory');
    const p = await play(xlsxWithMerges, merged, [dry]);
    const plain = await play(xlsx, contractWorkbook(), [dry]);
    expect(p.steps[0]?.summary.problems).toEqual([]);
    expect(p.steps[0]?.summary.groups).toEqual(plain.steps[0]?.summary.groups);
    expect(p.steps[0]?.message).not.toContain('BLOCKED');
  });
});
