/** The ports: what the use cases ask of stores, mailers, renderers, journals and sites. */
import type { CardView } from './core/cards/card-view.ts';
import type { ArchiveAppend } from './core/contract/close-month.ts';
import type { GuardWanted } from './core/runs/guard-wanted.ts';
import type { CellValue, RawTab, RawWorkbook } from './core/contract/cells.ts';
import type { MonthKey } from './core/language/jalali.ts';
import type { ReleaseInput } from './core/release/release-input.ts';
import type { RunKind, RunsEntry } from './core/contract/runs-log.ts';
import type { JournalRecord, JournalRun, JournalStatus } from './core/runs/delivery-journal.ts';
import type { SiteFile } from './core/site/build-site.ts';
import type { PublishedMonth } from './core/site/site-record.ts';
import type { TabKey } from './core/contract/tabs.ts';
import type { DigestView, ReminderView } from './core/reminders/reminder-view.ts';

/**
 * Output tabs to write: each present key replaces that whole tab (header row first).
 * Values are plain: text that looks like a formula is still text, never evaluated.
 * The runs tab is not among them: it is upserted row by row (`WriteRequest.runs`).
 */
export type OutputTabs = Partial<Record<Extract<TabKey, 'results' | 'problems'>, CellValue[][]>>;

/** A change to one settings cell, by the settings key (the watcher clears run_request). */
export interface SettingsUpdate {
  key: 'run_request' | 'run_status';
  value: string;
}

export interface WriteRequest {
  outputs: OutputTabs;
  /**
   * Rows of THIS run to upsert into the runs tab as it is AT WRITE TIME (re-read then, not
   * taken from the last read): a row with the same key (run id, kind, recipient) is
   * replaced in place, the others appended; no other row is ever touched, so a concurrent
   * writer's rows survive (core/contract/runs-log.ts `mergeRunsRows`). The tab is created when missing.
   */
  runs?: RunsEntry[];
  /** Only `run_request` / `run_status` values; every other input cell is never written. */
  settings?: SettingsUpdate[];
}

export interface WriteReport {
  /** Where the outputs went (the workbook itself, or a sibling file for an xlsx the writer cannot carry over). */
  location: string;
  note?: string;
  /**
   * The note only says what the write changed (`نتایج: rows 2–41 written`, `nothing to
   * change`): logged as information, never as a warning. Absent: the note is something a
   * person must know (a workbook open in Excel, outputs in a sibling file).
   */
  routine?: boolean;
  /**
   * The runs tab exactly as this write left it, when the store knows it without reading
   * again (an .xlsx, written under its write lock); absent otherwise (read it: `readRuns`).
   */
  runsAfter?: RawTab;
  /**
   * The runs tab as it was the moment this write landed, rows other processes wrote before
   * it included (a Google Sheet's batch answers with it): a claim is read back from it.
   * Absent: read it (`readRuns`).
   */
  runsLanded?: RawTab;
}

