/**
 * The watcher (Cloud Scheduler calls it every few minutes): re-checks the sheet, rewriting
 * the problems tab only when the problems changed, and handles the secretary's
 * `run_request`: runs that month (a real run, never forced), clears the request and writes
 * `run_status` in Persian. Safe to call twice at once (the month lock) and to retry.
 */
import type { RawWorkbook } from '../core/cells.ts';
import { isKarnamehError } from '../core/errors.ts';
import { defaultMonth, jalaliDateTime, monthName, toPersianDigits } from '../core/jalali.ts';
import type { MonthKey } from '../core/jalali.ts';
import { parseWorkbook } from '../core/parse-workbook.ts';
import type { WorkbookStore } from '../ports.ts';
import { checkMonth } from './check-month.ts';
import type { MonthLock } from './month-lock.ts';
import { remindOnWatch, type WatchReminderPorts, type WatchReminders } from './remind-on-watch.ts';
import { runMonth } from './run-month.ts';
import type { SendingLimit } from './run-month/pace-check.ts';
import type { RunMonthOutcome, RunMonthPorts } from './run-month.ts';

export interface WatchSheetPorts extends RunMonthPorts {
  lock: MonthLock;
  /** Renders reminders; without it the watcher sends none (remind-on-watch.ts). */
  renderReminders?: WatchReminderPorts['renderReminders'];
}

export interface WatchSheetOptions {
  /** The month the problems tab is checked for; default: the Jalali month before today. */
  month?: MonthKey;
  /** Who called (the scheduler's service account); recorded with the run in the runs tab. */
  requestedBy?: string;
  /** Aborted on SIGTERM: a requested run records what it sent and stops. */
  signal?: AbortSignal;
  /** How long a requested run's messages may take at SMTP_RATE. */
  sendingLimit?: SendingLimit;
}

/**
 * What became of a `run_request`:
 * - `invalid`: not a month; run_status says so, the request stays for the secretary to fix;
 * - `in-progress`: a run of that month holds the lock; left for the next call;
 * - `gone`: changed or cleared in the sheet between the check and taking the lock;
 * - `handled`: the month was run (sent, blocked, already sent, …); request cleared;
 * - `failed`: the run stopped on an error; run_status says why, the request stays for a retry.
 */
export type RequestState = 'invalid' | 'in-progress' | 'gone' | 'handled' | 'failed';

export interface RunRequestOutcome {
  /** The cell as written. */
  raw: string;
  month: MonthKey | null;
  state: RequestState;
  /** The run_status written, or null when none was. */
  runStatus: string | null;
  run: RunMonthOutcome | null;
  error: { code: string; message: string } | null;
}

export interface WatchSheetOutcome {
  /** The month checked. */
  month: MonthKey;
  errors: number;
  warnings: number;
  /** Whether the problems tab was rewritten. */
  wroteProblems: boolean;
  request: RunRequestOutcome | null;
  /** The reminder rounds of this pass: [] unless today is a reminder day. */
  reminders: WatchReminders[];
}

/** A store whose first read answers `raw` (already read), later reads go to the sheet. */
function withFirstRead(store: WorkbookStore, raw: RawWorkbook): WorkbookStore {
  let first: RawWorkbook | null = raw;
  return {
    description: store.description,
    read: async () => {
      const held = first;
      first = null;
      return held ?? store.read();
    },
    write: (request) => store.write(request),
    init: (template) => store.init(template),
    readRuns: () => store.readRuns(),
    ...(store.lockRun ? { lockRun: store.lockRun.bind(store) } : {}),
  };
}

function settingsOf(raw: RawWorkbook, month: MonthKey) {
  return parseWorkbook(raw, { month }).model.settings;
}

/** One pass of the watcher; passes (and runs) in this process take turns (month-lock.ts). */
export function watchSheet(
  ports: WatchSheetPorts,
  options: WatchSheetOptions = {},
): Promise<WatchSheetOutcome> {
  return ports.lock.exclusive(() => watchOnce(ports, options));
}

