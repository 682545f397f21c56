/**
 * The command line's small promises of issue 19, each through `main` with its own env and a
 * real SMTP server on loopback: MAIL_FROM with SMTP_URL, `--agency` as the scores tab
 * matches ids, a failed test copy, routine write notes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { standInEnv } from '../../support/sheets-cli.ts';
import { editTab } from '../../support/mail-fixtures.ts';
import { startSheetsStandIn } from '../../support/sheets-stand-in.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { EXAMPLE, karnameh, scratch } from '../../support/cli-harness.ts';

let box: Awaited<ReturnType<typeof scratch>>;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

const MAIL_FROM = 'روابط‌عمومی استانداری ایلام <pr@example.org>';
const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  karnameh(['run', '--workbook', box.workbook, '--outbox', box.outbox, ...args], env);

describe('MAIL_FROM with SMTP_URL', () => {
  it.each([
    ['run', []],
    ['a test copy', ['--to', 'me@example.org']],
  ])(
    '%s: refused without MAIL_FROM, nothing sent (never from karnameh@localhost)',
    async (_what, args) => {
      const result = await run({ SMTP_URL: smtp.url }, ...args);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('MAIL_FROM missing: SMTP_URL is set');
      expect(smtp.received).toHaveLength(0);
      const blank = await run({ SMTP_URL: smtp.url, MAIL_FROM: '  ' }, ...args);
      expect(blank.code).toBe(3);
      expect(smtp.received).toHaveLength(0);
    },
  );

  it('with MAIL_FROM the month goes out from that address', async () => {
    const result = await run({ SMTP_URL: smtp.url, MAIL_FROM });
    expect(result.code, result.stderr).toBe(0);
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(new Set(smtp.received.map((m) => m.envelope.from))).toEqual(new Set(['pr@example.org']));
  });

  it('without SMTP_URL the outbox needs no MAIL_FROM', async () => {
    const result = await run({}, '--month', '1403-04');
    expect(result.code, result.stderr).toBe(0);
  });
});

/** Sets settings keys (by the label or key written in column A) in the workbook. */
function setSettings(path: string, values: Record<string, string>): Promise<void> {
  return editTab(path, 'settings', (worksheet) => {
    const left = new Map(Object.entries(values));
    worksheet.eachRow((row) => {
      const key = String(row.getCell(1).value);
      const value = left.get(key);
      if (value !== undefined) {
        row.getCell(2).value = value;
        left.delete(key);
      }
    });
    for (const [key, value] of left) worksheet.addRow([key, value]);
  });
}

describe('a bad feature switch never blocks the release', () => {
  it('typos in reminder_days, run_request, open_day, public_table and agency_cards: sent, each a warning saying what is off', async () => {
    await setSettings(box.workbook, {
      'روزهای یادآوری': '۳، یک',
      'درخواست اجرا': 'ماه بعد',
      'روز باز شدن': 'اول',
      'جدول عمومی': 'ده',
      'کارنامه دستگاه‌ها': 'شاید',
    });
    const result = await run({ SMTP_URL: smtp.url, MAIL_FROM }, '--month', '1403-04', '--json');
    expect(result.code, result.stderr).toBe(0);
    const summary = result.summary();
    expect(summary.status).toBe('sent');
    const switches = summary.problems.filter((p) => p.code === 'settings.invalid');
    expect(switches).toHaveLength(5);
    expect(switches.every((p) => p.severity === 'warning')).toBe(true);
    expect(switches.map((p) => p.message).join('\n')).not.toMatch(/فعلاً|به کار می‌رود/);
    // agency_cards unreadable: the cards are off; only the release went out.
    expect(smtp.received.every((m) => !m.parsed.subject?.includes('کارنامهٔ'))).toBe(true);
    expect(smtp.received).toHaveLength(3);
  });
});

/** Sets the email cell (column E) of agencies by id. */
function setAgencyEmails(path: string, emails: Record<string, string>): Promise<void> {
  return editTab(path, 'agencies', (worksheet) => {
    worksheet.eachRow((row) => {
      const value = emails[String(row.getCell(1).value)];
      if (value !== undefined) row.getCell(5).value = value;
    });
  });
}

