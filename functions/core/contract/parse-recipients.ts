/** The recipients tab: email, name, active (docs/workbook.md#recipients). */
import { cellText, isBlankCell, parseBooleanCell, parseEmailCell } from './cell-values.ts';
import type { RawWorkbook } from './cells.ts';
import type { Recipient } from './model.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import { reportControlCharacters } from './control-characters.ts';
import { cellAt, dataRows, openTab } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

/**
 * Reads the recipients; never fatal (a missing tab or email column means nobody gets the
 * mail, and says so). A blank or malformed email, or an `active` that is not yes/no, is
 * `recipient.invalid` at that cell and the row is skipped; inactive rows are skipped;
 * an address given twice (any case) is kept once, the first time. No valid active recipient
 * at all is `recipient.none` (the run is blocked, never "sent to 0").
 */
export function parseRecipients(workbook: RawWorkbook, sink: ProblemSink): Recipient[] {
  const opened = openTab(workbook, 'recipients', sink, false);
  if (!opened || !opened.complete) {
    const title = opened?.title ?? TABS.recipients.label;
    sink.tab('recipient.none', 'recipients', title, messages.recipientNone(title));
    return [];
  }
  const { title, columns } = opened;
  const emailCol = columns.index.get('email') ?? 0;
  const nameCol = columns.index.get('name');
  const activeCol = columns.index.get('active');

  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const row of dataRows(opened)) {
    reportControlCharacters(
      sink,
      { tabKey: 'recipients', tab: title, rowIndex: row.rowIndex },
      row.cells,
      [
        { column: emailCol, what: 'ایمیل گیرنده' },
        { column: nameCol, what: 'نام گیرنده' },
      ],
    );
    const emailCell = cellAt(row, emailCol);
    const email = parseEmailCell(emailCell);
    if (email === null) {
      const message = isBlankCell(emailCell)
        ? messages.recipientEmailEmpty()
        : messages.recipientEmailInvalid(cellText(emailCell));
      sink.cell('recipient.invalid', 'recipients', title, row.rowIndex, emailCol, message);
    }
    const activeCell = cellAt(row, activeCol);
    const active = parseBooleanCell(activeCell, true);
    if (active === null) {
      const shown = email ?? cellText(emailCell);
      sink.cell(
        'recipient.invalid',
        'recipients',
        title,
        row.rowIndex,
        activeCol ?? 0,
        messages.recipientActiveInvalid(shown, cellText(activeCell)),
      );
    }
    if (email === null || active !== true) continue;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const name = cellText(cellAt(row, nameCol));
    recipients.push({ email, name: name === '' ? null : name });
  }
  if (recipients.length === 0) {
    sink.cell('recipient.none', 'recipients', title, 1, emailCol, messages.recipientNone(title));
  }
  return recipients;
}
