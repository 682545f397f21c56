import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { runsRows } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import type { RemindOutcome } from '../../../functions/use-cases/remind.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { RECIPIENTS } from '../../support/functions-harness.ts';
import {
  PLANTED_IDS,
  REMINDER_DAY,
  emailOf,
  reminderWorkbook,
  setScore,
  tabOf,
  tehran,
  tirRow,
} from '../../support/reminder-fixtures.ts';

let smtp: TestSmtpServer;
let dir: Awaited<ReturnType<typeof scratch>>;
let raw: RawWorkbook;

beforeEach(async () => {
  smtp = await startSmtpServer();
  dir = await scratch();
  raw = await reminderWorkbook();
  await writeWorkbookXlsx(raw, dir.workbook);
});
afterEach(async () => {
  await smtp.close();
  await dir.cleanup();
});

const env = () => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'روابط‌عمومی استانداری ایلام <pr@example.org>',
});
const remind = async (at: string, ...args: string[]) => {
  const run = await karnameh(
    ['remind', '--workbook', dir.workbook, '--outbox', dir.outbox, '--json', ...args],
    env(),
    tehran(at),
  );
  return { ...run, outcome: () => JSON.parse(run.stdout) as RemindOutcome };
};
const runsTab = async () => findTab(await createXlsxStore(dir.workbook).read(), 'runs')?.rows ?? [];
const textTo = (address: string) =>
  smtp.received
    .filter((m) => m.envelope.to.includes(address))
    .map((m) => m.parsed.text ?? '')
    .join('\n');

