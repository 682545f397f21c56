/**
 * The delivery journal's records and how they fold into the runs tab (pure).
 *
 * The command line writes one journal file per run (adapters/journal/file-journal.ts), one
 * JSON object per line, each synced before the next step:
 * - `run`: the run's header (its id, month, process, who asked, content hash, kept as `digest` in the file);
 * - `try`: a message is about to be handed to the mail server (written before it is);
 * - `done`: its outcome (`sent`, `written` as an .eml by the outbox, `failed`, `unconfirmed`)
 *   and the row's detail (a `written` line folds as `written`: it reached nobody).
 * A message handed over always has its `try` on disk first, so a key with no `try` was never
 * attempted, a `try` with no `done` is the one message in flight when the run died, and a
 * `done` says what the runs tab may not (a write that failed after the message went out).
 * A last line cut short by a kill is not JSON and is ignored (its step never happened: a
 * `try` not on disk means the message was not handed over yet).
 */
import type { MonthKey } from '../language/jalali.ts';
import { runKindOf, runsKey, type RunKind, type RunsEntry } from '../contract/runs-log.ts';

export type JournalStatus = 'sent' | 'written' | 'failed' | 'unconfirmed';

export type JournalRecord =
  | {
      t: 'run';
      runId: string;
      month: MonthKey;
      pid: number;
      host: string;
      requestedBy: string;
      digest: string;
      at: string;
    }
  | { t: 'try'; kind: RunKind; key: string; at: string; digest?: string }
  | { t: 'done'; kind: RunKind; key: string; status: JournalStatus; detail: string; at: string };

type TryRecord = Extract<JournalRecord, { t: 'try' }>;
type DoneRecord = Extract<JournalRecord, { t: 'done' }>;

/** One run's journal as read back: its header and its records, in order. */
export interface JournalRun {
  /** Where it was read from (the adapter removes it once folded). */
  file: string;
  header: Extract<JournalRecord, { t: 'run' }>;
  records: Exclude<JournalRecord, { t: 'run' }>[];
  /** Lines that could not be read (a last line cut short by a kill, or damage). */
  unreadable: number;
}

/** One record as a line of the journal. */
export const journalLine = (record: JournalRecord): string => `${JSON.stringify(record)}\n`;

const STATUSES = new Set<string>(['sent', 'written', 'failed', 'unconfirmed']);

function record(value: unknown): JournalRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const str = (k: string) => typeof r[k] === 'string';
  if (r.t === 'run' && str('runId') && str('month') && typeof r.pid === 'number') {
    return value as JournalRecord;
  }
  // An earlier version's journal names a release row `delivery`: read as today's kind.
  const kind = str('kind') ? runKindOf(String(r.kind)) : null;
  if (r.t === 'try' && kind && str('key')) return { ...(value as TryRecord), kind };
  if (r.t === 'done' && kind && str('key') && STATUSES.has(String(r.status))) {
    return { ...(value as DoneRecord), kind };
  }
  return null;
}

