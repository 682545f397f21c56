/** `karnameh remind`: reminders for the month from the command line. */
import type { ErrorCode } from '../core/contract/errors.ts';
import { dirname } from 'node:path';
import type { CommandContext } from './io.ts';
import type { CliOptions } from './args.ts';
import { newRunId } from '../compose/compose.ts';
import { remindPorts } from '../compose/use-case-ports.ts';
import { remind } from '../use-cases/remind.ts';
import type { RemindOutcome } from '../use-cases/remind-outcome.ts';
import { stopOnSignals } from './signals.ts';

/** `karnameh remind`: returns the exit code (0 done, 1 stopped by the data, 3 a send failed). */
export async function remindCommand(options: CliOptions, context: CommandContext): Promise<number> {
  const { io, log, store, composition } = context;
  const runId = newRunId(composition.now());
  const mailer = options.dryRun ? undefined : composition.mailer(runId);
  const journal = options.dryRun ? undefined : await composition.journal(log.warn);
  const stop = stopOnSignals(io, log, options.dryRun);
  try {
    const outcome = await remind(
      await remindPorts(composition, { runId, log, mailer, journal, store }),
      {
        month: options.month,
        dryRun: options.dryRun,
        // A dry run has no mailer: without SMTP_URL it previews a round that writes .eml files.
        outbox: !io.env.SMTP_URL?.trim(),
        requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli',
        signal: stop.signal,
      },
    );
    // Each reminder and each file with --verbose; the block on stdout counts them.
    for (const r of outcome.reminders) {
      const cells = r.items.map((i) => (i.cell ? `${i.tab}!${i.cell}` : i.tab)).join(', ');
      log.detail?.(
        `${r.agencyId} ${r.name} <${r.emails.join(', ')}>: ${r.items.length} to fix (${cells})`,
      );
    }
    for (const file of outcome.previewFiles) log.detail?.(`preview: ${file}`);
    const stopped: ErrorCode = 'run.interrupted';
    (outcome.exitCode === 0 ? log.info : log.error)(
      outcome.status === 'interrupted' ? `${outcome.message} [${stopped}]` : outcome.message,
    );
    if (!options.json) io.stdout(remindLines(outcome, mailer?.outbox !== undefined));
    if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    return outcome.exitCode;
  } finally {
    stop.unsubscribe();
    await mailer?.close();
  }
}

/** `1 agency`, `3 agencies`. */
const many = (n: number, word: string, words = `${word}s`): string =>
  `${n} ${n === 1 ? word : words}`;

/** Why a message of the round was not sent, as counted in the `not sent:` line. */
function whyNotSent(d: RemindOutcome['deliveries'][number]): string {
  if (d.status === 'skipped' && d.detail.startsWith('stopped')) {
    return 'stopped before it, the next round sends it';
  }
  // `already sent today`; a round without SMTP: `already written as .eml today`.
  if (d.status === 'skipped')
    return d.detail.startsWith('already') ? d.detail : 'already sent today';
  if (d.status === 'unconfirmed') return 'never confirmed, not sent again';
  return 'failed, the next round sends it';
}

/** The messages of a round not sent, counted by why (`  not sent: 3 already sent today`). */
function notSentLine(deliveries: RemindOutcome['deliveries']): string | null {
  const reasons = new Map<string, number>();
  for (const d of deliveries.filter((d) => d.status !== 'sent')) {
    const why = whyNotSent(d);
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  if (reasons.size === 0) return null;
  return `  not sent: ${[...reasons].map(([why, n]) => `${n} ${why}`).join('; ')}`;
}

/**
 * The round in one block (stdout): whom it reminds, what went out (or, without SMTP, was
 * `written` as .eml files, or rendered by a dry run) and where, what was not sent and why,
 * counted; `--verbose` lists each reminder on stderr.
 */
export function remindLines(outcome: RemindOutcome, written: boolean): string {
  const { reminders, digest, deliveries } = outcome;
  const deadline = outcome.deadline ? `, deadline ${outcome.deadline}` : '';
  const lines = [
    `reminders for ${outcome.monthName} (${outcome.month}) on ${outcome.today}${deadline}`,
  ];
  // Stopped before any reminder was made (the release is out, the workbook unreadable): why.
  if (reminders.length === 0 && deliveries.length === 0 && outcome.status !== 'dry-run') {
    return `${[...lines, `  ${outcome.message}`].join('\n')}\n`;
  }
  const addresses = new Set(reminders.flatMap((r) => r.emails.map((e) => e.toLowerCase())));
  const unsubmitted = reminders.filter((r) => r.notSubmitted).length;
  lines.push(
    `  to remind: ${many(reminders.length, 'agency', 'agencies')} at ${many(addresses.size, 'address', 'addresses')} (${unsubmitted} not submitted, ${reminders.length - unsubmitted} with cells to fix); digest to ${digest.recipients.join(', ') || 'nobody'}`,
  );
  if (outcome.status === 'dry-run') {
    const folder = outcome.previewFiles[0] ? dirname(outcome.previewFiles[0]) : '';
    lines.push(
      `  dry run: ${many(reminders.length, 'reminder')} and the digest rendered into ${folder}; nothing sent`,
    );
  }
  const count = (status: string, kind: string) =>
    deliveries.filter((d) => d.status === status && d.kind === kind).length;
  const file = deliveries.find((d) => d.file)?.file;
  if (deliveries.length > 0) {
    const verb = !written ? 'sent' : file ? `written as .eml into ${dirname(file)}` : 'written';
    lines.push(
      `  ${verb}: ${many(count('sent', 'reminder'), 'reminder')}, ${many(count('sent', 'digest'), 'digest')}`,
    );
  }
  const notSent = notSentLine(deliveries);
  if (notSent) lines.push(notSent);
  if (digest.withoutEmail.length > 0) {
    lines.push(`  no email, not reminded: ${digest.withoutEmail.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