describe('karnameh remind', () => {
  it('stops for a month once its release is sent: nothing sent, nothing written', async () => {
    const release = await karnameh(
      [
        'run',
        '--workbook',
        dir.workbook,
        '--outbox',
        dir.outbox,
        '--month',
        '1403-04',
        '--allow-incomplete',
      ],
      env(),
      tehran(`${REMINDER_DAY}T08:00`),
    );
    expect(release.code, release.stderr).toBe(0);
    const sent = smtp.received.length;
    expect(sent).toBeGreaterThan(0);
    const runs = await runsTab();
    const after = await remind(`${REMINDER_DAY}T09:00`);
    expect(after.code, after.stderr).toBe(0);
    expect(after.outcome()).toMatchObject({ status: 'nothing-to-send', reminders: [] });
    expect(after.outcome().message).toContain('reminders for it have stopped');
    expect(smtp.received).toHaveLength(sent);
    expect(await runsTab()).toEqual(runs);
  });

  it('a test copy of the release (--to) is not the release: reminders still go out', async () => {
    const copy = await karnameh(
      [
        'run',
        '--workbook',
        dir.workbook,
        '--outbox',
        dir.outbox,
        '--month',
        '1403-04',
        '--allow-incomplete',
        '--to',
        'me@example.org',
      ],
      env(),
      tehran(`${REMINDER_DAY}T08:00`),
    );
    expect(copy.code, copy.stderr).toBe(0);
    const after = await remind(`${REMINDER_DAY}T09:00`);
    expect(after.code, after.stderr).toBe(0);
    expect(after.outcome().status).toBe('sent');
    expect(after.outcome().reminders.map((r) => r.agencyId)).toEqual(PLANTED_IDS);
  });

  it('reminds the four agencies at their own cells, sends the digest, and never twice a day', async () => {
    const first = await remind(`${REMINDER_DAY}T09:00`);
    expect(first.code, first.stderr).toBe(0);
    const outcome = first.outcome();
    expect(outcome).toMatchObject({
      month: '1403-04',
      status: 'sent',
      today: '1403-05-07',
      deadline: '1403-05-10',
    });
    expect(outcome.reminders.map((r) => r.agencyId)).toEqual(PLANTED_IDS);
    expect(smtp.counts()).toEqual(
      Object.fromEntries(
        [...PLANTED_IDS.map(emailOf), ...RECIPIENTS].sort().map((address) => [address, 1]),
      ),
    );
    // Each reminder names its own cell and no other agency's.
    const cells = {
      d003: `E${tirRow(raw, 'd003') + 1}`,
      d005: `K${tirRow(raw, 'd005') + 1}`,
      d007: `D${tirRow(raw, 'd007') + 1}`,
    };
    for (const [id, cell] of Object.entries(cells)) {
      const text = textTo(emailOf(id));
      expect(text).toContain(`خانه ${cell}`);
      for (const [other, otherCell] of Object.entries(cells))
        if (other !== id) expect(text).not.toContain(otherCell);
      expect(text).toContain('۱۰ مرداد ۱۴۰۳');
    }
    expect(textTo(emailOf('f04'))).toContain('برای تیر ۱۴۰۳ هنوز ردیفی ندارید');
    const digest = smtp.received.find((m) => m.envelope.to.includes(RECIPIENTS[0] ?? ''));
    expect(digest?.parsed.subject).toBe(
      'کارنامه روابط‌عمومی استان ایلام: وضعیت ثبت امتیازهای تیر ۱۴۰۳ در ۷ مرداد ۱۴۰۳',
    );
    expect(digest?.parsed.text).toContain('ثبت‌نشده (۱\u00A0دستگاه):\n- فرمانداری بدره\n');
    expect(digest?.parsed.html).toContain('dir="rtl"');
    // The run id and the input hash travel in the headers of every mail, not in its text.
    for (const mail of smtp.received) {
      const run = mail.parsed.headers.get('x-karnameh-run');
      const digestHeader = mail.parsed.headers.get('x-karnameh-digest');
      expect(run).toBe(outcome.runId);
      expect(digestHeader).toMatch(/^[0-9a-f]{8,}$/);
      for (const part of [mail.parsed.text ?? '', String(mail.parsed.html)]) {
        expect(part).not.toContain(outcome.runId);
        expect(part).not.toContain(String(digestHeader));
      }
    }

    const runs = await runsTab();
    // The round's claim (its run row, closed `sent`), then one row per mail, keyed by the day.
    expect(runs.slice(1).map((r) => `${r[3]} ${r[4]} ${r[5]}`)).toEqual([
      'run sent null',
      ...PLANTED_IDS.map((id) => `reminder sent ${id}:1403-05-07:${emailOf(id)}`),
      ...outcome.digest.recipients.map((address) => `digest sent 1403-05-07:${address}`),
    ]);
    expect(runs[1]?.[8]).toBe('یادآوری: 7 فرستاده شد');
    expect([...outcome.digest.recipients].sort()).toEqual(RECIPIENTS);

    // Later the same day: nothing goes out, nothing is written.
    const again = await remind(`${REMINDER_DAY}T18:30`);
    expect(again.code, again.stderr).toBe(0);
    expect(again.outcome().status).toBe('nothing-to-send');
    expect(again.outcome().deliveries.every((d) => d.status === 'skipped')).toBe(true);
    expect(smtp.received).toHaveLength(7);
    expect(await runsTab()).toEqual(runs);
  });

  it('a day later reminds again those still missing, with --month as the default', async () => {
    await remind(`${REMINDER_DAY}T09:00`);
    // d003 fills in its blank cell in the meantime.
    const now = await createXlsxStore(dir.workbook).read();
    setScore(now, 'd003', 'E', 5);
    await writeWorkbookXlsx(now, dir.workbook);

    const next = await remind('2024-07-29T08:00');
    expect(next.code, next.stderr).toBe(0);
    expect(next.outcome().reminders.map((r) => r.agencyId)).toEqual(['d005', 'd007', 'f04']);
    expect(smtp.countFor(emailOf('d003'))).toBe(1);
    for (const id of ['d005', 'd007', 'f04']) expect(smtp.countFor(emailOf(id))).toBe(2);
    for (const address of RECIPIENTS) expect(smtp.countFor(address)).toBe(2);
    const latest = smtp.received.at(-1)?.parsed.text ?? '';
    expect(latest).toContain('- ثبت کامل و درست: ۱۰۷\u00A0دستگاه');
    expect(latest).toContain('(۲\u00A0روز به پایان مهلت مانده است)');
  });

  it('sends again the same day only what failed', async () => {
    smtp.faults.rejectRcpt.add(emailOf('d007'));
    const first = await remind(`${REMINDER_DAY}T09:00`);
    expect(first.code).toBe(3);
    expect(
      first
        .outcome()
        .deliveries.filter((d) => d.status === 'failed')
        .map((d) => d.key),
    ).toEqual(['d007']);
    expect((await runsTab()).slice(1).map((r) => r[4])).toContain('failed');
    smtp.faults.rejectRcpt.clear();
    const retry = await remind(`${REMINDER_DAY}T09:15`);
    expect(retry.code, retry.stderr).toBe(0);
    expect(
      retry
        .outcome()
        .deliveries.filter((d) => d.status === 'sent')
        .map((d) => d.key),
    ).toEqual(['d007']);
    expect(smtp.countFor(emailOf('d007'))).toBe(1);
    expect(smtp.received).toHaveLength(7);
  });

  it('a server that takes a reminder and never answers: unconfirmed, named, not sent again today', async () => {
    smtp.faults.dropAfterData.add(emailOf('d007'));
    const first = await remind(`${REMINDER_DAY}T09:00`);
    expect(first.code, first.stderr).toBe(3);
    expect(first.outcome().deliveries.find((d) => d.key === 'd007')?.status).toBe('unconfirmed');
    expect(first.stderr).toContain(`never confirmed today, not sent again: ${emailOf('d007')}`);
    smtp.faults.dropAfterData.clear();
    const again = await remind(`${REMINDER_DAY}T09:15`);
    expect(again.code, again.stderr).toBe(3);
    expect(again.outcome().status).toBe('nothing-to-send');
    expect(again.stderr).toContain(`never confirmed today, not sent again: ${emailOf('d007')}`);
    expect(smtp.countFor(emailOf('d007'))).toBe(0);
    expect(smtp.dropped).toEqual([emailOf('d007')]);
  });

  it('a read-only workbook: stops before sending anything', async () => {
    await chmod(dir.workbook, 0o444);
    const run = await remind(`${REMINDER_DAY}T09:00`);
    expect(run.code).not.toBe(0);
    expect(smtp.received).toHaveLength(0);
    expect(run.stderr).toMatch(/read-only|writ/i);
  });

  it('a reminder left pending today by a round that died is reported, not sent again', async () => {
    const died = structuredClone(raw);
    died.tabs.push({
      name: TABS.runs.label,
      rows: runsRows([
        {
          runId: 'r-died',
          month: '1403-04',
          at: tehran(`${REMINDER_DAY}T08:00`).toISOString(),
          kind: 'reminder',
          status: 'pending',
          recipient: `d003:1403-05-07:${emailOf('d003')}`,
          requestedBy: 'cli',
          contentHash: '',
          detail: emailOf('d003'),
        },
      ]),
    });
    await writeWorkbookXlsx(died, dir.workbook);
    const run = await remind(`${REMINDER_DAY}T09:00`);
    // Exit 3: a reminder of today is still unconfirmed (named below).
    expect(run.code, run.stderr).toBe(3);
    const d003 = run.outcome().deliveries.find((d) => d.key === 'd003');
    expect(d003?.status).toBe('unconfirmed');
    expect(run.stderr).toContain(`never confirmed today, not sent again: ${emailOf('d003')}`);
    expect(smtp.countFor(emailOf('d003'))).toBe(0);
    expect(smtp.received).toHaveLength(6);
    // The next reminder day is a new day: it goes out.
    await remind('2024-07-30T09:00');
    expect(smtp.countFor(emailOf('d003'))).toBe(1);
  });

  it('--dry-run renders each reminder and the digest into <outbox>/preview/reminders and sends nothing', async () => {
    const before = await runsTab();
    expect(before).toEqual([]);
    const dry = await remind(`${REMINDER_DAY}T09:00`, '--dry-run', '--month', '1403-04');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.outcome().status).toBe('dry-run');
    const folder = join(dir.outbox, 'preview', 'reminders');
    expect((await readdir(folder)).sort()).toEqual(
      [...PLANTED_IDS, 'digest'].flatMap((name) => [`${name}.html`, `${name}.txt`]).sort(),
    );
    expect(smtp.received).toHaveLength(0);
    expect(await runsTab()).toEqual(before);
  });

  it('stops with exit 1 and sends nothing when the workbook cannot be read', async () => {
    const broken = structuredClone(raw);
    broken.tabs = broken.tabs.filter((t) => t !== tabOf(broken, 'indicators'));
    await writeWorkbookXlsx(broken, dir.workbook);
    const run = await remind(`${REMINDER_DAY}T09:00`);
    expect(run.code).toBe(1);
    expect(run.outcome().status).toBe('blocked');
    expect(smtp.received).toHaveLength(0);
  });
});
