/**
 * The settings that turn a feature on (docs/workbook.md#settings): `run_request`,
 * `agency_cards`, `reminder_days`, `open_day`, `public_table`. A bad value is a warning at
 * its cell that turns that feature off and says so; it never blocks the release. Also the
 * secretariat's own settings: `editors`, `secretariat`, `contact`.
 */
import { readAddressList } from './address-list.ts';
import { cellText, parseBooleanCell, parseMonthCell, rawCellText } from './cell-values.ts';
import type { CellValue } from './cells.ts';
import type { Settings } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, quote } from './problem-messages.ts';
import { readDeadline, readReminderDays } from './reminder-settings.ts';
import type { SettingKey } from './tabs.ts';

/** The settings tab's value cells, and where to report a bad one. */
export interface SettingCells {
  /** The value cell of a key that is given and not blank. */
  get(key: SettingKey): CellValue | undefined;
  /** A bad feature switch: `settings.invalid` as a warning at its value cell. */
  off(key: SettingKey, message: string): void;
  /** Any other bad value: `settings.invalid`, an error at its value cell. */
  invalid(key: SettingKey, message: string): void;
}

const PUBLIC_TABLE = new Map<string, 'top' | 'all'>([
  [normalizeName('top'), 'top'],
  [normalizeName('برترین‌ها'), 'top'],
  [normalizeName('all'), 'all'],
  [normalizeName('همه'), 'all'],
]);

/** Reads the feature switches into `settings` (`deadline` is read here too: open_day needs it). */
export function readFeatureSwitches(cells: SettingCells, settings: Settings): void {
  const request = cells.get('run_request');
  if (request !== undefined) {
    settings.runRequestRaw = rawCellText(request);
    settings.runRequest = parseMonthCell(request);
    if (settings.runRequest === null) {
      cells.off('run_request', messages.runRequestInvalid(cellText(request)));
    }
  }

  const cards = cells.get('agency_cards');
  if (cards !== undefined) {
    const on = parseBooleanCell(cards, false);
    if (on === null) cells.off('agency_cards', messages.agencyCardsInvalid(cellText(cards)));
    settings.agencyCards = on ?? false;
  }

  const deadline = cells.get('deadline');
  if (deadline !== undefined) {
    const read = readDeadline(deadline);
    if (read.ok) settings.deadline = read.value;
    else cells.invalid('deadline', read.message);
  }

  const days = cells.get('reminder_days');
  if (days !== undefined) {
    const read = readReminderDays(days);
    settings.reminderDays = read.ok ? read.value : [];
    if (!read.ok) cells.off('reminder_days', read.message);
  }

  const open = cells.get('open_day');
  if (open !== undefined) {
    const read = readDeadline(open);
    if (!read.ok) {
      cells.off('open_day', messages.openDayInvalid(cellText(open)));
    } else if (settings.deadline !== null && read.value > settings.deadline) {
      cells.off('open_day', messages.openDayAfterDeadline(read.value, settings.deadline));
    } else {
      settings.openDay = read.value;
    }
  }

  const table = cells.get('public_table');
  if (table !== undefined) {
    const choice = PUBLIC_TABLE.get(normalizeName(cellText(table)));
    settings.publicTable = choice ?? null;
    if (!choice) cells.off('public_table', messages.publicTableInvalid(cellText(table)));
  }
}

/** `editors`, `secretariat` and `contact`: a bad editor address is `settings.invalid`. */
export function readSecretariat(cells: SettingCells, settings: Settings): void {
  const editors = cells.get('editors');
  if (editors !== undefined) {
    const list = readAddressList(editors);
    settings.editors = list.addresses.map((a) => a.email.toLowerCase());
    if (list.invalid.length > 0) {
      cells.invalid('editors', messages.editorsInvalid(list.invalid.map(quote)));
    }
  }
  const name = cells.get('secretariat');
  if (name !== undefined && cellText(name) !== '') settings.secretariat = cellText(name);
  const contact = cells.get('contact');
  if (contact !== undefined && cellText(contact) !== '') settings.contact = cellText(contact);
}
