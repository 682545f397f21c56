/** The bands tab: label and min (docs/workbook.md#bands). */
import { cellText, isBlankCell, parseNumberCell } from './cell-values.ts';
import type { RawWorkbook } from './cells.ts';
import type { Band } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { faRow, messages, type ProblemSink } from './problem-messages.ts';
import { cellAt, dataRows, openTab } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

export interface BandsResult {
  /** Sorted by min; on a fatal result, the rows that could be read. */
  bands: Band[];
  title: string;
  /** Any band problem makes the bands unusable: the figures cannot be computed. */
  fatal: boolean;
}

interface Candidate {
  band: Band;
  rowIndex: number;
}

/**
 * Reads the bands in any row order and sorts them by min. Every label must be non-empty and
 * unique (normalized), every min a number from 0 to 100; sorted, the first min is 0 and the
 * mins strictly increase. Each violation is `band.invalid` at its cell, and fatal.
 */
export function parseBands(workbook: RawWorkbook, sink: ProblemSink): BandsResult {
  const opened = openTab(workbook, 'bands', sink, true);
  if (!opened) return { bands: [], title: TABS.bands.label, fatal: true };
  const { title, columns } = opened;
  if (!opened.complete) return { bands: [], title, fatal: true };

  const labelCol = columns.index.get('label') ?? 0;
  const minCol = columns.index.get('min') ?? 0;
  let fatal = false;
  const problem = (rowIndex: number, column: number, message: string): void => {
    sink.cell('band.invalid', 'bands', title, rowIndex, column, message);
    fatal = true;
  };

  const firstRowOfLabel = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const row of dataRows(opened)) {
    const label = cellText(cellAt(row, labelCol));
    const labelKey = normalizeName(label);
    let valid = true;
    if (labelKey === '') {
      problem(row.rowIndex, labelCol, messages.bandLabelEmpty());
      valid = false;
    } else {
      const first = firstRowOfLabel.get(labelKey);
      if (first !== undefined) {
        problem(row.rowIndex, labelCol, messages.bandLabelDuplicate(label, first));
        valid = false;
      } else {
        firstRowOfLabel.set(labelKey, row.rowIndex);
      }
    }
    const minCell = cellAt(row, minCol);
    const min = parseNumberCell(minCell);
    if (min === null || min < 0 || min > 100) {
      const shown = labelKey === '' ? `ردیف ${faRow(row.rowIndex)}` : label;
      problem(
        row.rowIndex,
        minCol,
        messages.bandMinInvalid(shown, isBlankCell(minCell) ? '' : cellText(minCell)),
      );
      valid = false;
    }
    if (valid && min !== null) candidates.push({ band: { label, min }, rowIndex: row.rowIndex });
  }

  if (candidates.length === 0) {
    sink.tab('band.invalid', 'bands', title, messages.noBands(title));
    return { bands: [], title, fatal: true };
  }

  candidates.sort((a, b) => a.band.min - b.band.min || a.rowIndex - b.rowIndex);
  const lowest = candidates[0];
  if (lowest && lowest.band.min !== 0) {
    problem(lowest.rowIndex, minCol, messages.bandFirstNotZero(lowest.band.label, lowest.band.min));
  }
  const bands: Band[] = [];
  let previous: Candidate | undefined;
  for (const candidate of candidates) {
    if (previous && candidate.band.min === previous.band.min) {
      problem(
        candidate.rowIndex,
        minCol,
        messages.bandMinRepeated(candidate.band.label, previous.band.label, candidate.band.min),
      );
      continue;
    }
    bands.push(candidate.band);
    previous = candidate;
  }
  return { bands, title, fatal };
}
