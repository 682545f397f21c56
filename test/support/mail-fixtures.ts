/** Helpers for the mail tests: a copy of the example to edit, and the CLI run over SMTP. */
import ExcelJS from 'exceljs';
import type { ParsedMail } from 'mailparser';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawTab } from '../../functions/core/contract/cells.ts';
import { readRunsLog, type RunsEntry } from '../../functions/core/contract/runs-log.ts';
import { findTab } from '../../functions/core/contract/tab-lookup.ts';
import { TABS, type TabKey } from '../../functions/core/contract/tabs.ts';
import { karnameh, type CliRun } from './cli-harness.ts';

/** The example's recipients, in the order of the tab. */
export const RECIPIENTS = [
  'dabirkhaneh@example.org',
  'z.moradi@example.org',
  'h.nazari@example.org',
] as const;

export const MAIL_FROM = 'روابط‌عمومی استانداری ایلام <pr@ilam.example>';
export const MONTH = '1403-04';

/** `karnameh run --workbook … --outbox … --month 1403-04 …` with SMTP_URL and MAIL_FROM. */
export function runOverSmtp(
  box: { workbook: string; outbox: string },
  smtpUrl: string,
  ...args: string[]
): Promise<CliRun> {
  return karnameh(
    [
      'run',
      '--workbook',
      box.workbook,
      '--outbox',
      box.outbox,
      ...(args.includes('--month') ? [] : ['--month', MONTH]),
      ...args,
    ],
    { SMTP_URL: smtpUrl, MAIL_FROM },
  );
}

/** Opens an .xlsx with exceljs, lets `edit` change one tab (found by its label), saves it. */
export async function editTab(
  path: string,
  key: TabKey,
  edit: (worksheet: ExcelJS.Worksheet) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const worksheet = workbook.getWorksheet(TABS[key].label);
  if (!worksheet) throw new Error(`no ${key} tab in ${path}`);
  edit(worksheet);
  await workbook.xlsx.writeFile(path);
}

/** Renames agencies (id → name) in the agencies tab. */
export function renameAgencies(path: string, names: Record<string, string>): Promise<void> {
  return editTab(path, 'agencies', (worksheet) => {
    worksheet.eachRow((row) => {
      const id = row.getCell(1).value;
      const name = typeof id === 'string' ? names[id] : undefined;
      if (name !== undefined) row.getCell(2).value = name;
    });
  });
}

/** A tab of the workbook as the store reads it (with the sibling's outputs, if any). */
export async function tabOf(path: string, key: TabKey): Promise<RawTab | undefined> {
  return findTab(await createXlsxStore(path).read(), key);
}

/** The runs tab as [kind, status, recipient] rows. */
export async function runsOf(path: string): Promise<RunsEntry[]> {
  return readRunsLog(await tabOf(path, 'runs'));
}

export const brief = (entries: RunsEntry[]): string[][] =>
  entries.map((e) => [e.kind, e.status, e.recipient]);

/** The header block of a raw message (before the first blank line). */
export function headerBlock(raw: Buffer): string {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? text : text.slice(0, end);
}

/** The addresses of a parsed address header (To, Cc, Bcc), lower-case. */
export function addresses(header: ParsedMail['to']): string[] {
  if (!header) return [];
  return (Array.isArray(header) ? header : [header])
    .flatMap((h) => h.value)
    .map((a) => (a.address ?? '').toLowerCase());
}

/**
 * Sets `agency_cards` (کارنامه دستگاه‌ها) in the settings tab: the release tests turn the
 * agencies' cards off so they count only the release (test/scenarios/smtp/agency-cards.test.ts has
 * the cards).
 */
export function setAgencyCards(path: string, on: boolean): Promise<void> {
  const value = on ? 'بله' : 'خیر';
  return editTab(path, 'settings', (worksheet) => {
    let found = false;
    worksheet.eachRow((row) => {
      const key = row.getCell(1).value;
      if (key === 'کارنامه دستگاه‌ها' || key === 'agency_cards') {
        row.getCell(2).value = value;
        found = true;
      }
    });
    if (!found) worksheet.addRow(['کارنامه دستگاه‌ها', value]);
  });
}
