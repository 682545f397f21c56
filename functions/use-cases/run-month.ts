import { computeResults } from '../core/compute-summary.ts';
import { fatalSummary } from '../core/fatal-summary.ts';
import { defaultMonth, monthName } from '../core/jalali.ts';
import type { MonthKey } from '../core/jalali.ts';
import { parseWorkbook } from '../core/parse-workbook.ts';
import { findTab } from '../core/tab-lookup.ts';
import { problemsRows } from '../core/problems-tab.ts';
import type { ReleaseInput } from '../core/release-input.ts';
import { resultsTabRows } from '../core/results-tab.ts';
import { deliveryState, readRunsLog, runInProgress, runsRows } from '../core/runs-log.ts';
import { KarnamehError } from '../core/errors.ts';
import type { RunsEntry } from '../core/runs-log.ts';
import type { Summary, SummaryStatus } from '../core/summary.ts';
import type {
  Logger,
  Mailer,
  OutputTabs,
  PreviewWriter,
  RenderCard,
  RenderRelease,
  WorkbookStore,
  WriteReport,
} from '../ports.ts';
import { inputDigest } from './input-digest.ts';
import { previewCards } from './preview-cards.ts';

export interface RunMonthPorts {
  store: WorkbookStore;
  /** Needed unless the run is a dry run. */
  mailer?: Mailer;
  /** Needed for a dry run. */
  preview?: PreviewWriter;
  render: RenderRelease;
  /** Renders an agency's card (dry run: into the preview's cards/ folder). */
  renderCard?: RenderCard;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
}

export interface RunMonthOptions {
  month?: MonthKey;
  dryRun?: boolean;
  force?: boolean;
  allowIncomplete?: boolean;
  /** Send a test copy to this address only; the month is not marked sent. */
  testTo?: string;
  /** Who asked (an email from the caller's token, or the CLI user); recorded in the runs tab. */
  requestedBy?: string;
}

export interface DeliveryOutcome {
  email: string;
  status: 'sent' | 'failed';
  detail: string;
}

export interface RunMonthOutcome {
  summary: Summary;
  /** 0 done, 1 stopped by the data, 3 failure (interfaces.md). */
  exitCode: 0 | 1 | 3;
  runId: string;
  /** One line for a person: what happened. */
  message: string;
  deliveries: DeliveryOutcome[];
  /** Recipients whose earlier delivery was never confirmed; not sent again automatically. */
  unconfirmed: string[];
  previewFiles: string[];
  written: WriteReport | null;
}

