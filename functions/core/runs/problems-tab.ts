/** The problems tab's rows, from the problems the checker found. */
import type { CellValue } from '../contract/cells.ts';
import type { Problem } from '../contract/problems.ts';
import { TABS } from '../contract/tabs.ts';

const SEVERITY_LABEL = { error: 'خطا', warning: 'هشدار' } as const;

/** The problems tab's rows (header first), in the order the checker found them. */
export function problemsRows(problems: Problem[]): CellValue[][] {
  const header = TABS.problems.columns.map((c) => c.label);
  return [
    header,
    ...problems.map((p) => [SEVERITY_LABEL[p.severity], p.code, p.tab, p.cell, p.message]),
  ];
}
