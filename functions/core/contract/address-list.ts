/**
 * A cell of one or more e-mail addresses (docs/workbook.md#agencies: the email column, the
 * `editors` setting): separated by `,` or `،` (or spaces and line breaks, which no address
 * holds); a Google Group written `group:name@domain`.
 */
import { cellText } from './cell-values.ts';
import type { CellValue } from './cells.ts';
import type { Agency, ListedAddress } from './model.ts';
import { parseEmailCell } from './cell-values.ts';

export interface AddressList {
  /** Valid addresses, in the order written, each once (compared without case). */
  addresses: ListedAddress[];
  /** The parts that are not an address, as written. */
  invalid: string[];
}

const GROUP = /^group\s*:\s*/i;

/** The addresses of a cell; a blank cell has none. */
export function readAddressList(cell: CellValue | undefined): AddressList {
  const list: AddressList = { addresses: [], invalid: [] };
  const seen = new Set<string>();
  // Addresses hold no spaces: a line between two of them separates them as a comma does.
  const text = cellText(cell).replace(/group\s*:\s*/gi, 'group:');
  for (const part of text.split(/[,،\s]+/)) {
    const written = part.trim();
    if (written === '') continue;
    const group = GROUP.test(written);
    const email = parseEmailCell(written.replace(GROUP, ''));
    if (email === null) {
      list.invalid.push(written);
      continue;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    list.addresses.push({ email, group });
  }
  return list;
}

/**
 * Fills each agency's `emails`: its addresses that no other agency names. An address named
 * by two or more agencies gets nothing (a card would show one agency's scores to another),
 * and each of them is told (`report`, once per agency and address).
 */
export function markShared(
  agencies: Agency[],
  report: (agency: Agency, email: string, others: string[]) => void,
): void {
  const owners = new Map<string, Agency[]>();
  for (const agency of agencies) {
    for (const { email } of agency.addresses) {
      const key = email.toLowerCase();
      owners.set(key, [...(owners.get(key) ?? []), agency]);
    }
  }
  for (const agency of agencies) {
    for (const { email } of agency.addresses) {
      const named = owners.get(email.toLowerCase()) ?? [];
      if (named.length <= 1) agency.emails.push(email);
      else
        report(
          agency,
          email,
          named.filter((a) => a !== agency).map((a) => a.name),
        );
    }
  }
}
