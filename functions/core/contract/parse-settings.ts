/** The settings tab: key/value rows (docs/workbook.md#settings). */
import { cellText, isBlankCell, parseNumberCell } from './cell-values.ts';
import type { CellValue, RawWorkbook } from './cells.ts';
import type { RankingMethod, Settings } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import { DEFAULT_REMINDER_DAYS } from './reminder-settings.ts';
import { readFeatureSwitches, readSecretariat, type SettingCells } from './settings-features.ts';
import { cellAt, dataRows, openTab } from './tab-lookup.ts';
import { SETTING_KEYS, TABS, type SettingKey } from './tabs.ts';

/** Defaults of docs/workbook.md#settings; `province` has none (an empty province is fatal). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  province: '',
  spokesperson: null,
  spokespersonTitle: null,
  ranking: 'dense',
  top: 3,
  weakBands: 2,
  headlineDimensions: null,
  runRequest: null,
  runRequestRaw: null,
  runStatus: null,
  source: null,
  purpose: null,
  agencyCards: null,
  deadline: null,
  reminderDays: DEFAULT_REMINDER_DAYS,
  openDay: null,
  publicTable: 'top',
  editors: [],
  secretariat: null,
  contact: null,
});

export interface SettingsContext {
  /** The number of valid bands, or null when the bands are unusable. */
  bandCount: number | null;
  /** Dimension names as the indicators tab gives them. */
  dimensions: readonly string[];
  /** The indicators tab's title, for messages. */
  indicatorsTitle: string;
}

export interface SettingsResult {
  settings: Settings;
  title: string;
  /** True when the tab or its columns are missing, or the province is missing or empty. */
  fatal: boolean;
}

const KEY_BY_NAME = new Map<string, SettingKey>();
for (const [key, label] of Object.entries(SETTING_KEYS) as [SettingKey, string][]) {
  KEY_BY_NAME.set(normalizeName(key), key);
  KEY_BY_NAME.set(normalizeName(label), key);
}

const RANKING_BY_NAME = new Map<string, RankingMethod>([
  [normalizeName('dense'), 'dense'],
  [normalizeName('فشرده'), 'dense'],
  [normalizeName('competition'), 'competition'],
  [normalizeName('رقابتی'), 'competition'],
]);

interface Entry {
  rowIndex: number;
  value: CellValue;
}

function textOrNull(cell: CellValue): string | null {
  const text = cellText(cell);
  return text === '' ? null : text;
}

/** The default weak_bands, kept below the number of bands when there are few. */
function defaultWeakBands(bandCount: number | null): number {
  if (bandCount === null || DEFAULT_SETTINGS.weakBands < bandCount)
    return DEFAULT_SETTINGS.weakBands;
  return Math.max(1, bandCount - 1);
}

/**
 * Reads the settings. Unknown keys are ignored; a key given twice counts once (the first
 * row; the later is `settings.invalid`). An invalid value is `settings.invalid` at its
 * value cell and the default is used, except a feature switch's, which is a warning that
 * turns the feature off (settings-features.ts). A missing or empty `province` is fatal.
 */
export function parseSettings(
  workbook: RawWorkbook,
  sink: ProblemSink,
  context: SettingsContext,
): SettingsResult {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    weakBands: defaultWeakBands(context.bandCount),
  };
  const opened = openTab(workbook, 'settings', sink, true);
  if (!opened) return { settings, title: TABS.settings.label, fatal: true };
  const { title, columns } = opened;
  if (!opened.complete) return { settings, title, fatal: true };

  const keyCol = columns.index.get('key') ?? 0;
  const valueCol = columns.index.get('value') ?? 0;
  const entries = new Map<SettingKey, Entry>();
  for (const row of dataRows(opened)) {
    const keyText = cellText(cellAt(row, keyCol));
    const key = KEY_BY_NAME.get(normalizeName(keyText));
    if (!key) continue;
    const first = entries.get(key);
    if (first) {
      sink.cell(
        'settings.invalid',
        'settings',
        title,
        row.rowIndex,
        keyCol,
        messages.settingDuplicate(keyText, first.rowIndex),
      );
      continue;
    }
    entries.set(key, { rowIndex: row.rowIndex, value: cellAt(row, valueCol) });
  }
  const invalid = (entry: Entry, message: string): void => {
    sink.cell('settings.invalid', 'settings', title, entry.rowIndex, valueCol, message);
  };
  /** Each present, non-blank setting value in turn. */
  const given = (key: SettingKey, read: (entry: Entry) => void): void => {
    const entry = entries.get(key);
    if (entry && !isBlankCell(entry.value)) read(entry);
  };

  let fatal = false;
  const province = entries.get('province');
  if (!province) {
    sink.tab('settings.invalid', 'settings', title, messages.provinceMissing());
    fatal = true;
  } else if (isBlankCell(province.value)) {
    invalid(province, messages.provinceEmpty());
    fatal = true;
  } else {
    settings.province = cellText(province.value);
  }

  given('spokesperson', (e) => (settings.spokesperson = textOrNull(e.value)));
  given('spokesperson_title', (e) => (settings.spokespersonTitle = textOrNull(e.value)));
  given('run_status', (e) => (settings.runStatus = textOrNull(e.value)));
  given('source', (e) => (settings.source = textOrNull(e.value)));
  given('purpose', (e) => (settings.purpose = textOrNull(e.value)));

  given('ranking', (e) => {
    const method = RANKING_BY_NAME.get(normalizeName(cellText(e.value)));
    if (method) settings.ranking = method;
    else invalid(e, messages.rankingInvalid(cellText(e.value)));
  });

  given('top', (e) => {
    const top = parseNumberCell(e.value);
    if (top !== null && Number.isInteger(top) && top >= 1) settings.top = top;
    else invalid(e, messages.topInvalid(cellText(e.value), settings.top));
  });

  given('weak_bands', (e) => {
    const weak = parseNumberCell(e.value);
    const below = context.bandCount === null || (weak !== null && weak < context.bandCount);
    if (weak !== null && Number.isInteger(weak) && weak >= 1 && below) settings.weakBands = weak;
    else
      invalid(
        e,
        messages.weakBandsInvalid(cellText(e.value), context.bandCount, settings.weakBands),
      );
  });

  given('headline_dimensions', (e) => {
    const byKey = new Map(context.dimensions.map((name) => [normalizeName(name), name]));
    const names = cellText(e.value)
      .split(/[,،]/)
      .map((part) => part.trim())
      .filter((part) => normalizeName(part) !== '');
    const chosen: string[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const dimension = byKey.get(normalizeName(name));
      if (dimension === undefined) unknown.push(name);
      else if (!chosen.includes(dimension)) chosen.push(dimension);
    }
    if (unknown.length > 0) {
      // With no valid indicators there is nothing to match; that problem is reported there.
      if (context.dimensions.length > 0)
        invalid(e, messages.headlineUnknown(unknown, context.indicatorsTitle));
    } else if (chosen.length > 0) {
      settings.headlineDimensions = chosen;
    }
  });

  const cells: SettingCells = {
    get: (key) => {
      const entry = entries.get(key);
      return entry && !isBlankCell(entry.value) ? entry.value : undefined;
    },
    off: (key, message) => {
      const entry = entries.get(key);
      if (entry)
        sink.cell('settings.invalid', 'settings', title, entry.rowIndex, valueCol, message, {
          severity: 'warning',
        });
    },
    invalid: (key, message) => {
      const entry = entries.get(key);
      if (entry) invalid(entry, message);
    },
  };
  readFeatureSwitches(cells, settings);
  readSecretariat(cells, settings);

  return { settings, title, fatal };
}
