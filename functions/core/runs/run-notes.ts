/**
 * The Persian notes the product writes in the runs tab's detail column (docs/workbook.md#runs):
 * one catalogue, so that the use cases only say which note and with what, never the words.
 */

/** Lists in a note: `a، b، c`. */
const list = (items: readonly string[]): string => items.join('، ');

/** The parts of a note, the empty ones left out: `a؛ b`. */
export function joinNotes(parts: readonly string[]): string {
  return parts.filter(Boolean).join('؛ ');
}

/** A release sent as a correction of one already sent. */
export const CORRECTION_NOTE = 'اصلاحیه';

/** A test copy sent with `--to`. */
export const TEST_COPY_NOTE = 'نسخه آزمایشی';

/** A run stopped because the workbook cannot be read as a scorecard. */
export const BROKEN_WORKBOOK_NOTE = 'ساختار کارنامه ناقص است';

/** What became of one kind of mail in a run: addresses (or agency ids) by how it ended. */
export interface DeliveryCounts {
  sent: number;
  failed: readonly string[];
  unconfirmed: readonly string[];
  /** Not tried because the run was stopped; null when it was not stopped. */
  skipped: readonly string[] | null;
  /** The outbox only wrote them as .eml files (no SMTP): nobody got them. */
  written?: boolean;
}

/** The release's line (or, for .eml files, `N نامه … نوشته شد`): `ارسال به N گیرنده؛ ناموفق: …؛ تأییدنشده: …؛ متوقف شد؛ …`, after `lead`. */
export function releaseNote(counts: DeliveryCounts, lead = ''): string {
  return joinNotes([
    lead,
    counts.written
      ? `${counts.sent} نامه در پوشهٔ خروجی (.eml) نوشته شد؛ چیزی فرستاده نشد`
      : `ارسال به ${counts.sent} گیرنده`,
    counts.failed.length > 0 ? `ناموفق: ${list(counts.failed)}` : '',
    counts.unconfirmed.length > 0 ? `تأییدنشده: ${list(counts.unconfirmed)}` : '',
    counts.skipped ? `متوقف شد؛ فرستاده‌نشده: ${list(counts.skipped)}` : '',
  ]);
}

/** The cards' line: «کارنامه: ارسال به N دستگاه» and the cards not reached. */
export function cardsNote(counts: DeliveryCounts): string {
  return joinNotes([
    counts.written
      ? `کارنامه: ${counts.sent} نامه در پوشهٔ خروجی (.eml) نوشته شد`
      : `کارنامه: ارسال به ${counts.sent} دستگاه`,
    counts.failed.length > 0 ? `کارنامه ناموفق: ${list(counts.failed)}` : '',
    counts.unconfirmed.length > 0 ? `کارنامه تأییدنشده: ${list(counts.unconfirmed)}` : '',
    counts.skipped ? `کارنامه فرستاده‌نشده: ${list(counts.skipped)}` : '',
  ]);
}

/** A run refused because another run of the month holds it (`why`: its id, or the lock's word). */
export const otherRunNote = (why: string): string => `اجرای دیگری از این ماه در جریان است: ${why}`;

/** A run that sent nothing because earlier deliveries to these were never confirmed. */
export const unconfirmedBeforeNote = (emails: readonly string[]): string =>
  `ارسال قبلی تأیید نشده است: ${list(emails)}`;

/** The public pages: published, or not and why (`why` null: no place set for them). */
export function siteNote(published: boolean, why: string | null = null): string {
  if (published) return 'صفحه‌های عمومی منتشر شد';
  return `صفحه‌های عمومی منتشر نشد: ${why ?? 'جایی برای آن تعیین نشده است'}`;
}

/** The claim of a reminder round on `day`. */
export const reminderRoundNote = (day: string): string => `یادآوری ${day}`;

/** A reminder round that failed with `why`. */
export const reminderFailedNote = (why: string): string => `یادآوری: ${why}`;

/** A reminder round stopped by a signal (`why`), with what went out and what did not. */
export const reminderStoppedNote = (
  why: string,
  sent: number,
  untried: number,
  written = false,
): string =>
  `یادآوری: با ${why} متوقف شد؛ ${sent} ${written ? 'در پوشهٔ خروجی (.eml) نوشته شد' : 'فرستاده شد'}، ${untried} فرستاده نشد`;

/**
 * A reminder round at its end: how many were sent and, when some were not (`missed`), how
 * many failed and how many went unconfirmed.
 */
export function reminderClosingNote(
  sent: number,
  missed: { failed: number; unconfirmed: number } | null,
  written = false,
): string {
  const rest = missed ? `، ${missed.failed} ناموفق، ${missed.unconfirmed} تأییدنشده` : '';
  const verb = written ? 'در پوشهٔ خروجی (.eml) نوشته شد؛ چیزی فرستاده نشد' : 'فرستاده شد';
  return `یادآوری: ${sent} ${verb}${rest}`;
}
