import type { CellValue, RawTab } from './cells.ts';
import type { MonthKey } from './jalali.ts';
import { normalizeName } from './normalize.ts';
import { TABS } from './tabs.ts';

/**
 * The runs tab: one row per run (kind `run`) and one per recipient of it (kind `delivery`,
 * or `test` for a test copy sent with --to). A delivery row is written as `pending` before
 * the message goes out and updated to `sent` or `failed` after, so a crash in between
 * leaves a trace instead of a silent second copy. Reminders and the secretary's digest
 * (use-cases/remind.ts) are rows of kind `reminder` / `digest`, keyed by the Tehran day.
 */
export type RunKind = 'run' | 'delivery' | 'test' | 'reminder' | 'digest';
export type RunStatus =
  'started' | 'sent' | 'partial' | 'failed' | 'blocked' | 'already-sent' | 'pending';

export interface RunsEntry {
  runId: string;
  month: MonthKey;
  /** ISO 8601 instant. */
  at: string;
  kind: RunKind;
  status: RunStatus;
  recipient: string;
  requestedBy: string;
  digest: string;
  detail: string;
}

const COLUMNS = TABS.runs.columns;
const FIELD_OF_KEY: Record<string, keyof RunsEntry> = {
  run_id: 'runId',
  month: 'month',
  at: 'at',
  kind: 'kind',
  status: 'status',
  recipient: 'recipient',
  requested_by: 'requestedBy',
  digest: 'digest',
  detail: 'detail',
};

const text = (value: CellValue | undefined): string =>
  value === null || value === undefined
    ? ''
    : value instanceof Date
      ? value.toISOString()
      : String(value).trim();

/** Reads the runs tab as the product wrote it; rows it cannot read are dropped. */
export function readRunsLog(tab: RawTab | undefined): RunsEntry[] {
  if (!tab || tab.rows.length === 0) return [];
  const header = (tab.rows[0] ?? []).map((cell) => normalizeName(text(cell)));
  const index = new Map<keyof RunsEntry, number>();
  for (const column of COLUMNS) {
    const at = header.findIndex(
      (h) => h === normalizeName(column.key) || h === normalizeName(column.label),
    );
    const field = FIELD_OF_KEY[column.key];
    if (at >= 0 && field) index.set(field, at);
  }
  const entries: RunsEntry[] = [];
  for (const row of tab.rows.slice(1)) {
    const get = (field: keyof RunsEntry): string => {
      const at = index.get(field);
      return at === undefined ? '' : text(row[at]);
    };
    const entry: RunsEntry = {
      runId: get('runId'),
      month: get('month'),
      at: get('at'),
      kind: get('kind') as RunKind,
      status: get('status') as RunStatus,
      recipient: get('recipient').toLowerCase(),
      requestedBy: get('requestedBy'),
      digest: get('digest'),
      detail: get('detail'),
    };
    if (entry.runId && entry.month) entries.push(entry);
  }
  return entries;
}

/** The runs tab's rows (header first) for the given entries. */
export function runsRows(entries: RunsEntry[]): CellValue[][] {
  const header = COLUMNS.map((c) => c.label);
  const rows = entries.map((entry) =>
    COLUMNS.map((c) => {
      const field = FIELD_OF_KEY[c.key];
      return field ? entry[field] : '';
    }),
  );
  return [header, ...rows];
}

export interface DeliveryState {
  /** Some run of the month went out (fully or partly). */
  monthSent: boolean;
  /** Recipients (lower-case) who have the month's release. */
  reached: Set<string>;
  /** Deliveries announced but never confirmed (the run stopped between sending and recording). */
  unconfirmed: RunsEntry[];
}

export function deliveryState(entries: RunsEntry[], month: MonthKey): DeliveryState {
  const reached = new Set<string>();
  const pending = new Map<string, RunsEntry>();
  let monthSent = false;
  for (const entry of entries) {
    if (entry.month !== month) continue;
    if (entry.kind === 'run' && (entry.status === 'sent' || entry.status === 'partial')) {
      monthSent = true;
    }
    if (entry.kind !== 'delivery') continue;
    if (entry.status === 'sent') {
      monthSent = true;
      reached.add(entry.recipient);
      pending.delete(entry.recipient);
    } else if (entry.status === 'pending') {
      pending.set(entry.recipient, entry);
    } else if (entry.status === 'failed') {
      pending.delete(entry.recipient);
    }
  }
  const unconfirmed = [...pending.values()].filter((e) => !reached.has(e.recipient));
  return { monthSent, reached, unconfirmed };
}

/** How long a `started` run row counts as a run in progress (after that: it crashed). */
export const RUN_IN_PROGRESS_MS = 15 * 60 * 1000;

/**
 * Another run of the month that started recently and has not finished: its `started` row
 * is still there. Across separate services (monthlyRun and watchSheet) the sheet itself is
 * the only place both see.
 */
export function runInProgress(entries: RunsEntry[], month: MonthKey, now: Date): RunsEntry | null {
  for (const entry of entries) {
    if (entry.month !== month || entry.kind !== 'run' || entry.status !== 'started') continue;
    const at = Date.parse(entry.at);
    if (Number.isFinite(at) && now.getTime() - at < RUN_IN_PROGRESS_MS && at <= now.getTime()) {
      return entry;
    }
  }
  return null;
}
