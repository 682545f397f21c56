/** The `run_status` texts the watcher writes back after a run request, in Persian. */
import { jalaliDateTime, monthName, toPersianDigits, type MonthKey } from '../language/jalali.ts';
import type { Summary } from '../figures/summary.ts';

/** What a month's run came to, as much as its `run_status` tells (a run-month outcome). */
interface RunStatusFacts {
  summary: Pick<Summary, 'status' | 'monthName' | 'groups'>;
  deliveries: readonly { status: string; email: string; file?: string }[];
  /** Addresses whose earlier delivery was never confirmed (not sent again). */
  unconfirmed: readonly string[];
  /** The run's own message, said when nothing else explains why it sent nothing. */
  message: string;
}

const LIST_LIMIT = 10;

/** `a، b، c و ۴ مورد دیگر`. */
function persianList(items: readonly string[], more: string): string {
  const shown = items.slice(0, LIST_LIMIT).join('، ');
  const rest = items.length - LIST_LIMIT;
  return rest > 0 ? `${shown} و ${toPersianDigits(rest)} ${more} دیگر` : shown;
}

const AGAIN = 'برای اجرای دوباره، ماه را دوباره در «درخواست اجرا» بنویسید.';

/** run_status for a month that was run: what went out, to how many, when; or why not. */
export function runStatusText(run: RunStatusFacts, at: Date): string {
  const { summary } = run;
  const name = `کارنامهٔ ${summary.monthName}`;
  const when = jalaliDateTime(at);
  const unconfirmed =
    run.unconfirmed.length > 0
      ? ` ارسال قبلی به این نشانی‌ها ثبت شد اما هرگز تأیید نشد و برای پرهیز از نسخهٔ دوم خودکار تکرار نمی‌شود: ${persianList(run.unconfirmed, 'نشانی')}؛ از آنها بپرسید که نامه را گرفته‌اند یا نه.`
      : '';
  const sent = run.deliveries.filter((d) => d.status === 'sent').length;
  const failed = run.deliveries.filter((d) => d.status === 'failed').map((d) => d.email);
  // Without SMTP the outbox only wrote .eml files: nobody got anything yet.
  const written = run.deliveries.some((d) => d.file !== undefined);

  if (summary.status === 'sent') {
    if (written && failed.length === 0) {
      return `${name} در ${when} برای ${toPersianDigits(sent)} گیرنده به‌صورت پروندهٔ .eml در پوشهٔ خروجی نوشته شد و فرستاده نشد (نشانی سرور ایمیل تنظیم نشده است).${unconfirmed}`;
    }
    if (failed.length === 0) {
      return `${name} در ${when} برای ${toPersianDigits(sent)} گیرنده فرستاده شد.${unconfirmed}`;
    }
    const lead =
      sent > 0
        ? `${name} در ${when} برای ${toPersianDigits(sent)} گیرنده فرستاده شد؛ ارسال به ${persianList(failed, 'نشانی')} ناموفق بود.`
        : `ارسال ${name} در ${when} ناموفق بود: ${persianList(failed, 'نشانی')}.`;
    return `${lead} ${AGAIN} (تنها به کسانی فرستاده می‌شود که هنوز نامه را نگرفته‌اند.)${unconfirmed}`;
  }
  if (summary.status === 'already-sent') {
    return `${name} پیش‌تر فرستاده شده است و دوباره فرستاده نشد (${when}).${unconfirmed}`;
  }

  const missing = summary.groups.flatMap((g) => g.notEvaluated);
  const evaluated = summary.groups.reduce((n, g) => n + g.evaluated, 0);
  const stopped = `${name} فرستاده نشد (${when}):`;
  if (summary.groups.length === 0) {
    return `${stopped} کارنامه ساختار درستی ندارد؛ برگهٔ «خطاها» را ببینید. ${AGAIN}`;
  }
  if (evaluated === 0) {
    return `${stopped} هیچ دستگاهی در این ماه ارزیابی نشده است. ${AGAIN}`;
  }
  if (missing.length > 0) {
    return `${stopped} ${toPersianDigits(missing.length)} دستگاه ارزیابی نشده‌اند: ${persianList(
      missing.map((m) => m.name),
      'دستگاه',
    )}. پس از تکمیل امتیازها (برگهٔ «خطاها» را ببینید)، ماه را دوباره در «درخواست اجرا» بنویسید.`;
  }
  if (run.unconfirmed.length > 0) return `${stopped}${unconfirmed}`;
  return `${stopped} ${run.message}`;
}

/** run_status for a run that stopped on an error; the request stays for the next call. */
export function failedRunText(month: MonthKey, message: string, at: Date): string {
  return `اجرای کارنامهٔ ${monthName(month)} در ${jalaliDateTime(at)} ناموفق بود: ${message} — درخواست سر جایش ماند و در نوبت بعدی دوباره امتحان می‌شود.`;
}

/** run_status for a run_request that is not a month (the request is cleared). */
export function invalidRequestText(raw: string): string {
  return `«${raw}» ماه معتبری نیست و درخواست پاک شد؛ ماه را مانند ${toPersianDigits('1403-04')} یا «تیر ${toPersianDigits(1403)}» دوباره در «درخواست اجرا» بنویسید.`;
}

/** run_status for a run_request of a month that has not begun (`month.future`; cleared). */
export function futureRequestText(raw: string, month: MonthKey, current: MonthKey): string {
  return `«${raw}» (${monthName(month)}) هنوز آغاز نشده است و درخواست پاک شد؛ ماه جاری ${monthName(current)} است و هر ماه را پس از آغازش می‌توان اجرا کرد.`;
}
