import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  setAgencyCards,
  RECIPIENTS,
  addresses,
  brief,
  editTab,
  headerBlock,
  runOverSmtp,
  runsOf,
  tabOf,
} from '../../support/mail-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false); // the release alone (cards: agency-cards.test.ts)
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

const run = (...args: string[]) => runOverSmtp(box, smtp.url, ...args);
const [DABIR, MORADI, NAZARI] = RECIPIENTS;
const once = Object.fromEntries([...RECIPIENTS].sort().map((a) => [a, 1]));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('the release over a real SMTP exchange', () => {
  it('sends one message to each active recipient, in Persian, with the CSV and the infographic attached', async () => {
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('release sent to 3 recipient(s)');

    expect(smtp.counts()).toEqual(once);
    expect(smtp.received.map((m) => m.envelope.to)).toEqual(RECIPIENTS.map((a) => [a]));
    // One pooled connection carried the three messages.
    expect(smtp.connections()).toBe(1);
    expect(new Set(smtp.received.map((m) => m.connection)).size).toBe(1);

    const names = ['دبیرخانه شورای هماهنگی روابط‌عمومی‌ها', 'زهرا مرادی', 'حسین نظری'];
    for (const [i, { parsed, raw, envelope }] of smtp.received.entries()) {
      expect(envelope.from).toBe('pr@ilam.example');
      expect(parsed.from?.value).toEqual([
        { address: 'pr@ilam.example', name: 'روابط‌عمومی استانداری ایلام' },
      ]);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([
        { address: RECIPIENTS[i], name: names[i] },
      ]);
      expect(parsed.cc).toBeUndefined();
      expect(parsed.bcc).toBeUndefined();
      expect(headerBlock(raw)).not.toMatch(/^(bcc|cc):/im);

      expect(parsed.subject).toBe('گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
      expect(headerBlock(raw)).toMatch(/^Subject: =\?UTF-8\?/m);
      expect(parsed.headers.get('content-language')).toBe('fa');
      expect(parsed.text).toContain('روابط‌عمومی‌های استان ایلام در تیرماه');
      expect(parsed.html).toContain('<html dir="rtl" lang="fa">');
      expect(parsed.html).toContain('روابط‌عمومی‌های استان ایلام در تیرماه');

      expect(parsed.attachments).toHaveLength(2);
      const csv = parsed.attachments.find((a) => a.filename?.endsWith('.csv'));
      const picture = parsed.attachments.find((a) => a.filename?.endsWith('.png'));
      expect(csv?.filename).toBe('karnameh-1403-04.csv');
      expect(csv?.contentType).toBe('text/csv');
      expect(csv?.content.subarray(0, 3)).toEqual(BOM);
      const csvText = csv?.content.toString('utf8') ?? '';
      expect(csvText).toContain('"تیر ۱۴۰۳","دستگاه اجرایی","1","1","d004"');

      // The run and the data it was computed from, in headers; never in the text.
      const runId = String(parsed.headers.get('x-karnameh-run') ?? '');
      const digest = String(parsed.headers.get('x-karnameh-digest') ?? '');
      expect(runId).toMatch(/^r-\d{8}-\d{6}-[0-9a-f]+$/);
      expect(digest).toMatch(/^[0-9a-f]{8,}$/);
      for (const part of [parsed.text ?? '', String(parsed.html)]) {
        expect(part).not.toContain(runId);
        expect(part).not.toContain(digest);
      }
      expect(csvText).toContain('"اداره کل آموزش و پرورش"');
      // The infographic: a PNG shown inline by the HTML part through its Content-ID.
      expect(picture?.filename).toBe('karnameh-1403-04-infographic.png');
      expect(picture?.contentType).toBe('image/png');
      expect(picture?.contentDisposition).toBe('inline');
      expect(picture?.cid).toBe('infographic-1403-04@karnameh');
      expect(picture?.content.subarray(1, 4).toString('latin1')).toBe('PNG');
      // mailparser resolves the HTML's cid: link to the part it names: the picture.
      const src = /<img src="data:image\/png;base64,([^"]+)"/.exec(parsed.html || '')?.[1];
      expect(Buffer.from(src ?? '', 'base64').equals(picture?.content ?? Buffer.alloc(1))).toBe(
        true,
      );
      expect(raw.toString('latin1')).toMatch(/^Content-Type: multipart\/related/m);
      expect(raw.toString('latin1')).toMatch(/^Content-ID: <infographic-1403-04@karnameh>/m);
    }
    const ids = smtp.received.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(3);

    const runs = await runsOf(box.workbook);
    expect(brief(runs)).toEqual([
      ['run', 'sent', ''],
      ['release', 'sent', DABIR],
      ['release', 'sent', MORADI],
      ['release', 'sent', NAZARI],
    ]);
    // Each delivery row names the Message-ID the server received.
    expect(runs.slice(1).map((e) => e.detail)).toEqual(ids);
    // No mail went to the outbox folder: only the public site is there (docs/publishing.md).
    expect(await readdir(box.outbox)).toEqual(['site']);
  });

  it('logs in with the user and password of SMTP_URL and never prints the password', async () => {
    await smtp.close();
    smtp = await startSmtpServer({ auth: { user: 'karnameh', pass: 's3cret/pa:ss' } });
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(smtp.counts()).toEqual(once);
    expect(result.stderr).not.toContain('s3cret');
  });

  it('records a wrong password as a failed run, and the next run sends to everyone', async () => {
    await smtp.close();
    smtp = await startSmtpServer({ auth: { user: 'karnameh', pass: 'right' } });
    const wrong = smtp.url.replace(':right@', ':wrong-pass@');
    const failed = await runOverSmtp(box, wrong);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('failed for 3');
    expect(failed.stderr).toContain('535');
    expect(failed.stderr).not.toContain('wrong-pass');
    expect(smtp.received).toHaveLength(0);
    const runs = await runsOf(box.workbook);
    expect(brief(runs)).toEqual([
      ['run', 'failed', ''],
      ['release', 'failed', DABIR],
      ['release', 'failed', MORADI],
      ['release', 'failed', NAZARI],
    ]);
    expect(runs.map((e) => e.detail).join('\n')).not.toContain('wrong-pass');

    const fixed = await run();
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(smtp.counts()).toEqual(once);
  });

  it('fails every delivery when no server listens; once one does, everyone gets it once', async () => {
    const port = smtp.port;
    await smtp.close();
    const down = await runOverSmtp(box, `smtp://127.0.0.1:${port}`);
    expect(down.code).toBe(3);
    expect(down.stderr).toContain('ECONNREFUSED');
    expect(brief(await runsOf(box.workbook)).map((r) => r[1])).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ]);

    smtp = await startSmtpServer();
    const up = await run();
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain('release sent to 3 recipient(s)');
    expect(smtp.counts()).toEqual(once);
  });
});

