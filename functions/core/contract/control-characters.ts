/**
 * `cell.control_character` (docs/workbook.md#text): a line break or control character
 * inside a name, id or address (Excel's `_x000D_` from a Windows program, a vertical tab
 * from Word) is a warning at its cell; the text is read with a space in its place
 * (normalize.ts `normalizeDisplay`).
 */
import type { CellValue } from './cells.ts';
import { CONTROL_CHARACTERS } from '../language/normalize.ts';
import { messages, type ProblemContext, type ProblemSink } from './problem-messages.ts';
import type { TabKey } from './tabs.ts';

/** Whether a text cell holds a line break or a control character. */
function hasControlCharacter(cell: CellValue | undefined): boolean {
  if (typeof cell !== 'string') return false;
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(cell);
}

export interface ControlCheck {
  /** Zero-based column, or undefined when the tab has no such column. */
  column: number | undefined;
  /** What the cell holds, for the message: «نام دستگاه». */
  what: string;
}

/** Reports each of the row's `checks` cells that holds a control character. */
export function reportControlCharacters(
  sink: ProblemSink,
  place: { tabKey: TabKey; tab: string; rowIndex: number },
  row: readonly (CellValue | undefined)[],
  checks: readonly ControlCheck[],
  context?: ProblemContext,
): void {
  for (const { column, what } of checks) {
    if (column === undefined) continue;
    const cell = row[column];
    if (!hasControlCharacter(cell)) continue;
    const message = messages.controlCharacter(what, String(cell));
    sink.cell(
      'cell.control_character',
      place.tabKey,
      place.tab,
      place.rowIndex,
      column,
      message,
      context,
    );
  }
}