/** Where the workbook lives: an .xlsx file or a Google Sheet. */
export interface WorkbookStore {
  /** For messages: `examples/ilam-1403.xlsx`, `sheet 1AbC…`. */
  readonly description: string;
  /** Every tab (input and output), values unformatted; dates as Date or serial numbers. */
  read(): Promise<RawWorkbook>;
  /** Writes all of it or none of it. */
  write(request: WriteRequest): Promise<WriteReport>;
  /** Creates missing tabs with headers and defaults; never touches existing data. */
  init(template: InitTemplate): Promise<WriteReport>;
  /**
   * Rejects (a KarnamehError) when a write would be refused: for an .xlsx, a file open in
   * Excel or LibreOffice, read-only, or not writable by this user. Call it before sending.
   * Required, not optional: a wrapper that forgot it would let a run send while the file
   * is open in Excel (a store with nothing to check, a Google Sheet, resolves at once).
   */
  checkWritable(): Promise<void>;
  /** The runs tab as it is now (read afresh; undefined when there is none). */
  readRuns(): Promise<RawTab | undefined>;
  /**
   * Stores that can lock across processes (an .xlsx: a lock file beside it) take the lock
   * for a run that sends; throws `run.in_progress` while another live run holds it. Null
   * (or no method): the store has no lock (a Google Sheet); runs are kept apart by their
   * claim rows in the runs tab alone (use-cases/delivery-ledger/claim.ts).
   */
  lockRun?(request: RunLockRequest): Promise<RunLock | null>;
  /**
   * Opening (or closing) a month: `plan` is given the workbook as it is at write time (read
   * afresh; on an .xlsx under the write lock, refusing a file open in Excel or LibreOffice)
   * and returns what to add, or null for nothing; the edit lands whole or not at all, and
   * on a Sheet at most once however often it is sent (the write marker). Never changes a
   * cell that holds a value.
   */
  editMonth?(plan: (workbook: RawWorkbook) => MonthEdit | null): Promise<MonthEditReport>;
}

/** Rows appended to the scores tab by `open`, after its last row (docs/workbook.md#opening-and-closing-a-month). */
export interface ScoresAppend {
  /** Header cells to set (empty ones only): zero-based column, text. */
  header: { column: number; text: string }[];
  /** Whole rows (null: blank cell), appended in order after the last row with data. */
  rows: CellValue[][];
  /** Zero-based index of the first new row in the tab as given to `plan`. */
  startRow: number;
  /** Each indicator column's validation on the new rows: a number 0..max, as a warning. */
  validation: { column: number; max: number }[];
}

export interface MonthEdit {
  scores?: ScoresAppend;
  /** Rows appended to the archive tab (added when missing) by `close`. */
  archive?: ArchiveAppend;
  /** Runs rows to upsert (the open, close or reopen record). */
  runs: RunsEntry[];
  /**
   * Who may edit what once the edit has landed (a Sheet's protections made to say exactly
   * this; an .xlsx has no accounts and ignores it).
   */
  guard?: GuardWanted;
}

export interface MonthEditReport {
  location: string;
  /** False when `plan` returned null (nothing written). */
  applied: boolean;
  /** Whether the store has accounts whose edit rights it sets (a Sheet); an .xlsx has none. */
  guarded: boolean;
  note?: string;
}

export interface RunLockRequest {
  runId: string;
  month: MonthKey;
}

export interface RunLock {
  /** Set when a dead run's lock was taken over: says whose. */
  note?: string;
  release(): Promise<void>;
}

/** What `init` lays out: every tab with its header row and, for new tabs, starting rows. */
export interface InitTemplate {
  tabs: { key: TabKey; title: string; header: string[]; rows: CellValue[][] }[];
  /** Score-cell validation bounds per indicator code (Sheets data validation; ignored by xlsx). */
  indicatorMax?: Record<string, number>;
}

/** One email to one recipient. Nothing in it comes unescaped from the sheet. */
export interface OutgoingMail {
  to: { email: string; name: string | null };
  subject: string;
  html: string;
  text: string;
  /** With a `cid`, an attachment the HTML part shows inline (`<img src="cid:…">`). */
  attachments: { filename: string; contentType: string; content: Buffer; cid?: string }[];
  /** Extra header fields (`X-Karnameh-Run`, `X-Karnameh-Digest`): what the reader never sees. */
  headers?: Record<string, string>;
}

/** What a mailer knows of a message it got rid of. */
export interface SentMail {
  messageId: string;
  /** The SMTP server's reply (`250 2.0.0 OK …`), or where an outbox wrote the file. */
  response?: string;
  /** The .eml file an outbox wrote (nothing went over the network). */
  file?: string;
}

/**
 * What a message is, for a mailer that files it: the outbox puts it in
 * `<outbox>/<month>/<run id>/{release,cards,reminders}/` under a name from `key`.
 */