/** The monthly job: read, check, compute, write the output tabs, send the release. */
export async function runMonth(
  ports: RunMonthPorts,
  options: RunMonthOptions = {},
): Promise<RunMonthOutcome> {
  const { store, log } = ports;
  const startedAt = ports.now();
  const month = options.month ?? defaultMonth(startedAt);
  const runId = ports.newRunId();
  const raw = await store.read();
  const digest = inputDigest(raw);
  const parsed = parseWorkbook(raw, { month });
  const runsLog = readRunsLog(findTab(raw, 'runs'));
  const delivery = deliveryState(runsLog, month);
  const requestedBy = options.requestedBy ?? '';
  log.info(`read ${store.description}`, { runId, month, digest });

  const entry = (fields: Partial<RunsEntry> & Pick<RunsEntry, 'kind' | 'status'>): RunsEntry => ({
    runId,
    month,
    at: startedAt.toISOString(),
    recipient: '',
    requestedBy,
    digest,
    detail: '',
    ...fields,
  });

  const computed = parsed.fatal
    ? null
    : computeResults(parsed.model, parsed.problems, month, 'checked');
  const summary = computed?.summary ?? fatalSummary(month, parsed.problems, 'blocked');
  const outcome = (
    status: SummaryStatus,
    exitCode: RunMonthOutcome['exitCode'],
    message: string,
    extra: Partial<RunMonthOutcome> = {},
  ): RunMonthOutcome => ({
    summary: { ...summary, status },
    exitCode,
    runId,
    message,
    deliveries: [],
    unconfirmed: delivery.unconfirmed.map((e) => e.recipient),
    previewFiles: [],
    written: null,
    ...extra,
  });

  const write = async (outputs: OutputTabs): Promise<WriteReport | null> => {
    if (options.dryRun) return null;
    const report = await store.write({ outputs });
    log.info(`wrote ${Object.keys(outputs).join(', ')} to ${report.location}`, { runId, month });
    if (report.note) log.warn(report.note, { runId, month });
    return report;
  };
  const problems = problemsRows(parsed.problems);

  /** Ends the run without sending: the problems tab and one runs row say why. */
  const stop = async (
    status: 'blocked' | 'already-sent',
    message: string,
    detail = '',
  ): Promise<RunMonthOutcome> => {
    const written = await write({
      problems,
      runs: runsRows([...runsLog, entry({ kind: 'run', status, detail })]),
    });
    return outcome(status, status === 'blocked' ? 1 : 0, message, { written });
  };

  if (!computed) {
    return stop(
      'blocked',
      'the workbook cannot be read as a scorecard: see the problems',
      'ساختار کارنامه ناقص است',
    );
  }

  const missing = summary.groups.flatMap((g) => g.notEvaluated);
  const evaluated = summary.groups.reduce((n, g) => n + g.evaluated, 0);
  const model = parsed.model;
  const release = (correction: boolean): ReleaseInput => ({
    summary,
    province: model.settings.province,
    spokesperson: model.settings.spokesperson,
    spokespersonTitle: model.settings.spokespersonTitle,
    top: model.settings.top,
    weakBands: model.settings.weakBands,
    indicatorCount: model.indicators.length,
    dimensions: model.dimensions,
    runId,
    digest,
    computedAt: startedAt,
    correction,
  });

  if (evaluated === 0) {
    return stop(
      'blocked',
      `no agency was evaluated in ${month}`,
      'هیچ دستگاهی در این ماه ارزیابی نشده است',
    );
  }

  if (options.dryRun) {
    const rendered = await ports.render(release(delivery.monthSent && !!options.force));
    const previewFiles = ports.preview ? await ports.preview.write(rendered) : [];
    const correction = delivery.monthSent && !!options.force;
    const cardInput = { model, problems: parsed.problems, computed, runId, digest, correction };
    previewFiles.push(...(await previewCards(ports, { ...cardInput, computedAt: startedAt })));
    const note =
      missing.length > 0 && !options.allowIncomplete
        ? ` (a real run would stop: ${missing.length} agencies not evaluated)`
        : '';
    return outcome('dry-run', 0, `dry run: nothing written, nothing sent${note}`, {
      previewFiles,
    });
  }

  if (missing.length > 0 && !options.allowIncomplete) {
    const names = missing.map((m) => `${m.name} (${m.reason})`).join('، ');
    return stop(
      'blocked',
      `${missing.length} agencies are not evaluated in ${month}; use --allow-incomplete to send anyway: ${missing.map((m) => m.name).join(', ')}`,
      `${missing.length} دستگاه ارزیابی نشده‌اند: ${names}`,
    );
  }

  const running = runInProgress(runsLog, month, startedAt);
  if (running) {
    throw new KarnamehError(
      'run.in_progress',
      `a run of ${month} (${running.runId}, started ${running.at}) is in progress; try again when it is done`,
    );
  }

  const mailer = ports.mailer;
  if (!mailer) throw new Error('runMonth: a mailer is needed for a run that sends');
  const recipients = options.testTo ? [{ email: options.testTo, name: null }] : model.recipients;
  const unconfirmed = new Set(delivery.unconfirmed.map((e) => e.recipient));
  const targets = recipients.filter((r) => {
    if (options.testTo || options.force) return true;
    const key = r.email.toLowerCase();
    return !delivery.reached.has(key) && !unconfirmed.has(key);
  });
  const correction = !options.testTo && !!options.force && delivery.monthSent;

  if (!options.testTo && !options.force && delivery.monthSent && targets.length === 0) {
    const more =
      unconfirmed.size > 0 ? `; unconfirmed deliveries: ${[...unconfirmed].join(', ')}` : '';
    return stop('already-sent', `${monthName(month)} was already sent${more}`);
  }

  // Everyone left to send to has an unconfirmed delivery (a run stopped between sending and
  // recording): nothing goes out and nothing claims the month was sent; a person decides.
  if (!options.testTo && !options.force && targets.length === 0 && unconfirmed.size > 0) {
    return stop(
      'blocked',
      `${monthName(month)}: nothing sent; earlier deliveries were never confirmed (${[...unconfirmed].join(', ')}): check with them, then use --force`,
      `ارسال قبلی تأیید نشده است: ${[...unconfirmed].join('، ')}`,
    );
  }

  // Rendered before the intent is recorded: a template that fails leaves no `pending` row.
  const rendered = await ports.render(release(correction));

  // Record the intent before anything goes out: a crash after sending leaves `pending`
  // rows that the next run reports instead of sending again.
  // A test copy's rows are kind `test`: they never count as the month being sent.
  const kind = options.testTo ? 'test' : 'delivery';
  const runEntry = entry({
    kind: options.testTo ? 'test' : 'run',
    status: 'started',
    detail: correction ? 'اصلاحیه' : options.testTo ? 'نسخه آزمایشی' : '',
  });
  const pending = targets.map((r) =>
    entry({ kind, status: 'pending', recipient: r.email.toLowerCase() }),
  );
  const publishes = !options.testTo;
  const results = publishes
    ? resultsTabRows(findTab(raw, 'results'), computed.month, runId)
    : undefined;
  const first = await write({
    problems,
    ...(results ? { results } : {}),
    runs: runsRows([...runsLog, runEntry, ...pending]),
  });

  const deliveries: DeliveryOutcome[] = [];
  for (const [i, target] of targets.entries()) {
    const row = pending[i];
    try {
      const { messageId } = await mailer.send({
        to: target,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: [rendered.attachment],
      });
      deliveries.push({ email: target.email, status: 'sent', detail: messageId });
      if (row)
        Object.assign(row, { status: 'sent', detail: messageId, at: ports.now().toISOString() });
      log.info(`sent to ${target.email}`, { runId, month });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      deliveries.push({ email: target.email, status: 'failed', detail });
      if (row) Object.assign(row, { status: 'failed', detail, at: ports.now().toISOString() });
      log.warn(`could not send to ${target.email}: ${detail}`, { runId, month });
    }
  }
  const failed = deliveries.filter((d) => d.status === 'failed');
  const sentCount = deliveries.length - failed.length;
  runEntry.status =
    failed.length === 0 ? 'sent' : sentCount === 0 && targets.length > 0 ? 'failed' : 'partial';
  runEntry.detail = [
    runEntry.detail,
    `ارسال به ${sentCount} گیرنده`,
    failed.length > 0 ? `ناموفق: ${failed.map((f) => f.email).join('، ')}` : '',
  ]
    .filter(Boolean)
    .join('؛ ');
  const second = await write({ runs: runsRows([...runsLog, runEntry, ...pending]) });

  const what = options.testTo ? 'test copy' : correction ? 'correction' : 'release';
  const message =
    failed.length === 0
      ? `${monthName(month)}: ${what} sent to ${sentCount} recipient(s)`
      : `${monthName(month)}: ${what} sent to ${sentCount}, failed for ${failed.length} (${failed
          .map((f) => f.email)
          .join(', ')}); the next run sends only to those not reached`;
  return outcome('sent', failed.length === 0 ? 0 : 3, message, {
    deliveries,
    written: second ?? first,
  });
}