describe('one recipient fails in the middle of a run', () => {
  it.each([
    ['the server refuses RCPT TO with a 550', 'rejectRcpt', '550', 1],
    ['the connection drops during DATA', 'dropData', 'onnection', 2],
  ] as const)(
    '%s: the others get it, the run is partial, and the next run sends only the missing one',
    async (_what, fault, reason, connections) => {
      smtp.faults[fault].add(MORADI);
      const first = await run();
      expect(first.code).toBe(3);
      expect(first.stderr).toContain(`failed for 1 (${MORADI})`);
      expect(first.stderr).toContain('the next run sends only to those not reached');
      expect(smtp.counts()).toEqual({ [DABIR]: 1, [NAZARI]: 1 });
      // The failure stayed with its message: the refused RCPT was reset on the same pooled
      // connection; a dropped connection was replaced by a new one for the next message.
      expect(smtp.connections()).toBe(connections);
      expect(smtp.received.map((m) => m.envelope.to[0])).toEqual([DABIR, NAZARI]);
      if (fault === 'rejectRcpt') expect(smtp.refused).toEqual([MORADI]);

      const runs = await runsOf(box.workbook);
      expect(brief(runs)).toEqual([
        ['run', 'partial', ''],
        ['release', 'sent', DABIR],
        ['release', 'failed', MORADI],
        ['release', 'sent', NAZARI],
      ]);
      expect(runs[2]?.detail).toContain(reason);
      expect(runs[0]?.detail).toContain(MORADI);

      smtp.faults[fault].clear();
      const second = await run();
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toContain('release sent to 1 recipient(s)');
      expect(smtp.counts()).toEqual(once);
      expect(smtp.received.at(-1)?.envelope.to).toEqual([MORADI]);
      expect(smtp.received.at(-1)?.parsed.subject).not.toContain('اصلاحیه');
      expect(brief((await runsOf(box.workbook)).slice(4))).toEqual([
        ['run', 'sent', ''],
        ['release', 'sent', MORADI],
      ]);

      const third = await run();
      expect(third.code).toBe(0);
      expect(third.stderr).toContain('already sent');
      expect(smtp.counts()).toEqual(once);
    },
  );
});