describe('agencies with several addresses, a shared one and an invalid one', () => {
  it('cards go to each valid address of its agency; none to a shared address; the release still goes out', async () => {
    await setAgencyEmails(box.workbook, {
      d001: 'pr.amoozesh@example.org، boss@amoozesh.example.org',
      d002: 'office@ilam.example.org, pr.d002@example.org',
      d003: 'OFFICE@ilam.example.org',
      d004: 'pr.d004@، pr.d004@example.org',
    });
    const result = await run({ SMTP_URL: smtp.url, MAIL_FROM }, '--month', '1403-04', '--json');
    expect(result.code, result.stderr).toBe(0);
    const summary = result.summary();
    expect(summary.status).toBe('sent');
    const warnings = summary.problems
      .filter((p) => p.code.startsWith('agency.email_'))
      .map((p) => `${p.code} ${p.cell} ${p.severity}`);
    expect(warnings).toEqual([
      'agency.email_shared E3 warning',
      'agency.email_shared E4 warning',
      'agency.email_invalid E5 warning',
    ]);
    const counts = smtp.counts();
    expect(counts['pr.amoozesh@example.org']).toBe(1);
    expect(counts['boss@amoozesh.example.org']).toBe(1);
    expect(counts['pr.d002@example.org']).toBe(1);
    expect(counts['office@ilam.example.org']).toBeUndefined();
    expect(counts['pr.d004@example.org']).toBe(1);
    expect(
      Object.keys(counts).some((a) => a.startsWith('pr.d004@') && a !== 'pr.d004@example.org'),
    ).toBe(false);
  });
});

describe('test copies (--to)', () => {
  it.each(['D004', 'd۰۰۴', ' d004 '])(
    '--agency %j is matched as the scores tab matches ids: d004 card to the address alone',
    async (agency) => {
      const result = await run(
        { SMTP_URL: smtp.url, MAIL_FROM },
        '--month',
        '1403-04',
        '--to',
        'me@example.org',
        '--agency',
        agency,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(smtp.counts()).toEqual({ 'me@example.org': 1 });
      expect(smtp.received[0]?.parsed.subject).toContain('نسخه آزمایشی');
    },
  );

  it('a failed test copy says to run the command again, and promises no rerun that never comes', async () => {
    smtp.faults.rejectRcpt.add('me@example.org');
    const result = await run(
      { SMTP_URL: smtp.url, MAIL_FROM },
      '--month',
      '1403-04',
      '--to',
      'me@example.org',
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('run the same command again to send the test copy');
    expect(result.stderr).not.toMatch(/next run sends/);
    // And indeed: a plain run afterwards sends the month, never the test copy.
    smtp.faults.rejectRcpt.clear();
    const month = await run({ SMTP_URL: smtp.url, MAIL_FROM }, '--month', '1403-04');
    expect(month.code, month.stderr).toBe(0);
    expect(smtp.countFor('me@example.org')).toBe(0);
  });
});

describe('routine write notes', () => {
  it('what a write to a Sheet changed is said as information, never as a warning', async () => {
    const standIn = await startSheetsStandIn();
    try {
      standIn.loadWorkbook('notes-sheet-0001', await createXlsxStore(EXAMPLE).read());
      const env = { ...standInEnv(standIn), SMTP_URL: smtp.url, MAIL_FROM };
      for (const args of [['check'], ['run', '--outbox', box.outbox]]) {
        const result = await karnameh(
          [...args, '--sheet', 'notes-sheet-0001', '--month', '1403-04'],
          env,
        );
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/rows \d+–\d+ (written|replaced)|nothing to change/);
        const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
        expect(
          warnings.filter((line) => /rows \d+–\d+|nothing to change|tab added/.test(line)),
        ).toEqual([]);
      }
    } finally {
      await standIn.close();
    }
  });
});
