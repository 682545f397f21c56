/**
 * The watcher's part in the agencies' data entry (docs/command-line.md#watch): on or after
 * `open_day` it opens the month being collected, after the deadline day (Asia/Tehran) it
 * closes it, and it takes back extensions that ran out, archiving that agency's row again;
 * each once, by what the runs tab says was done. A step that fails is said and tried again
 * on the next pass; it never stops the rest of the pass.
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { monthState, planArchive } from '../core/contract/close-month.ts';
import { isKarnamehError } from '../core/contract/errors.ts';
import { guardWanted } from '../core/runs/guard-wanted.ts';
import { runningExtensions } from '../core/runs/extensions.ts';
import { openMonths } from '../core/contract/close-month.ts';
import { defaultMonth, jalaliDate, type MonthKey } from '../core/language/jalali.ts';
import type { Settings } from '../core/contract/model.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { readRunsLog, type RunsEntry } from '../core/contract/runs-log.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import type { Logger, MonthEdit, WorkbookStore } from '../ports.ts';
import { closeMonth } from './close-month.ts';
import { openMonth } from './open-month.ts';

export interface EntryPorts {
  store: WorkbookStore;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
}

export interface EntrySteps {
  opened: MonthKey | null;
  closed: MonthKey | null;
  /** `month agency` of each extension taken back. */
  takenBack: string[];
  errors: string[];
}

/** Extensions that ran out and were not taken back yet (no later `close` row for that agency). */
function expiredExtensions(entries: readonly RunsEntry[], now: Date): RunsEntry[] {
  const running = new Set(runningExtensions(entries, now).map((e) => `${e.month} ${e.agencyId}`));
  const last = new Map<string, RunsEntry>();
  for (const entry of entries) {
    if (entry.status !== 'done' || entry.recipient === '') continue;
    if (entry.kind === 'reopen' || entry.kind === 'close') {
      last.set(`${entry.month} ${entry.recipient}`, entry);
    }
  }
  return [...last.entries()]
    .filter(([key, entry]) => entry.kind === 'reopen' && !running.has(key))
    .map(([, entry]) => entry);
}

/** The take-back of one extension: its agency's row archived again, its right gone, recorded. */
function takeBack(raw: RawWorkbook, reopen: RunsEntry, runId: string, at: Date): MonthEdit {
  const parsed = parseWorkbook(raw, { month: reopen.month });
  const log = readRunsLog(findTab(raw, 'runs'));
  const agencyId =
    parsed.model.agencies.find((a) => a.id.toLowerCase() === reopen.recipient)?.id ??
    reopen.recipient;
  return {
    archive: planArchive(raw, parsed, reopen.month, at.toISOString(), new Set([agencyId])),
    runs: [
      {
        runId,
        month: reopen.month,
        at: at.toISOString(),
        kind: 'close',
        status: 'done',
        recipient: reopen.recipient,
        requestedBy: 'watcher',
        contentHash: '',
        detail: 'extension ended',
      },
    ],
    guard: guardWanted(raw, parsed, new Set(openMonths(log)), [], runningExtensions(log, at)),
  };
}

/** This pass's open, close and take-backs, for the settings and runs tab just read. */
export async function entryOnWatch(
  ports: EntryPorts,
  settings: Pick<Settings, 'openDay' | 'deadline'>,
  raw: RawWorkbook,
): Promise<EntrySteps> {
  const steps: EntrySteps = { opened: null, closed: null, takenBack: [], errors: [] };
  if (!ports.store.editMonth) return steps;
  const now = ports.now();
  const day = jalaliDate(now).day;
  const month = defaultMonth(now);
  const entries = readRunsLog(findTab(raw, 'runs'));
  const state = monthState(entries, month);
  const attempt = async (what: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      const message = isKarnamehError(error) ? error.message : String(error);
      steps.errors.push(`${what}: ${message}`);
      ports.log.warn(`watcher could not ${what}: ${message}`, { month });
    }
  };
  const { openDay, deadline } = settings;
  if (
    openDay !== null &&
    day >= openDay &&
    (deadline === null || day <= deadline) &&
    state === 'never-opened'
  ) {
    await attempt(`open ${month}`, async () => {
      const opened = await openMonth(ports, { month, dryRun: false, requestedBy: 'watcher' });
      if (opened.status === 'opened') steps.opened = month;
    });
  }
  if (deadline !== null && day > deadline && state === 'open') {
    await attempt(`close ${month}`, async () => {
      const closed = await closeMonth(ports, { month, requestedBy: 'watcher' });
      if (closed.status === 'closed') steps.closed = month;
    });
  }
  for (const reopen of expiredExtensions(entries, now)) {
    const key = `${reopen.month} ${reopen.recipient}`;
    await attempt(`take back the extension of ${key}`, async () => {
      const runId = ports.newRunId();
      const report = await ports.store.editMonth?.((fresh) => {
        const still = expiredExtensions(readRunsLog(findTab(fresh, 'runs')), now);
        const current = still.find((e) => `${e.month} ${e.recipient}` === key);
        return current ? takeBack(fresh, current, runId, now) : null;
      });
      if (report?.applied) steps.takenBack.push(key);
    });
  }
  return steps;
}
