/**
 * The watcher (Cloud Scheduler calls it every few minutes): re-checks the sheet, rewriting
 * the problems tab only when the problems changed, and handles the secretary's
 * `run_request`: runs that month (a real run, never forced), clears the request and writes
 * `run_status` in Persian. Safe to call twice at once (the month lock) and to retry.
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { isKarnamehError } from '../core/contract/errors.ts';
import { defaultMonth } from '../core/language/jalali.ts';
import type { MonthKey } from '../core/language/jalali.ts';
import { chooseMonth } from '../core/contract/month-rule.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { readRunsLog } from '../core/contract/runs-log.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import { requestRow, type RequestRowFields } from '../core/runs/request-row.ts';
import type { WorkbookStore } from '../ports.ts';
import { checkMonth } from './check-month.ts';
import type { MonthLock } from './month-lock.ts';
import { remindOnWatch, type WatchReminderPorts, type WatchReminders } from './remind-on-watch.ts';
import { runMonth } from './run-month.ts';
import { entryOnWatch, type EntrySteps } from './entry-on-watch.ts';
import type { SendingLimit } from './run-month/pace-check.ts';
import {
  failedRunText,
  futureRequestText,
  invalidRequestText,
  runStatusText,
} from './run-status-text.ts';
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
 * - `invalid`: not a month; cleared, run_status says why (a junk request never blocks);
 * - `future`: a month that has not begun (`month.future`, the month rule); cleared, run_status says why;
 * - `in-progress`: a run of that month holds the lock; left for the next call;
 * - `gone`: changed or cleared in the sheet between the check and taking the lock;
 * - `handled`: the month was run (sent, blocked, already sent, …); request cleared;
 * - `failed`: the run stopped on an error; run_status says why, the request stays for a retry.
 */
type RequestState = 'invalid' | 'future' | 'in-progress' | 'gone' | 'handled' | 'failed';

interface RunRequestOutcome {
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
  /** The data entry's steps of this pass (entry-on-watch.ts): open, close, extensions taken back. */
  entry?: EntrySteps;
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
    checkWritable: () => store.checkWritable(),
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
  // The problems tab as the last run left it (a run_request of another month) is not
  // swapped back at every pass: only when the sheet's problems change.
  const lastRun = readRunsLog(findTab(raw, 'runs')).findLast((e) => e.kind === 'run');
  const check = await checkMonth(
    { store: withFirstRead(store, raw), now: ports.now, log },
    { month, onlyIfChanged: true, ...(lastRun ? { alsoCurrentFor: lastRun.month } : {}) },
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
    {
      ...ports,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.sendingLimit ? { sendingLimit: options.sendingLimit } : {}),
    },
    settings,
    options.requestedBy,
    raw,
  );
  outcome.entry = await entryOnWatch(ports, settings, raw);
  if (settings.runRequestRaw === null) return outcome;
  const requestRaw = settings.runRequestRaw;
  const requested = settings.runRequest;
  const requestedBy = ['run_request', options.requestedBy].filter(Boolean).join(' via ');
  // The runs tab's record of the request handled, written with run_status (kind `request`).
  const recorded = (fields: Pick<RequestRowFields, 'runId' | 'month' | 'status' | 'note'>) => [
    requestRow({ ...fields, time: ports.now(), requestedBy }),
  ];
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

  const choice = chooseMonth(requested ?? requestRaw, ports.now());
  if (!choice.ok) {
    // Cleared with the reason: a request that cannot be run never stays to block every pass.
    const status =
      choice.code === 'month.future'
        ? futureRequestText(requestRaw, choice.month, choice.current)
        : invalidRequestText(requestRaw);
    await store.write({
      outputs: {},
      settings: [
        { key: 'run_request', value: '' },
        { key: 'run_status', value: status },
      ],
      runs: recorded({
        runId: ports.newRunId(),
        month: choice.month ?? '',
        status: 'blocked',
        note: status,
      }),
    });
    log.warn(`run_request ${requestRaw}: ${choice.code}: ${choice.message}; cleared`, { month });
    const state = choice.code === 'month.future' ? 'future' : 'invalid';
    return request(state, {
      runStatus: status,
      error: { code: choice.code, message: choice.message },
    });
  }
  const requestedMonth = choice.month;

  const release = ports.lock.tryAcquire(requestedMonth);
  if (!release) {
    const why = 'a run of that month is in progress; left for the next call';
    log.info(`run_request ${requestedMonth}: ${why}`, { month: requestedMonth });
    return request('in-progress');
  }
  try {
    // Read again under the lock: the sheet may have changed since the check (the
    // secretary, or a run by the other function).
    const fresh = await store.read();
    if (settingsOf(fresh, requestedMonth).runRequest !== requestedMonth) {
      log.info(`run_request ${requestedMonth} was handled by another call`, {
        month: requestedMonth,
      });
      return request('gone');
    }
    let run: RunMonthOutcome;
    // The run's id, for the request's row (a run that failed has no outcome to say it).
    let runId = '';
    const newRunId = () => (runId ||= ports.newRunId());
    try {
      run = await runMonth(
        { ...ports, newRunId, store: withFirstRead(store, fresh) },
        {
          month: requestedMonth,
          requestedBy,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.sendingLimit ? { sendingLimit: options.sendingLimit } : {}),
        },
      );
    } catch (error) {
      if (isKarnamehError(error) && error.code === 'run.in_progress') {
        // Another service is running this month right now: leave the request for the next tick.
        log.info(error.message, { month: requestedMonth });
        return request('in-progress');
      }
      const failure = {
        code: isKarnamehError(error) ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      };
      log.error(`run_request ${requestedMonth} failed: ${failure.message}`, {
        month: requestedMonth,
      });
      const status = failedRunText(requestedMonth, failure.message, ports.now());
      // The request stays: the next call tries again (nothing is sent twice: runs-log.ts).
      await store.write({
        outputs: {},
        settings: [{ key: 'run_status', value: status }],
        runs: recorded({
          runId: newRunId(),
          month: requestedMonth,
          status: 'failed',
          note: status,
        }),
      });
      return request('failed', { runStatus: status, error: failure });
    }
    const status = runStatusText(run, ports.now());
    await store.write({
      outputs: {},
      settings: [
        { key: 'run_request', value: '' },
        { key: 'run_status', value: status },
      ],
      runs: recorded({ runId: run.runId, month: requestedMonth, status: 'done', note: status }),
    });
    log.info(`run_request ${requestedMonth} handled: ${run.message}`, {
      runId: run.runId,
      month: requestedMonth,
    });
    return request('handled', { runStatus: status, run });
  } finally {
    release();
  }
}
