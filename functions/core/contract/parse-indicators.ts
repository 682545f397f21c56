/** The indicators tab: code, title, dimension, max, weight (docs/workbook.md#indicators). */
import { cellText, isBlankCell, parseNumberCell } from './cell-values.ts';
import type { RawWorkbook } from './cells.ts';
import type { Indicator } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { faRow, messages, type ProblemSink } from './problem-messages.ts';
import { cellAt, dataRows, openTab } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

export interface IndicatorsResult {
  /** Valid indicators in sheet order; `dimension` is the dimension's display name. */
  indicators: Indicator[];
  /** Dimension names in order of first appearance (as first written). */
  dimensions: string[];
  /** The tab's title (its Persian label when missing). */
  title: string;
  fatal: boolean;
}

/**
 * Reads the indicators. A row with an empty code or dimension, or a max or weight that is
 * not a number > 0, is reported (`indicator.invalid`, at that cell) and dropped; a code seen
 * before (normalized) is `indicator.duplicate` on the later row, and the first one counts.
 * No valid indicator at all is fatal.
 */
export function parseIndicators(workbook: RawWorkbook, sink: ProblemSink): IndicatorsResult {
  const opened = openTab(workbook, 'indicators', sink, true);
  if (!opened) return { indicators: [], dimensions: [], title: TABS.indicators.label, fatal: true };
  const { title, columns } = opened;
  if (!opened.complete) return { indicators: [], dimensions: [], title, fatal: true };

  const codeCol = columns.index.get('code');
  const titleCol = columns.index.get('title');
  const dimensionCol = columns.index.get('dimension');
  const maxCol = columns.index.get('max');
  const weightCol = columns.index.get('weight');
  const problem = (rowIndex: number, column: number | undefined, message: string): void => {
    sink.cell('indicator.invalid', 'indicators', title, rowIndex, column ?? 0, message);
  };

  const firstRowOfCode = new Map<string, number>();
  const dimensionByKey = new Map<string, string>();
  const dimensions: string[] = [];
  const indicators: Indicator[] = [];

  for (const row of dataRows(opened)) {
    const code = cellText(cellAt(row, codeCol));
    const codeKey = normalizeName(code);
    if (codeKey !== '') {
      const first = firstRowOfCode.get(codeKey);
      if (first !== undefined) {
        sink.cell(
          'indicator.duplicate',
          'indicators',
          title,
          row.rowIndex,
          codeCol ?? 0,
          messages.indicatorDuplicate(code, first),
        );
        continue;
      }
      firstRowOfCode.set(codeKey, row.rowIndex);
    }
    // Messages name the indicator by its code, or by its row when the code is empty.
    const name = codeKey !== '' ? code : `ردیف ${faRow(row.rowIndex)}`;
    let valid = true;
    if (codeKey === '') {
      problem(row.rowIndex, codeCol, messages.indicatorCodeEmpty());
      valid = false;
    }

    const dimension = cellText(cellAt(row, dimensionCol));
    const dimensionKey = normalizeName(dimension);
    if (dimensionKey === '') {
      problem(row.rowIndex, dimensionCol, messages.indicatorDimensionEmpty(name));
      valid = false;
    }

    const maxCell = cellAt(row, maxCol);
    const max = parseNumberCell(maxCell);
    if (max === null || max <= 0) {
      problem(row.rowIndex, maxCol, messages.indicatorMaxInvalid(name, cellText(maxCell)));
      valid = false;
    }

    const weightCell = cellAt(row, weightCol);
    let weight: number | null = 1;
    if (!isBlankCell(weightCell)) {
      weight = parseNumberCell(weightCell);
      if (weight === null || weight <= 0) {
        problem(
          row.rowIndex,
          weightCol,
          messages.indicatorWeightInvalid(name, cellText(weightCell)),
        );
        valid = false;
      }
    }

    if (!valid || max === null || weight === null) continue;
    let dimensionName = dimensionByKey.get(dimensionKey);
    if (dimensionName === undefined) {
      dimensionName = dimension;
      dimensionByKey.set(dimensionKey, dimension);
      dimensions.push(dimension);
    }
    indicators.push({
      code,
      title: cellText(cellAt(row, titleCol)),
      dimension: dimensionName,
      max,
      weight,
    });
  }

  if (indicators.length === 0) {
    sink.tab('indicator.invalid', 'indicators', title, messages.noIndicators(title));
    return { indicators, dimensions, title, fatal: true };
  }
  return { indicators, dimensions, title, fatal: false };
}