describe('sending on purpose', () => {
  it('--force sends the month again as a correction (اصلاحیه in subject and body)', async () => {
    expect((await run()).code).toBe(0);
    const again = await run();
    expect(again.stderr).toContain('already sent');
    expect(smtp.received).toHaveLength(3);

    const forced = await run('--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('correction sent to 3 recipient(s)');
    expect(smtp.counts()).toEqual(Object.fromEntries(Object.keys(once).map((a) => [a, 2])));
    for (const [i, { parsed }] of smtp.received.entries()) {
      const correction = i >= 3;
      expect(parsed.subject?.startsWith('اصلاحیه: '), parsed.subject).toBe(correction);
      expect(parsed.text?.includes('اصلاحیه: این متن نسخه اصلاح‌شده گزارش تیر ۱۴۰۳')).toBe(
        correction,
      );
      expect(parsed.html ? parsed.html.includes('اصلاحیه:') : null).toBe(correction);
    }
    const runs = await runsOf(box.workbook);
    expect(runs.filter((e) => e.kind === 'run').map((e) => [e.status, e.detail])).toEqual([
      ['sent', 'ارسال به 3 گیرنده؛ صفحه‌های عمومی منتشر شد'],
      ['already-sent', ''],
      ['sent', 'اصلاحیه؛ ارسال به 3 گیرنده؛ صفحه‌های عمومی منتشر شد'],
    ]);
  });

  it('--to sends a test copy to that address only and does not mark the month sent', async () => {
    const resultsBefore = await tabOf(box.workbook, 'results');
    const test = await run('--to', 'tester@example.net');
    expect(test.code, test.stderr).toBe(0);
    expect(test.stderr).toContain('test copy sent to 1 recipient(s)');
    expect(smtp.counts()).toEqual({ 'tester@example.net': 1 });
    expect(addresses(smtp.received[0]?.parsed.to)).toEqual(['tester@example.net']);
    expect(smtp.received[0]?.parsed.subject).toBe(
      'نسخه آزمایشی: گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳',
    );
    expect(await tabOf(box.workbook, 'results')).toEqual(resultsBefore);
    expect(brief(await runsOf(box.workbook)).slice(1)).toEqual([
      ['test', 'sent', 'tester@example.net'],
    ]);

    const real = await run();
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr).toContain('release sent to 3 recipient(s)');
    expect(smtp.counts()).toEqual({ ...once, 'tester@example.net': 1 });
    expect(smtp.received.slice(1).every((m) => !m.parsed.subject?.includes('اصلاحیه'))).toBe(true);
    expect(smtp.received.slice(1).every((m) => !m.parsed.subject?.includes('آزمایشی'))).toBe(true);
    expect(await tabOf(box.workbook, 'results')).not.toEqual(resultsBefore);
  });

  it('a test copy is not a publication: --force after it is not a correction', async () => {
    expect((await run('--to', 'tester@example.net')).code).toBe(0);
    const forced = await run('--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('release sent to 3 recipient(s)');
    expect(smtp.received.slice(1).map((m) => m.parsed.subject?.startsWith('اصلاحیه'))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('recipients and dry runs', () => {
  it('reports invalid recipients as problems, skips them, and still sends to the others', async () => {
    await editTab(box.workbook, 'recipients', (worksheet) => {
      worksheet.addRow(['not-an-email', 'نشانی نادرست', 'بله']);
      worksheet.addRow(['a@b', 'بی‌دامنه', 'بله']);
      worksheet.addRow(['x@example.org', 'فعال نامعلوم', 'شاید']);
    });
    const result = await run('--json');
    expect(result.code, result.stderr).toBe(0);
    const invalid = result
      .summary()
      .problems.filter((p) => p.code === 'recipient.invalid')
      .map((p) => [p.tab, p.cell]);
    expect(invalid).toEqual([
      ['گیرندگان', 'A5'],
      ['گیرندگان', 'A6'],
      ['گیرندگان', 'C7'],
    ]);
    expect(result.stderr).toContain('recipient.invalid');
    expect(smtp.counts()).toEqual(once);
    const problems = await tabOf(box.workbook, 'problems');
    expect(problems?.rows.filter((row) => row[1] === 'recipient.invalid')).toHaveLength(3);
  });

  it('--dry-run renders into <outbox>/preview/ and sends nothing', async () => {
    const result = await run('--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('nothing sent');
    expect(smtp.received).toHaveLength(0);
    expect(smtp.connections()).toBe(0);
    expect((await readdir(`${box.outbox}/preview`)).sort()).toEqual([
      'cards',
      'karnameh-1403-04.csv',
      'release.html',
      'release.txt',
      'site',
    ]);
    const site = `${box.outbox}/preview/site/1403-04`;
    expect((await readdir(site)).sort()).toEqual([
      'index.html',
      'infographic.png',
      'infographic.svg',
      'results.csv',
      'results.json',
    ]);
    expect(await runsOf(box.workbook)).toEqual([]);
  });

  it('refuses a MAIL_FROM that is not one address before anything is written or sent', async () => {
    for (const from of ['not an address', 'a@example.org, b@example.org', 'x@y\r\nBcc: e@x']) {
      const result = await karnameh(
        ['run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', '1403-04'],
        { SMTP_URL: smtp.url, MAIL_FROM: from },
      );
      expect(result.code, from).toBe(3);
      expect(result.stderr).toContain('MAIL_FROM');
      expect(result.stderr).toContain('config.invalid');
    }
    expect(smtp.connections()).toBe(0);
    expect(await runsOf(box.workbook)).toEqual([]);
  });
});
