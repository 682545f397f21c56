/**
 * What makes a sent month "changed" (issue 19, item 1), with real processes and SMTP on
 * loopback: the content hash of what the release states, never an edit that is not its
 * facts. After a partial failure, a notes tab, next month's first row, one agency's
 * corrected address and a renamed results tab leave the month as it was: a plain rerun
 * reaches whoever is still missing. A score of the month changed is `run.data_changed`
 * with both hashes, naming who is still waiting; `--force` sends the correction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../../functions/core/figures/summary.ts';
import { scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { spawnCli } from '../../support/spawn-cli.ts';
import ExcelJS from 'exceljs';
import {
  MAIL_FROM,
  MONTH,
  RECIPIENTS,
  editTab,
  runsOf,
  setAgencyCards,
} from '../../support/mail-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false);
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

/** `karnameh run --json` in a process of its own; its exit code, summary and stderr. */
async function run(
  ...args: string[]
): Promise<{ code: number | null; summary: Summary; stderr: string }> {
  const argv = ['run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH];
  const done = await spawnCli([...argv, '--json', ...args], { SMTP_URL: smtp.url, MAIL_FROM });
  return { ...done, summary: JSON.parse(done.stdout || '{}') as Summary };
}

/** Edits that are not the month's facts, as a person makes them in another program. */
async function editsBesideTheMonth(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  book.addWorksheet('یادداشت‌ها').addRow(['پیگیری تلفنی با دبیرخانه']);
  const scores = book.getWorksheet('امتیازها');
  scores?.addRow(['1403-05', 'd001', ...Array<number>(20).fill(1)]);
  const agencies = book.getWorksheet('دستگاه‌ها');
  if (agencies) agencies.getRow(3).getCell(5).value = 'pr.d002.new@example.org';
  const results = book.getWorksheet('نتایج');
  if (results) results.name = 'نتایج تیر (قدیمی)';
  await book.xlsx.writeFile(path);
}

describe('a sent month is "changed" only when what its release states changed', () => {
  it('edits beside the month never block a rerun after a partial failure; a score does, with both hashes', async () => {
    const [reached, refused, other] = RECIPIENTS;
    smtp.faults.rejectRcpt.add(refused);
    const first = await run();
    expect(first.stderr).toContain(refused);
    expect(smtp.counts()).toEqual({ [reached]: 1, [other]: 1 });
    const hash = first.summary.contentHash ?? '';
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    // The runs tab records, for each release row, the content hash of what was sent.
    const rows = (await runsOf(box.workbook)).filter((e) => e.kind === 'release');
    expect(new Set(rows.map((e) => e.contentHash))).toEqual(new Set([hash]));

    await editsBesideTheMonth(box.workbook);
    smtp.faults.rejectRcpt.clear();
    const rerun = await run();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.summary.problems.filter((p) => p.code === 'run.data_changed')).toEqual([]);
    expect(rerun.summary.contentHash).toBe(hash);
    // The one still missing gets it; nobody gets a second copy, nor a correction.
    expect(smtp.counts()).toEqual({ [reached]: 1, [refused]: 1, [other]: 1 });
    expect(smtp.received.map((m) => m.parsed.subject ?? '').join('\n')).not.toContain('اصلاحیه');

    // A figure of the month changed: the release would say something else.
    const late = 'late.reader@example.org';
    await editTab(box.workbook, 'recipients', (ws) => ws.addRow([late, null, 'بله']));
    await editTab(box.workbook, 'scores', (ws) => {
      ws.eachRow((row) => {
        if (row.getCell(1).value === MONTH && row.getCell(2).value === 'd001') {
          row.getCell(3).value = Number(row.getCell(3).value) === 20 ? 0 : 20;
        }
      });
    });
    const changed = await run();
    expect(changed.code, changed.stderr).toBe(0);
    const now = changed.summary.contentHash ?? '';
    expect(now).toMatch(/^[0-9a-f]{16}$/);
    expect(now).not.toBe(hash);
    const warning = changed.summary.problems.find((p) => p.code === 'run.data_changed');
    expect(warning?.message).toContain(hash);
    expect(warning?.message).toContain(now);
    // Nothing sent, and who still waits for it is named.
    expect(smtp.received).toHaveLength(3);
    expect(changed.stderr).toContain(late);

    const forced = await run('--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(smtp.counts()).toEqual({ [reached]: 2, [refused]: 2, [other]: 2, [late]: 1 });
    // The forced re-send's rows are `correction` rows, with the hash of what they state.
    const runs = await runsOf(box.workbook);
    const mail = runs.filter((e) => e.kind === 'correction');
    expect(new Set(mail.map((e) => e.runId)).size).toBe(1);
    expect(runs.filter((e) => e.runId === mail[0]?.runId && e.kind !== 'run')).toEqual(mail);
    expect(mail.map((e) => e.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(mail.map((e) => e.recipient).sort()).toEqual([reached, refused, other, late].sort());
    expect(new Set(mail.map((e) => e.contentHash))).toEqual(new Set([now]));
    // A correction counts as the release reached: a plain run after it sends nothing.
    const after = await run();
    expect(after.code, after.stderr).toBe(0);
    expect(after.summary.status).toBe('already-sent');
    expect(smtp.received).toHaveLength(7);
  }, 120_000);

  it('a card whose own facts changed is named with both hashes and not sent again without --force; the rest goes on', async () => {
    await setAgencyCards(box.workbook, true);
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    const d001 = 'pr.amoozesh@example.org';
    expect(smtp.countFor(d001)).toBe(1);
    const cards = smtp.received.length - RECIPIENTS.length;
    expect(cards).toBeGreaterThan(50);

    // d001's ش۲ and ش۳ swapped (same dimension, max and weight): its score, every figure
    // of the release and every other card are the same; its card's indicators are not.
    await editTab(box.workbook, 'scores', (ws) => {
      ws.eachRow((row) => {
        if (row.getCell(1).value !== MONTH || row.getCell(2).value !== 'd001') return;
        const [a, b] = [row.getCell(4).value, row.getCell(5).value];
        row.getCell(4).value = b;
        row.getCell(5).value = a;
      });
    });
    const late = 'late.reader@example.org';
    await editTab(box.workbook, 'recipients', (ws) => ws.addRow([late, null, 'بله']));
    const rerun = await run();
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.summary.contentHash).toBe(first.summary.contentHash);
    const changed = rerun.summary.problems.filter((p) => p.code === 'run.data_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.message).toMatch(/d001 \([0-9a-f]{16} → [0-9a-f]{16}\)/);
    // The new reader gets the release; nobody else gets anything, d001 included.
    expect(smtp.countFor(late)).toBe(1);
    expect(smtp.received).toHaveLength(RECIPIENTS.length + cards + 1);

    const forced = await run('--force');
    expect(forced.code, forced.stderr).toBe(0);
    // The correction: the release to every reader, and d001's card alone of the cards.
    expect(smtp.countFor(d001)).toBe(2);
    expect(smtp.received).toHaveLength(2 * (RECIPIENTS.length + 1) + cards + 1);
    const corrected = smtp.received.filter((m) => m.envelope.to.includes(d001)).at(-1);
    expect(corrected?.parsed.subject).toContain('اصلاحیه');
  }, 180_000);
});