async function watchOnce(
  ports: WatchSheetPorts,
  options: WatchSheetOptions,
): Promise<WatchSheetOutcome> {
  const { store, log } = ports;
  const month = options.month ?? defaultMonth(ports.now());
  const raw = await store.read();
  const check = await checkMonth(
    { store: withFirstRead(store, raw), now: ports.now, log },
    { month, onlyIfChanged: true },
  );
  if (check.wrote) log.info('problems tab rewritten: the problems changed', { month });
  const outcome: WatchSheetOutcome = {
    month,
    errors: check.errors,
    warnings: check.warnings,
    wroteProblems: check.wrote,
    request: null,
    reminders: [],
  };

  const settings = settingsOf(raw, month);
  outcome.reminders = await remindOnWatch(
    { ...ports, ...(options.signal ? { signal: options.signal } : {}) },
    settings,
    options.requestedBy,
    raw,
  );
  if (settings.runRequestRaw === null) return outcome;
  const requestRaw = settings.runRequestRaw;
  const requested = settings.runRequest;
  const request = (
    state: RequestState,
    more: Partial<RunRequestOutcome> = {},
  ): WatchSheetOutcome => ({
    ...outcome,
    request: {
      raw: requestRaw,
      month: requested,
      state,
      runStatus: null,
      run: null,
      error: null,
      ...more,
    },
  });

  if (requested === null) {
    const status = invalidRequestText(requestRaw);
    // Written once: a request nobody fixes does not cost a write on every call.
    if (settings.runStatus === status) return request('invalid');
    await store.write({ outputs: {}, settings: [{ key: 'run_status', value: status }] });
    log.warn(`run_request is not a month: ${requestRaw}`, { month });
    return request('invalid', { runStatus: status });
  }

  const release = ports.lock.tryAcquire(requested);
  if (!release) {
    const why = 'a run of that month is in progress; left for the next call';
    log.info(`run_request ${requested}: ${why}`, { month: requested });
    return request('in-progress');
  }
  try {
    // Read again under the lock: the sheet may have changed since the check (the
    // secretary, or a run by the other function).
    const fresh = await store.read();
    if (settingsOf(fresh, requested).runRequest !== requested) {
      log.info(`run_request ${requested} was handled by another call`, { month: requested });
      return request('gone');
    }
    let run: RunMonthOutcome;
    try {
      run = await runMonth(
        { ...ports, store: withFirstRead(store, fresh) },
        {
          month: requested,
          requestedBy: ['run_request', options.requestedBy].filter(Boolean).join(' via '),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.sendingLimit ? { sendingLimit: options.sendingLimit } : {}),
        },
      );
    } catch (error) {
      if (isKarnamehError(error) && error.code === 'run.in_progress') {
        // Another service is running this month right now: leave the request for the next tick.
        log.info(error.message, { month: requested });
        return request('in-progress');
      }
      const failure = {
        code: isKarnamehError(error) ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      };
      log.error(`run_request ${requested} failed: ${failure.message}`, { month: requested });
      const status = failedRunText(requested, failure.message, ports.now());
      // The request stays: the next call tries again (nothing is sent twice: runs-log.ts).
      await store.write({ outputs: {}, settings: [{ key: 'run_status', value: status }] });
      return request('failed', { runStatus: status, error: failure });
    }
    const status = runStatusText(run, ports.now());
    await store.write({
      outputs: {},
      settings: [
        { key: 'run_request', value: '' },
        { key: 'run_status', value: status },
      ],
    });
    log.info(`run_request ${requested} handled: ${run.message}`, {
      runId: run.runId,
      month: requested,
    });
    return request('handled', { runStatus: status, run });
  } finally {
    release();
  }
}

const LIST_LIMIT = 10;

/** `a، b، c و ۴ مورد دیگر`. */
function persianList(items: string[], more: string): string {
  const shown = items.slice(0, LIST_LIMIT).join('، ');
  const rest = items.length - LIST_LIMIT;
  return rest > 0 ? `${shown} و ${toPersianDigits(rest)} ${more} دیگر` : shown;
}

const AGAIN = 'برای اجرای دوباره، ماه را دوباره در «درخواست اجرا» بنویسید.';

/** run_status for a month that was run: what went out, to how many, when; or why not. */
export function runStatusText(run: RunMonthOutcome, at: Date): string {
  const { summary } = run;
  const name = `کارنامهٔ ${summary.monthName}`;
  const when = jalaliDateTime(at);
  const unconfirmed =
    run.unconfirmed.length > 0
      ? ` ارسال قبلی به این نشانی‌ها ثبت شد اما هرگز تأیید نشد و برای پرهیز از نسخهٔ دوم خودکار تکرار نمی‌شود: ${persianList(run.unconfirmed, 'نشانی')}؛ از آنها بپرسید که نامه را گرفته‌اند یا نه.`
      : '';
  const sent = run.deliveries.filter((d) => d.status === 'sent').length;
  const failed = run.deliveries.filter((d) => d.status === 'failed').map((d) => d.email);

  if (summary.status === 'sent') {
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

/** run_status for a run_request that is not a month. */
export function invalidRequestText(raw: string): string {
  return `«${raw}» ماه معتبری نیست؛ ماه را مانند ${toPersianDigits('1403-04')} یا «تیر ${toPersianDigits(1403)}» بنویسید.`;
}
