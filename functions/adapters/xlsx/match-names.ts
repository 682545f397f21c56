import type { Workbook, Worksheet } from 'exceljs';
import { matchesKey } from '../../core/tab-lookup.ts';
import { TABS, type TabKey } from '../../core/tabs.ts';

/** The workbook's worksheet for a tab key (first match in workbook order), if any. */
export function findWorksheet(workbook: Workbook, key: TabKey): Worksheet | undefined {
  return workbook.worksheets.find((ws) => matchesKey(ws.name, key, TABS[key].label));
}
