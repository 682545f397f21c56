// Statement 10: the year so far, each group's weak share (with counts in a small group) and mean.
import { monthOnlyName, splitMonth, toPersianDigits } from '../language/jalali.ts';
import { percentSignText, percentText, persianNumber } from '../language/persian-text.ts';
import type { Summary } from '../figures/summary.ts';
import { groupNaming } from './names.ts';
import { SMALL_GROUP } from './shares.ts';

interface YearCell {
  hasValue: boolean;
  /** `۹۱٪` for the table, `۹۱ درصد` for the text part. */
  weakSign: string;
  weakText: string;
  /** In a small group, the weak count: `۸ از ۱۰`; else empty. */
  countText: string;
  /** No trailing zero: `۲۷٫۰۶`, `۲۸٫۵`. */
  meanText: string;
  plural: string;
  /** «؛ » between the groups in the text part. */
  sep: string;
}

interface YearRow {
  month: string;
  current: boolean;
  cells: YearCell[];
}

/** Statement 10: one row per month of the Jalali year so far, each group's weak share and mean. */
export interface YearTableView {
  present: boolean;
  yearText: string;
  columns: { plural: string }[];
  rows: YearRow[];
}

/** Per group and month: how many were weak and how many evaluated (release-input.ts). */
export type HistoryCounts = Record<string, Record<string, { weak: number; evaluated: number }>>;

export function yearTableView(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
  weakBands: number,
  counts: HistoryCounts = {},
): YearTableView {
  const groups = summary.groups.filter((group) => group.history.length > 0);
  const months = [...new Set(groups.flatMap((group) => group.history.map((h) => h.month)))]
    .filter((month) => month <= summary.month)
    .sort();
  const columns = groups.map((group) => ({ plural: groupNaming(group.name, plurals).plural }));
  const rows = months.map((month) => ({
    month: monthOnlyName(month),
    current: month === summary.month,
    cells: groups.map((group, index) => {
      const point = group.history.find((h) => h.month === month);
      const count = counts[group.name]?.[month];
      const small = count !== undefined && count.evaluated > 0 && count.evaluated < SMALL_GROUP;
      const countText = small
        ? `${persianNumber(count.weak)} از ${persianNumber(count.evaluated)}`
        : '';
      return {
        hasValue: point !== undefined,
        weakSign: point ? percentSignText(point.weakShare) : '—',
        weakText: point ? percentText(point.weakShare) : '',
        countText: point ? countText : '',
        meanText: point ? persianNumber(point.meanScore) : '—',
        plural: columns[index]?.plural ?? '',
        sep: index < groups.length - 1 ? '؛ ' : '',
      };
    }),
  }));
  return {
    present: weakBands > 0 && months.length >= 2,
    yearText: toPersianDigits(splitMonth(summary.month).year),
    columns,
    rows,
  };
}
