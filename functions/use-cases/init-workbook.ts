/** `init`: adds the tabs, headers and default settings a workbook is missing, from a blank or example template. */
import type { CellValue, RawWorkbook } from '../core/contract/cells.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { DEFAULT_BANDS, SETTING_KEYS, TABS } from '../core/contract/tabs.ts';
import type { TabKey } from '../core/contract/tabs.ts';
import type { InitTemplate, WorkbookStore, WriteReport } from '../ports.ts';
import { findTab } from '../core/contract/tab-lookup.ts';

const DEFAULT_SETTINGS: Record<keyof typeof SETTING_KEYS, CellValue> = {
  province: '',
  spokesperson: '',
  spokesperson_title: '',
  ranking: 'فشرده',
  top: 3,
  weak_bands: 2,
  headline_dimensions: '',
  agency_cards: '',
  run_request: '',
  run_status: '',
  source: '',
  purpose: '',
  deadline: '',
  reminder_days: '',
  editors: '',
  open_day: '',
  public_table: '',
  secretariat: '',
  contact: '',
};

const LAYOUT: TabKey[] = [
  'settings',
  'indicators',
  'bands',
  'agencies',
  'scores',
  'recipients',
  'results',
  'problems',
  'runs',
];

/** The empty scorecard: every tab with Persian headers, default settings and bands. */
export function blankTemplate(): InitTemplate {
  const startingRows: Partial<Record<TabKey, CellValue[][]>> = {
    settings: Object.entries(SETTING_KEYS).map(([key, label]) => [
      label,
      DEFAULT_SETTINGS[key as keyof typeof SETTING_KEYS],
    ]),
    bands: DEFAULT_BANDS.map((b) => [b.label, b.min]),
  };
  return {
    tabs: LAYOUT.map((key) => ({
      key,
      title: TABS[key].label,
      header: TABS[key].columns.map((c) => c.label),
      rows: startingRows[key] ?? [],
    })),
  };
}

/** The bundled example's content as a template: its input tabs as they are, outputs empty. */
function exampleTemplate(example: RawWorkbook): InitTemplate {
  const blank = blankTemplate();
  const parsed = parseWorkbook(example, { month: '1403-04' });
  return {
    tabs: blank.tabs.map((tab) => {
      const source = TABS[tab.key].output ? undefined : findTab(example, tab.key);
      if (!source || source.rows.length === 0) return tab;
      const [header = [], ...rows] = source.rows;
      return { ...tab, header: header.map((h) => (h === null ? '' : String(h))), rows };
    }),
    indicatorMax: Object.fromEntries(parsed.model.indicators.map((i) => [i.code, i.max])),
  };
}

/** `karnameh init`: adds what is missing, never touches what is there. */
export async function initWorkbook(
  store: WorkbookStore,
  options: { example?: RawWorkbook } = {},
): Promise<WriteReport> {
  return store.init(options.example ? exampleTemplate(options.example) : blankTemplate());
}
