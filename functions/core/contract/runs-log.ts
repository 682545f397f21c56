/** The runs tab read and merged: one row per run and per recipient of each mail (what it says was delivered: runs-state.ts). */
import type { CellValue, RawTab } from './cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import { normalizeName } from '../language/normalize.ts';
import { columnNames, TABS, type ColumnSpec } from './tabs.ts';

/**
 * The runs tab: one row per run (kind `run`) and one per recipient of each mail it sends
 * (kind `release` for the release, `correction` for the release sent again with --force
 * after it went out, `test` for a test copy sent with --to; `card`, `reminder`, `digest`
 * for the other mail kinds), one per open, close and reopen, and one `request` per run
 * request of the settings tab the watcher handled. A row is keyed by run id, kind and
 * recipient key (runsKey): a write replaces its own rows in place and appends new ones,
 * never touching another run's (mergeRunsRows). A delivery row is written `pending` before
 * its batch goes out and updated to `sent`, `failed`, `unconfirmed` (handed over, reply
 * never came) or `skipped` (not tried: the run was stopped) after, so a crash in between
 * leaves at most one batch of `pending` rows instead of a silent second copy.
 */
export type RunKind =
  | 'run'
  | 'release'
  | 'correction'
  | 'test'
  | 'card'
  | 'reminder'
  | 'digest'
  /** The agencies' data entry (docs/workbook.md#opening-and-closing-a-month). */
  | 'open'
  | 'close'
  | 'reopen'
  /** A `run_request` of the settings tab, handled by the watcher. */
  | 'request';

/** Kinds earlier versions wrote, read as today's: `delivery` was a release row. */
const OLD_KINDS: ReadonlyMap<string, RunKind> = new Map([['delivery', 'release']]);

/** A kind cell as read: today's kind, an earlier version's under its present name. */
export function runKindOf(cell: string): RunKind {
  const kind = cell.trim().toLowerCase();
  return OLD_KINDS.get(kind) ?? (kind as RunKind);
}

/**
 * The rows that record the release going to a recipient: `release`, and `correction` (the
 * release sent again on purpose); the ledger counts both as that recipient reached.
 */
export const RELEASE_KINDS: ReadonlySet<RunKind> = new Set<RunKind>(['release', 'correction']);

export type RunStatus =
  | 'started'
  | 'sent'
  /**
   * Written as an .eml file into the outbox (no SMTP_URL): nothing went over the network.
   * Another outbox run counts it as done; a run that sends by SMTP does not (it sends).
   */
  | 'written'
  | 'partial'
  | 'failed'
  | 'blocked'
  | 'already-sent'
  | 'interrupted'
  | 'pending'
  | 'unconfirmed'
  | 'skipped'
  /** An open, close or reopen that was carried out. */
  | 'done';

export interface RunsEntry {
  runId: string;
  month: MonthKey;
  /** ISO 8601 instant. */
  at: string;
  kind: RunKind;
  status: RunStatus;
  recipient: string;
  requestedBy: string;
  /** The content hash of what was sent (the `digest` column); for a reminder, the input hash. */
  contentHash: string;
  detail: string;
}

const COLUMNS = TABS.runs.columns;
/** The entry's field of each column (`time` is `at`, `note` is `detail` in the code). */
const FIELD_OF_KEY: Record<string, keyof RunsEntry> = {
  run_id: 'runId',
  month: 'month',
  time: 'at',
  kind: 'kind',
  status: 'status',
  recipient: 'recipient',
  requested_by: 'requestedBy',
  digest: 'contentHash',
  note: 'detail',
};

/** The column of `spec` in a normalized header row (its key, label or an alias), or -1. */
const columnIn = (header: readonly string[], spec: ColumnSpec): number => {
  const names = new Set(columnNames(spec).map(normalizeName));
  return header.findIndex((h) => h !== '' && names.has(h));
};

const text = (value: CellValue | undefined): string =>
  value === null || value === undefined
    ? ''
    : value instanceof Date
      ? Number.isNaN(value.getTime())
        ? ''
        : value.toISOString()
      : String(value).trim();

/** The columns a runs row cannot be read without (readRunsLog drops rows lacking them). */
const NEEDED = new Set(['run_id', 'month', 'kind', 'status', 'recipient']);

/**
 * Where each field of a runs row stands, from the tab's row 1 (a column found by its key,
 * its Persian label or an alias, normalized); a field whose column is not there is absent.
 */
function runsColumns(headerRow: readonly CellValue[]): Map<keyof RunsEntry, number> {
  const header = headerRow.map((cell) => normalizeName(text(cell)));
  const columns = new Map<keyof RunsEntry, number>();
  for (const column of COLUMNS) {
    const at = columnIn(header, column);
    const field = FIELD_OF_KEY[column.key];
    if (at >= 0 && field) columns.set(field, at);
  }
  return columns;
}

