/**
 * Generates the bundled example workbook, examples/ilam-1403.xlsx:
 *
 *   node scripts/make-example.ts [output.xlsx]
 *
 * Deterministic (seeded, no clock). Fails loudly when the values it designed would not
 * reproduce the article's figures (example-scores.ts checks them exactly).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue, RawTab, RawWorkbook } from '../functions/core/contract/cells.ts';
import { TABS, type TabKey } from '../functions/core/contract/tabs.ts';
import {
  AGENCIES,
  BANDS,
  INDICATORS,
  RECIPIENTS,
  SETTINGS,
  type ExampleAgency,
} from './example-data.ts';
import { checkedDesign, type DesignedRow } from './example-scores.ts';
import { writeWorkbookXlsx } from './write-workbook.ts';

export const DEFAULT_EXAMPLE_PATH = fileURLToPath(
  new URL('../examples/ilam-1403.xlsx', import.meta.url),
);

/** The Persian header label of a column of a tab (core/contract/tabs.ts). */
export function label(tab: TabKey, key: string): string {
  const column = TABS[tab].columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key} in ${tab}`);
  return column.label;
}

function tab(key: TabKey, columns: string[], rows: CellValue[][]): RawTab {
  return { name: TABS[key].label, rows: [columns.map((c) => label(key, c)), ...rows] };
}

const yesNo = (value: boolean): string => (value ? 'بله' : 'خیر');

function scoresTab(rows: DesignedRow[]): RawTab {
  const header = [
    label('scores', 'month'),
    label('scores', 'agency'),
    ...INDICATORS.map((i) => i.code),
    label('scores', 'note'),
  ];
  return {
    name: TABS.scores.label,
    rows: [header, ...rows.map((r) => [r.monthCell, r.agencyId, ...r.cells, r.note])],
  };
}

/**
 * The example's workbook (settings, indicators, bands, recipients) around the given
 * agencies rows and scores tab, tabs in the order people fill them in. The benchmarks'
 * large workbooks use it with agencies and scores of their own.
 */
export function workbookWith(agencies: CellValue[][], scores: RawTab): RawWorkbook {
  return {
    tabs: [
      tab('settings', ['key', 'value'], SETTINGS),
      tab(
        'indicators',
        ['code', 'title', 'dimension', 'max', 'weight'],
        INDICATORS.map((i) => [i.code, i.title, i.dimension, i.max, i.weight]),
      ),
      tab(
        'bands',
        ['label', 'min'],
        BANDS.map((b) => [b.label, b.min]),
      ),
      tab('agencies', ['id', 'name', 'group', 'active', 'email'], agencies),
      scores,
      tab(
        'recipients',
        ['email', 'name', 'active'],
        RECIPIENTS.map((r) => [r.email, r.name, yesNo(r.active)]),
      ),
    ],
  };
}

/** The example as a RawWorkbook. */
export function buildExampleWorkbook(): RawWorkbook {
  const agencyRow = (a: ExampleAgency): CellValue[] => [
    a.id,
    a.name,
    a.group,
    yesNo(a.active),
    a.email,
  ];
  return workbookWith(AGENCIES.map(agencyRow), scoresTab(checkedDesign()));
}

/** Builds the example and writes it to `path`. */
export async function makeExample(path: string = DEFAULT_EXAMPLE_PATH): Promise<RawWorkbook> {
  const workbook = buildExampleWorkbook();
  await writeWorkbookXlsx(workbook, path, { [TABS.scores.label]: { frozenColumns: 2 } });
  return workbook;
}

if (import.meta.main) {
  const out = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_EXAMPLE_PATH;
  await makeExample(out);
  console.error(`wrote ${out}`);
}
