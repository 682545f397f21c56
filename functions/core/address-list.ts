/**
 * A cell of one or more e-mail addresses (workbook.md: the agencies' email column, the
 * `editors` setting): separated by `,` or `،`; a Google Group written `group:name@domain`.
 */
import { cellText } from './cell-values.ts';
import type { CellValue } from './cells.ts';
import { parseEmailCell } from './cell-values.ts';

export interface ListedAddress {
  /** The address as written, trimmed, without `group:`. */
  email: string;
  /** Written `group:name@domain`: a Google Group (protections name it as a group). */
  group: boolean;
}

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
  for (const part of cellText(cell).split(/[,،]/)) {
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
