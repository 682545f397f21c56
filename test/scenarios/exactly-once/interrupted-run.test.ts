import { spawn } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createReleaseRenderer,
  defaultTemplatesDir,
} from '../../../functions/adapters/mail/render-release.ts';
import { createSmtpMailer } from '../../../functions/adapters/mail/smtp-mailer.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { createTextLogger } from '../../../functions/adapters/logger.ts';
import { runMonth } from '../../../functions/use-cases/run-month.ts';
import { scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  setAgencyCards,
  MAIL_FROM,
  MONTH,
  RECIPIENTS,
  brief,
  runOverSmtp,
  runsOf,
} from '../../support/mail-fixtures.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));

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
  it('the journal leaves only the message in flight unconfirmed: a rerun sends the others, --resend-unconfirmed that one', async () => {
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
    // The runs tab has the whole batch pending; the journal beside the workbook knows more.
    expect(brief(await runsOf(box.workbook))).toEqual([
      ['run', 'started', ''],
      ...RECIPIENTS.map((r) => ['release', 'pending', r]),
    ]);
    smtp.faults.stallData.clear();

    // The rerun folds the journal: the first recipient is in doubt (held back, named), the
    // two never tried are sent (before the journal, all three were held back).
    const next = await run();
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('folded the delivery journal');
    expect(next.stderr).toContain('release sent to 2 recipient(s)');
    expect(next.stderr).toMatch(/never confirmed[^\n]*dabirkhaneh@example\.org/);
    expect(smtp.counts()).toEqual({ [RECIPIENTS[1]]: 1, [RECIPIENTS[2]]: 1 });
    const folded = brief(await runsOf(box.workbook)).slice(0, 4);
    expect(folded).toEqual([
      ['run', 'interrupted', ''],
      ['release', 'unconfirmed', RECIPIENTS[0]],
      ['release', 'skipped', RECIPIENTS[1]],
      ['release', 'skipped', RECIPIENTS[2]],
    ]);
    // Folded once: the journal is gone, and a plain rerun sends nothing.
    const again = await run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('folded');
    expect(smtp.received).toHaveLength(2);

    const forced = await run('--resend-unconfirmed');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('release sent to 1 recipient(s)');
    expect(smtp.counts()).toEqual(once);
    // Every outcome is in the runs tab: no journal is left beside the workbook.
    expect((await readdir(box.dir)).filter((f) => f.includes('journal'))).toEqual([]);
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