/** Reads a journal file's text; null when its header cannot be read (nothing to fold). */
export function parseJournal(file: string, text: string): JournalRun | null {
  let unreadable = 0;
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: JournalRecord | null = null;
    try {
      parsed = record(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (parsed) records.push(parsed);
    else unreadable += 1;
  }
  const [header, ...rest] = records;
  if (header?.t !== 'run') return null;
  const body = rest.filter((r): r is Exclude<JournalRecord, { t: 'run' }> => r.t !== 'run');
  return { file, header, records: body, unreadable };
}

/** Words of the runs tab (Persian) for what the fold decided. */
const NOT_TRIED = 'فرستاده نشد: اجرا پیش از نوبت این پیام متوقف شد (از دفتر ارسال)';
const IN_FLIGHT = 'تأیید نشد: اجرا هنگام ارسال همین پیام متوقف شد (از دفتر ارسال)';
const RUN_STOPPED = 'اجرا ناتمام ماند؛ نتیجهٔ ارسال‌ها از دفتر ارسال ثبت شد';

/**
 * The rows to upsert into the runs tab for one journaled run that is over (its process is
 * gone): for each of its mail rows still `pending` in the tab, or missing from it, what the
 * journal knows (sent / failed / unconfirmed with its detail; `unconfirmed` for the one
 * message in flight; `skipped` for a key never attempted); its run row, still `started`,
 * becomes `interrupted`. A row the tab already holds as anything but `pending` is the
 * run's own last word and is left alone, so folding twice changes nothing.
 */
export function foldJournal(
  runs: readonly RunsEntry[],
  journal: JournalRun,
  now: Date,
): RunsEntry[] {
  const { header } = journal;
  const at = now.toISOString();
  const inTab = new Map(runs.filter((e) => e.runId === header.runId).map((e) => [runsKey(e), e]));
  const base = (kind: RunKind, recipient: string): RunsEntry => ({
    runId: header.runId,
    month: header.month,
    at,
    kind,
    status: 'pending',
    recipient,
    requestedBy: header.requestedBy,
    contentHash: header.digest,
    detail: '',
  });
  const open = (kind: RunKind, key: string): boolean => {
    const row = inTab.get(runsKey({ runId: header.runId, kind, recipient: key }));
    return !row || row.status === 'pending';
  };
  const known = new Map<string, RunsEntry>();
  for (const r of journal.records) {
    const key = r.key.toLowerCase();
    if (!open(r.kind, key)) continue;
    const id = runsKey({ runId: header.runId, kind: r.kind, recipient: key });
    const row = known.get(id) ?? { ...base(r.kind, key), ...inTab.get(id) };
    if (r.t === 'try') {
      Object.assign(row, { status: 'unconfirmed', detail: IN_FLIGHT, at: r.at });
      if (r.digest) row.contentHash = r.digest;
    } else Object.assign(row, { status: r.status, detail: r.detail, at: r.at });
    known.set(id, row);
  }
  const rows = [...known.values()];
  for (const [id, row] of inTab) {
    if (row.kind === 'run' || row.status !== 'pending' || known.has(id)) continue;
    rows.push({ ...row, status: 'skipped', detail: NOT_TRIED, at });
  }
  const runRow = inTab.get(runsKey({ runId: header.runId, kind: 'run', recipient: '' }));
  if (runRow?.status === 'started') {
    rows.unshift({
      ...runRow,
      status: 'interrupted',
      detail: `${RUN_STOPPED}؛ ${runRow.detail}`,
      at,
    });
  }
  return rows;
}

/**
 * The runs tab as read, with what the journals of runs that are over add (for deciding
 * before the claim; the fold itself is written after it: journal-fold.ts).
 */
export function withJournals(
  runs: readonly RunsEntry[],
  journals: readonly JournalRun[],
  now: Date,
): RunsEntry[] {
  return journals.reduce<RunsEntry[]>(
    (acc, journal) => upsertEntries(acc, foldJournal(acc, journal, now)),
    [...runs],
  );
}

/** `runs` with `rows` upserted by key (as the store does): the runs tab after a fold. */
export function upsertEntries(runs: readonly RunsEntry[], rows: readonly RunsEntry[]): RunsEntry[] {
  const out = [...runs];
  const index = new Map(out.map((e, i) => [runsKey(e), i]));
  for (const row of rows) {
    const at = index.get(runsKey(row));
    if (at === undefined) {
      index.set(runsKey(row), out.length);
      out.push(row);
    } else out[at] = row;
  }
  return out;
}

/**
 * What a fold wrote, for the log: the rows the runs tab holds for the folded runs, by
 * outcome. A run announces its messages `pending` one batch at a time, so messages past the
 * last batch announced are in no row and not counted here; they are still owed (the next
 * run of the month plans them again), and the sentence says so rather than give a total
 * the journal does not hold.
 */
export function foldSummary(runIds: readonly string[], rows: readonly RunsEntry[]): string {
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  // Outbox writes (no SMTP) are named only when there are some.
  const written = count('written') > 0 ? `${count('written')} written as .eml, ` : '';
  return (
    `folded the delivery journal of run ${runIds.join(', ')} into the runs tab: ` +
    `${count('sent')} sent, ${written}${count('unconfirmed')} never confirmed, ${count('failed')} failed, ` +
    `and ${count('skipped')} announced in the runs tab but never tried ` +
    '(messages the stopped run had not announced yet are in no row and not counted: like these, they are still owed, and go out with the next run of that month)'
  );
}