/** One row as an entry, by the columns of its tab (a missing column reads as empty). */
function entryOf(row: readonly CellValue[], columns: Map<keyof RunsEntry, number>): RunsEntry {
  const get = (field: keyof RunsEntry): string => {
    const at = columns.get(field);
    return at === undefined ? '' : text(row[at]);
  };
  return {
    runId: get('runId'),
    month: get('month'),
    at: get('at'),
    kind: runKindOf(get('kind')),
    status: get('status') as RunStatus,
    recipient: get('recipient').toLowerCase(),
    requestedBy: get('requestedBy'),
    contentHash: get('contentHash'),
    detail: get('detail'),
  };
}

/**
 * The labels of needed columns row 1 of a runs tab with rows does not hold (a row inserted
 * above the header, a column deleted): every record of such a tab reads as absent.
 */
export function runsHeaderGaps(tab: RawTab | undefined): string[] {
  if (!tab || tab.rows.length === 0) return [];
  const columns = runsColumns(tab.rows[0] ?? []);
  return COLUMNS.filter((c) => {
    const field = FIELD_OF_KEY[c.key];
    return NEEDED.has(c.key) && field !== undefined && !columns.has(field);
  }).map((c) => c.label);
}

/** What to tell a person about `runsHeaderGaps` (non-empty). */
export function runsHeaderMessage(gaps: string[]): string {
  const columns = gaps.map((label) => `«${label}»`).join(', ');
  return `row 1 of the runs tab «${TABS.runs.label}» has no ${columns} column (a row inserted above its header, or a column deleted?), so none of its records can be read: put the header back in row 1 and run again`;
}

/** Reads the runs tab as the product wrote it; rows it cannot read are dropped. */
export function readRunsLog(tab: RawTab | undefined): RunsEntry[] {
  if (!tab || tab.rows.length === 0) return [];
  const columns = runsColumns(tab.rows[0] ?? []);
  return tab.rows
    .slice(1)
    .map((row) => entryOf(row, columns))
    .filter((entry) => entry.runId !== '' && entry.month !== '');
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

/** The identity of a runs row: a write replaces the row with the same key, appends the others. */
export function runsKey(entry: Pick<RunsEntry, 'runId' | 'kind' | 'recipient'>): string {
  return `${entry.runId}\u0000${entry.kind}\u0000${entry.recipient.toLowerCase()}`;
}

/**
 * The runs tab as it must be after upserting `entries` (rows of one run) into `current`
 * (the tab as it is now, read at write time): a row with the same key (runsKey) is
 * replaced in place, the others are appended in order; every other row (another run's,
 * one the product cannot read, a blank one) is kept as it is. The cells follow the
 * current header's columns (the canonical header when the tab is empty or has none).
 */
export function mergeRunsRows(current: RawTab | undefined, entries: RunsEntry[]): CellValue[][] {
  const rows = (current?.rows ?? []).map((row) => row.slice());
  const headerRow = rows[0] ?? [];
  const columns = runsColumns(headerRow);
  if (columns.size === 0) {
    // An empty tab gets the header; a tab without one (not the product's) keeps its rows.
    const canonical = runsRows(entries);
    return rows.length === 0 ? canonical : [...rows, ...canonical.slice(1)];
  }
  const place = new Map<string, number>();
  rows.forEach((row, i) => {
    const entry = i === 0 ? null : entryOf(row, columns);
    if (entry?.runId) place.set(runsKey(entry), i);
  });
  const width = Math.max(headerRow.length, ...[...columns.values()].map((at) => at + 1));
  for (const entry of entries) {
    const at = place.get(runsKey(entry));
    const row: CellValue[] = at === undefined ? Array<CellValue>(width).fill('') : (rows[at] ?? []);
    while (row.length < width) row.push('');
    for (const [field, column] of columns) row[column] = entry[field];
    if (at === undefined) {
      place.set(runsKey(entry), rows.length);
      rows.push(row);
    } else rows[at] = row;
  }
  return rows;
}

/** Kinds of a sent record, as written in a cell (an earlier version's `delivery` too). */
const SENT_KINDS = new Set(['run', 'release', 'correction', 'delivery', 'card', 'test']);

/**
 * Tabs other than the runs tab that hold what looks like a record of mail sent (a row with
 * a kind and the status `sent`): a runs tab whose header was lost and that was renamed, a
 * copy. The product never starts a new runs tab beside them (it would send the month again).
 */
export function sentRecordTabs(tabs: readonly RawTab[], runsTab: RawTab | undefined): string[] {
  return tabs
    .filter(
      (tab) =>
        tab !== runsTab &&
        tab.rows.some((row) => {
          const cells = row.map(text);
          const done = cells.includes('sent') || cells.includes('written');
          return done && cells.some((cell) => SENT_KINDS.has(cell));
        }),
    )
    .map((tab) => tab.name);
}
