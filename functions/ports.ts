import type { CardView } from './core/cards/card-view.ts';
import type { CellValue, RawWorkbook } from './core/cells.ts';
import type { ReleaseInput } from './core/release-input.ts';
import type { TabKey } from './core/tabs.ts';

/**
 * Output tabs to write: each present key replaces that whole tab (header row first).
 * Values are plain: text that looks like a formula is still text, never evaluated.
 */
export type OutputTabs = Partial<
  Record<Extract<TabKey, 'results' | 'problems' | 'runs'>, CellValue[][]>
>;

/** A change to one settings cell, by the settings key (the watcher clears run_request). */
export interface SettingsUpdate {
  key: 'run_request' | 'run_status';
  value: string;
}

export interface WriteRequest {
  outputs: OutputTabs;
  /** Only `run_request` / `run_status` values; every other input cell is never written. */
  settings?: SettingsUpdate[];
}

export interface WriteReport {
  /** Where the outputs went (the workbook itself, or a sibling file for an xlsx the writer cannot carry over). */
  location: string;
  note?: string;
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
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface Mailer {
  /** For messages: `SMTP smtp.example.org:587`, `outbox ./outbox`. */
  readonly description: string;
  /** Resolves with a message id once the message is handed over; rejects when it was not. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** Where `--dry-run` puts the rendered release for a look. */
export interface PreviewWriter {
  /** Returns the paths written. */
  write(release: RenderedRelease): Promise<string[]>;
  /** Each agency's card into `cards/`, `<id>.html` and `<id>.txt`; returns the paths written. */
  writeCards?(cards: readonly { agencyId: string; card: RenderedCard }[]): Promise<string[]>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The release as rendered from the templates. */
export interface RenderedRelease {
  subject: string;
  html: string;
  text: string;
  attachment: { filename: string; contentType: string; content: Buffer };
}

/** One agency's card as rendered from the templates (no attachment). */
export interface RenderedCard {
  subject: string;
  html: string;
  text: string;
}

/** Renders a card; may load its templates on first use (hence the promise). */
export type RenderCard = (view: CardView) => RenderedCard | Promise<RenderedCard>;

/** Renders the release; may load its templates on first use (hence the promise). */
export type RenderRelease = (input: ReleaseInput) => RenderedRelease | Promise<RenderedRelease>;