export interface MailPlace {
  month: string;
  runId: string;
  kind: 'release' | 'correction' | 'test' | 'card' | 'reminder' | 'digest';
  /** The ledger key of the message (the address; `a17:ali@x.org` for a card). */
  key: string;
}

export interface Mailer {
  /** For messages: `SMTP smtp.example.org:587`, `outbox ./outbox`. */
  readonly description: string;
  /**
   * Resolves with a message id once the server confirmed it took the message. Rejects with
   * a KarnamehError: `mail.failed` when it was not taken (refused with a 4xx/5xx before,
   * at or after DATA, or the connection failed before the whole message was handed over:
   * safe to send again), `mail.unconfirmed` when the whole message was handed over and no
   * reply came (the server may have it: never sent again blindly).
   */
  send(mail: OutgoingMail, place?: MailPlace): Promise<SentMail>;
  close(): Promise<void>;
  /**
   * The folder it writes messages into as .eml files, when it sends nothing (no SMTP). Set,
   * the mailer delivers nothing: its messages are recorded `written`, never `sent`, and
   * count as done only for another such run (delivery-ledger/ledger.ts writesOnly).
   */
  readonly outbox?: string;
  /** The pace (SMTP_RATE), when messages are spaced; `send` keeps it in any case. */
  readonly pace?: Pace;
}

/** SMTP_RATE's spacing of message starts (adapters/mail/transports/pacer.ts). */
export interface Pace {
  /** Messages per second. */
  readonly rate: number;
  /** The gap between two message starts, in ms. */
  readonly gapMs: number;
  /** How long until the next message may start, in ms (0: now). */
  readyIn(): number;
  /** Waits until the next message may start; false when `signal` stopped the wait first. */
  ready(signal?: AbortSignal): Promise<boolean>;
}

/**
 * The delivery journal of the command line (adapters/journal/file-journal.ts): each
 * outcome written and synced as it happens, folded into the runs tab by the next run.
 */
export interface DeliveryJournal {
  /** Where it lives, for messages. */
  readonly location: string;
  /** The journals of earlier runs that are over (not this process's, no live process). */
  earlier(): Promise<JournalRun[]>;
  /** Removes journals once folded into the runs tab. */
  forget(runs: readonly JournalRun[]): Promise<void>;
  /** Starts this run's journal; null (with `why`) when it cannot be written there. */
  open(header: JournalHeader): Promise<{ journal: RunJournal } | { journal: null; why: string }>;
}

export type JournalHeader = Omit<Extract<JournalRecord, { t: 'run' }>, 't'>;

/** One run's journal. Each call resolves once its line is synced to disk. */
export interface RunJournal {
  readonly location: string;
  /** Before a message is handed over (`digest`: its row's content hash, when its own). */
  attempt(kind: RunKind, key: string, digest?: string): Promise<void>;
  /** Its outcome, with the runs row's detail. */
  outcome(kind: RunKind, key: string, status: JournalStatus, detail: string): Promise<void>;
  /** Every outcome is in the runs tab: the journal is removed. */
  finish(): Promise<void>;
  /** The run ends with outcomes perhaps not in the runs tab: the journal stays for the next run. */
  leave(): Promise<void>;
}

/** Where `--dry-run` puts the rendered release for a look. */
export interface PreviewWriter {
  /** Returns the paths written. */
  write(release: RenderedRelease): Promise<string[]>;
  /**
   * Each agency's card into `cards/`, `<id>.html` and `<id>.txt`, taken one at a time as
   * they are rendered; returns the paths written.
   */
  writeCards?(cards: AsyncIterable<PreviewCard> | Iterable<PreviewCard>): Promise<string[]>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /**
   * One of many like lines (each message sent): kept in the functions' JSON log, left out
   * of the terminal, where the run's summary line counts them (printed with `--verbose`).
   */
  detail?(message: string, fields?: Record<string, unknown>): void;
}

