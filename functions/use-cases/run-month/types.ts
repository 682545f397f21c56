/** The ports, options and outcome of a monthly run. */
import type { RawWorkbook } from '../../core/contract/cells.ts';
import type { MonthKey } from '../../core/language/jalali.ts';
import type { ProcessHere } from '../../core/runs/run-claims.ts';
import type { Summary } from '../../core/figures/summary.ts';
import type { SendingLimit } from './pace-check.ts';
import type {
  DeliveryJournal,
  Mailer,
  PreviewWriter,
  RenderCard,
  RenderRelease,
  SitePorts,
  WriteReport,
} from '../../ports.ts';
import type { DeliveryLimits, DeliveryOutcome } from '../delivery-ledger/ledger.ts';
import type { RunPorts } from '../run-ports.ts';

export interface RunMonthPorts extends RunPorts {
  /** Needed unless the run is a dry run. */
  mailer?: Mailer;
  /** Needed for a dry run. */
  preview?: PreviewWriter;
  render: RenderRelease;
  /** Renders an agency's card (dry-run previews, and the cards sent after the release). */
  renderCard?: RenderCard;
  /** The public site: a run that sends publishes its month, a dry run previews it. */
  site?: SitePorts;
  /** This process, for claims (default: delivery-ledger/claim.ts `processHere`). */
  here?: ProcessHere;
  /** The command line's delivery journal of the workbook (none in the functions). */
  journal?: DeliveryJournal;
}

export interface RunMonthOptions {
  month?: MonthKey;
  dryRun?: boolean;
  /** A dry run (no mailer): the run it previews would only write .eml files (no SMTP_URL). */
  outbox?: boolean;
  /** Send to everyone again; a month already sent goes out as a correction. */
  force?: boolean;
  /** Send also to recipients whose earlier delivery was never confirmed (they may get two copies). */
  resendUnconfirmed?: boolean;
  allowIncomplete?: boolean;
  /** Send a test copy to this address only; the month is not marked sent. */
  testTo?: string;
  /** With testTo: send this agency's card (not the release) as the test copy. */
  testAgency?: string;
  /** Who asked (an email from the caller's token, or the CLI user); recorded in the runs tab. */
  requestedBy?: string;
  /** Aborted on SIGINT/SIGTERM: the message in flight is finished and recorded, no more go out. */
  signal?: AbortSignal;
  /** Batch bounds (default 25 messages or 10 s of sending). */
  limits?: DeliveryLimits;
  /** How long the run's messages may take at SMTP_RATE (run-month/pace-check.ts); unset: no limit. */
  sendingLimit?: SendingLimit;
  /** The workbook as the caller just read it, under the month's lock (the watcher); default: read it. */
  workbook?: RawWorkbook;
}

export interface RunMonthOutcome {
  summary: Summary;
  /** 0 done, 1 stopped by the data, 3 failure (docs/command-line.md#exit-codes). */
  exitCode: 0 | 1 | 3;
  runId: string;
  /** One line for a person: what happened. */
  message: string;
  deliveries: DeliveryOutcome[];
  /** What `deliveries` are: the release, a correction (--force), a test copy (--to). */
  releaseKind?: 'release' | 'correction' | 'test';
  /** The agencies' cards tried in this run (key `<agencyId>:<email>`). */
  cards: DeliveryOutcome[];
  /** Recipients whose delivery was never confirmed (earlier, or in this run); not sent again automatically. */
  unconfirmed: string[];
  /** Keys not tried because the run was stopped (SIGINT/SIGTERM), release and cards; the next run sends to them. */
  notSent: string[];
  previewFiles: string[];
  written: WriteReport | null;
}
