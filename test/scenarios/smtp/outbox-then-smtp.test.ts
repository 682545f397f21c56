/**
 * A month only written to the .eml outbox (no SMTP_URL) is not a month sent (hostile test,
 * severity lost mail): its rows say `written`; a second outbox run writes nothing new; the
 * first run with SMTP sends the release (the original, not a correction) and every card;
 * a run after that sends nothing. The same for a reminder round.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { MAIL_FROM, MONTH, RECIPIENTS, runOverSmtp, runsOf } from '../../support/mail-fixtures.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import { REMINDER_DAY, reminderWorkbook, tehran } from '../../support/reminder-fixtures.ts';
import type { RemindOutcome } from '../../../functions/use-cases/remind.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

/** The same command without SMTP_URL: the outbox writes each message as an .eml file. */
const runOutbox = (...args: string[]) =>
  karnameh(['run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH, ...args], {
    MAIL_FROM,
  });

const release = new Set<string>(RECIPIENTS);

describe('a month written to the outbox, then sent by SMTP', () => {
  it('the SMTP run sends the original release and every card; the rows say written, then sent', async () => {
    const first = await runOutbox();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('written as .eml');
    const written = await runsOf(box.workbook);
    const rows = written.filter((e) => e.kind === 'release' || e.kind === 'card');
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((e) => e.status))).toEqual(new Set(['written']));
    const runRow = written.find((e) => e.kind === 'run' && e.runId === rows[0]?.runId);
    expect(runRow?.status).toBe('written');
    expect(runRow?.detail).toContain('نوشته شد');
    expect(runRow?.detail).not.toContain('ارسال به');

    // A second outbox run: nothing new to write, said as written (not sent).
    const again = await runOutbox();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('was already written as .eml');
    expect(again.stderr).not.toContain('was already sent');

    const sent = await runOverSmtp(box, smtp.url);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).not.toContain('already');
    const releases = smtp.received.filter((m) => m.envelope.to.some((a) => release.has(a)));
    const cards = smtp.received.filter((m) => !m.envelope.to.some((a) => release.has(a)));
    expect(releases.map((m) => m.envelope.to).sort()).toEqual(RECIPIENTS.map((a) => [a]).sort());
    for (const m of releases) expect(m.parsed.subject).not.toContain('اصلاحیه');
    expect(cards).toHaveLength(rows.filter((e) => e.kind === 'card').length);
    expect(cards).toHaveLength(110);
    for (const m of cards) expect(m.parsed.subject).not.toContain('اصلاحیه');
    const after = await runsOf(box.workbook);
    const smtpRun = after.filter((e) => e.runId !== rows[0]?.runId && e.runId !== runRow?.runId);
    expect(smtpRun.filter((e) => e.kind === 'correction')).toHaveLength(0);
    expect(smtpRun.filter((e) => e.kind === 'release' && e.status === 'sent')).toHaveLength(3);
    expect(smtpRun.filter((e) => e.kind === 'card' && e.status === 'sent')).toHaveLength(110);

    const third = await runOverSmtp(box, smtp.url);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain('was already sent');
    expect(smtp.received).toHaveLength(113);
    // An outbox run after the month was sent: nothing written, said as sent.
    const fourth = await runOutbox();
    expect(fourth.stderr).toContain('was already sent');
  });

  it('--force after an outbox run sends the original release, not a correction, and the cards', async () => {
    const first = await runOutbox();
    expect(first.code, first.stderr).toBe(0);
    const forced = await runOverSmtp(box, smtp.url, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    const releases = smtp.received.filter((m) => m.envelope.to.some((a) => release.has(a)));
    expect(releases).toHaveLength(3);
    for (const m of smtp.received) expect(m.parsed.subject).not.toContain('اصلاحیه');
    expect(smtp.received).toHaveLength(113);
    const kinds = (await runsOf(box.workbook)).map((e) => e.kind);
    expect(kinds).not.toContain('correction');
  });

  it('a test copy (--to) written to the outbox does not stand for the month', async () => {
    const copy = await runOutbox('--to', 'me@example.org');
    expect(copy.code, copy.stderr).toBe(0);
    expect((await runsOf(box.workbook)).find((e) => e.kind === 'test')?.status).toBe('written');
    const sent = await runOverSmtp(box, smtp.url);
    expect(sent.code, sent.stderr).toBe(0);
    expect(smtp.received).toHaveLength(113);
  });
});

describe('a reminder round written to the outbox, then sent by SMTP', () => {
  const remind = async (smtpUrl: string | null, at: string) => {
    const env = smtpUrl ? { SMTP_URL: smtpUrl, MAIL_FROM } : { MAIL_FROM };
    const run = await karnameh(
      ['remind', '--workbook', box.workbook, '--outbox', box.outbox, '--json'],
      env,
      tehran(at),
    );
    return { ...run, outcome: () => JSON.parse(run.stdout) as RemindOutcome };
  };

  it('the SMTP round sends every reminder the outbox wrote; a round after it sends nothing', async () => {
    await writeWorkbookXlsx(await reminderWorkbook(), box.workbook);
    const first = await remind(null, `${REMINDER_DAY}T08:00`);
    expect(first.code, first.stderr).toBe(0);
    const wrote = first.outcome().deliveries.filter((d) => d.status === 'sent');
    expect(wrote.length).toBeGreaterThan(0);
    expect(wrote.every((d) => d.file !== undefined)).toBe(true);
    const rows = (await runsOf(box.workbook)).filter(
      (e) => e.kind === 'reminder' || e.kind === 'digest',
    );
    expect(new Set(rows.map((e) => e.status))).toEqual(new Set(['written']));

    const again = await remind(null, `${REMINDER_DAY}T08:30`);
    expect(again.outcome().message).toContain(`${wrote.length} already written as .eml`);
    expect(again.outcome().message).not.toContain('already sent today');
    const plain = await karnameh(
      ['remind', '--workbook', box.workbook, '--outbox', box.outbox],
      { MAIL_FROM },
      tehran(`${REMINDER_DAY}T08:40`),
    );
    expect(plain.stdout).toContain(`not sent: ${wrote.length} already written as .eml`);
    expect(plain.stdout + plain.stderr).not.toContain('already sent today');

    const sent = await remind(smtp.url, `${REMINDER_DAY}T09:00`);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.outcome().message).not.toContain('already');
    expect(smtp.received).toHaveLength(wrote.length);
    const last = await remind(smtp.url, `${REMINDER_DAY}T10:00`);
    expect(last.code, last.stderr).toBe(0);
    expect(last.outcome().message).toContain(`${wrote.length} already sent today`);
    expect(smtp.received).toHaveLength(wrote.length);
  });

  it('a release only written to the outbox does not stop the reminders sent by SMTP', async () => {
    await writeWorkbookXlsx(await reminderWorkbook(), box.workbook);
    const args = ['--workbook', box.workbook, '--outbox', box.outbox, '--month', '1403-04'];
    const at = tehran(`${REMINDER_DAY}T08:00`);
    const written = await karnameh(['run', ...args, '--allow-incomplete'], { MAIL_FROM }, at);
    expect(written.code, written.stderr).toBe(0);
    const outbox = await remind(null, `${REMINDER_DAY}T08:30`);
    expect(outbox.outcome().message).toContain('was written as .eml, not sent');
    const sent = await remind(smtp.url, `${REMINDER_DAY}T09:00`);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.outcome().status).toBe('sent');
    expect(smtp.received.length).toBeGreaterThan(0);
  });
});