/** The release as rendered from the templates. */
export interface RenderedRelease {
  subject: string;
  html: string;
  text: string;
  /** The headline alone, one line of text (the public pages show it as sent). */
  headline?: string;
  /** The lede alone, one line of text (the public pages show it as sent). */
  lede?: string;
  attachment: { filename: string; contentType: string; content: Buffer };
  /** The run id and the content digest, for the mail headers, never in the text. */
  headers?: Record<string, string>;
  /** The month's infographic, shown inline in the HTML part by its `cid` (docs/infographic.md#where-you-find-it). */
  infographic?: RenderedInfographic;
}

/** The infographic of a release: the SVG, and its PNG rendered when first asked for (then kept). */
export interface RenderedInfographic {
  /** `1403-04`: the preview puts it in `site/1403-04/`. */
  month: string;
  svg: string;
  /** The attachment's name: `karnameh-1403-04-infographic.png`. */
  filename: string;
  /** The Content-ID the HTML part names it by (`cid:…`). */
  cid: string;
  png(): Promise<Buffer>;
}

/** One agency's rendered card, for the preview folder. */
export interface PreviewCard {
  agencyId: string;
  card: RenderedCard;
}

export interface RenderedCard {
  subject: string;
  html: string;
  text: string;
}

/** Renders a card; may load its templates on first use (hence the promise). */
export type RenderCard = (view: CardView) => RenderedCard | Promise<RenderedCard>;

/** Renders the release; may load its templates on first use (hence the promise). */
export type RenderRelease = (input: ReleaseInput) => RenderedRelease | Promise<RenderedRelease>;

/**
 * Where the public site lives (docs/publishing.md): a folder (`<outbox>/site/`) or a Cloud
 * Storage bucket. It keeps each month sent as `YYYY-MM/results.json` (the figures as they
 * were sent), from which every page is built again.
 */
export interface SiteStore {
  /** For messages: `folder outbox/site`, `bucket gs://name`. */
  readonly description: string;
  /** The site's root for a person: the folder's path, or `gs://name`. */
  readonly location: string;
  /** Every month kept (`YYYY-MM/results.json`), checked; one that does not read is an error naming it. */
  readMonths(): Promise<PublishedMonth[]>;
  /** The months whose folder holds `infographic.png`. */
  infographics(): Promise<Set<string>>;
  /** Each file replaced whole (a reader sees the old file or the new one, never half). */
  write(files: readonly SiteFile[]): Promise<void>;
  /** A file of the site as it is (`1403-04/infographic.png`), to copy it elsewhere. */
  readFile(path: string): Promise<Buffer>;
}

/** The public site of a run (docs/publishing.md#where-the-figures-come-from). */
export interface SitePorts {
  /** Where a run that sends publishes its month; null: nowhere, for the reason in `none`. */
  store: SiteStore | null;
  /** Why there is no store, in Persian for the run row (the functions without a bucket). */
  none?: string;
  /** Where a dry run renders the whole site (the kept months read from `store`). */
  preview?: SiteStore;
}

// The reminders' ports (use-cases/remind.ts): rendering a reminder or a digest, and the dry run's previews.

/** A message as rendered from its templates: one line of subject, HTML and plain text. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Renders reminders and digests; may load its templates on first use (hence the promises). */
export interface RenderReminders {
  reminder(view: ReminderView): RenderedMail | Promise<RenderedMail>;
  digest(view: DigestView): RenderedMail | Promise<RenderedMail>;
}

/** One preview file set: `<name>.html` and `<name>.txt`. */
export interface ReminderPreview {
  /** An agency id, or null for the digest. */
  agencyId: string | null;
  mail: RenderedMail;
}

/** Where `remind --dry-run` puts what it would send (`<outbox>/preview/reminders/`). */
export interface ReminderPreviewWriter {
  /** Replaces the folder's previews with these; returns the paths written. */
  write(previews: ReminderPreview[]): Promise<string[]>;
}
