import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createReleaseRenderer,
  defaultTemplatesDir,
} from '../../functions/adapters/mail/render-release.ts';
import { createSmtpMailer } from '../../functions/adapters/mail/smtp-mailer.ts';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { createTextLogger } from '../../functions/logger.ts';
import { runMonth } from '../../functions/use-cases/run-month.ts';
import { scratch } from '../cli/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import {
  setAgencyCards,
  MAIL_FROM,
  MONTH,
  RECIPIENTS,
  brief,
  runOverSmtp,
  runsOf,
} from './mail-fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/karnameh.js', import.meta.url));

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
const once = Object.fromEntries([...RECIPIENTS].sort().map((a) => [a, 1]));

describe('a run that stops between sending and recording', () => {
  it('leaves the batch pending; later runs stop without sending, --resend-unconfirmed sends', async () => {
    // The server reads the first message in full and never answers; the run is killed there.
    smtp.faults.stallData.add(RECIPIENTS[0]);
    const child = spawn(
      process.execPath,
      [BIN, 'run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH],
      { env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM }, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await vi.waitFor(() => expect(smtp.stalled).toEqual([RECIPIENTS[0]]), { timeout: 20_000 });
    child.kill('SIGKILL');
    await exited;
    expect(brief(await runsOf(box.workbook))).toEqual([
      ['run', 'started', ''],
      ...RECIPIENTS.map((r) => ['delivery', 'pending', r]),
    ]);
    smtp.faults.stallData.clear();

    // Nobody is sent a second copy, and the month is never recorded as sent to nobody.
    for (let i = 0; i < 2; i += 1) {
      const next = await run();
      expect(next.code, next.stderr).toBe(1);
      expect(next.stderr).toContain('never confirmed');
      expect(next.stderr).toContain(RECIPIENTS[2]);
      expect(smtp.received).toHaveLength(0);
      const runs = await runsOf(box.workbook);
      expect(runs.filter((e) => e.kind === 'run').map((e) => e.status)).toEqual([
        'started',
        ...Array<string>(i + 1).fill('blocked'),
      ]);
    }

    const forced = await run('--resend-unconfirmed');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('release sent to 3 recipient(s)');
    expect(smtp.counts()).toEqual(once);
    expect(smtp.received.map((m) => m.parsed.subject?.startsWith('اصلاحیه'))).toEqual([
      false,
      false,
      false,
    ]);
    // The killed run's claim stays `started` (its process is gone): named, never waited for.
    expect(forced.stderr).toContain('stopped without finishing');
  }, 60_000);
});

describe('a release that cannot be rendered', () => {
  it('fails before any delivery is recorded, so the month is sent once it renders', async () => {
    const broken = join(box.dir, 'templates');
    await cp(defaultTemplatesDir(), broken, { recursive: true });
    const lede = join(broken, 'partials', 'lede.hbs');
    await writeFile(lede, `${await readFile(lede, 'utf8')}{{view.provnce}}`);

    let log = '';
    const ports = (templates: string) => ({
      store: createXlsxStore(box.workbook),
      mailer: createSmtpMailer({ url: smtp.url, from: MAIL_FROM }),
      render: createReleaseRenderer(templates),
      now: () => new Date('2024-07-25T08:00:00Z'),
      newRunId: () => `r-${templates === broken ? 'broken' : 'fixed'}`,
      log: createTextLogger((text) => (log += text)),
    });

    const first = ports(broken);
    await expect(runMonth(first, { month: MONTH })).rejects.toThrow(/provnce/);
    await first.mailer.close();
    expect(smtp.connections()).toBe(0);
    expect((await runsOf(box.workbook)).filter((e) => e.status === 'pending')).toEqual([]);

    const second = ports(defaultTemplatesDir());
    const outcome = await runMonth(second, { month: MONTH });
    await second.mailer.close();
    expect(outcome.exitCode, log).toBe(0);
    expect(outcome.deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    expect(smtp.counts()).toEqual(once);
  });
});
