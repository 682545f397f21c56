/**
 * Every terminal line issue 24 (item 4) names, on the bundled example: without SMTP the
 * messages are "written as .eml", by month and run in the outbox; `--verbose` lists each
 * one, which is otherwise counted; `run --json` has the deliveries; `remind` is one block;
 * a forced correction says, on the terminal and in the problems tab, that it sends it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../../functions/cli/commands.ts';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryLine } from '../../../functions/use-cases/run-month/answer.ts';
import { editTab, tabOf } from '../../support/mail-fixtures.ts';
import { emlFiles } from '../../support/outbox-files.ts';
import { spawnCli } from '../../support/spawn-cli.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => {
  await box.cleanup();
});

const runArgs = (...more: string[]) => [
  'run',
  '--workbook',
  box.workbook,
  '--month',
  '1403-04',
  '--outbox',
  box.outbox,
  ...more,
];

/** The one run folder under `<outbox>/<month>/`, by its id. */
async function runFolders(month: string): Promise<string[]> {
  return (await readdir(join(box.outbox, month))).sort();
}

describe('karnameh run without SMTP', () => {
  it('says "written as .eml", files them by month and run, and counts them unless --verbose', async () => {
    const run = await karnameh(runArgs());
    expect(run.code, run.stderr).toBe(0);
    const [runId] = await runFolders('1403-04');
    expect(runId).toMatch(/^r-\d{8}-\d{6}-[0-9a-f]{4}$/);
    const folder = join(box.outbox, '1403-04', runId ?? '');
    expect(run.stderr).toContain(
      'karnameh: تیر ۱۴۰۳: release written as .eml for 3 recipient(s); cards written as .eml for 110 agencies',
    );
    expect(run.stderr).toContain(
      `karnameh: no SMTP_URL: nothing went out; the messages are .eml files in ${folder}\n`,
    );
    expect(run.stderr).not.toMatch(/sent (release|card) to/);
    // Counted, not listed: a handful of lines on stderr, the figures on stdout.
    expect(run.stderr.split('\n').length).toBeLessThan(10);
    expect(run.stdout.split('\n')[0]).toBe('تیر ۱۴۰۳ (1403-04)');

    expect(await readdir(folder)).toEqual(['cards', 'release']);
    expect((await readdir(join(folder, 'release'))).sort()).toEqual([
      'dabirkhaneh@example.org.eml',
      'h.nazari@example.org.eml',
      'z.moradi@example.org.eml',
    ]);
    expect(await readdir(join(folder, 'cards'))).toHaveLength(110);
    expect(await readdir(join(folder, 'cards'))).toContain('d001_pr.amoozesh@example.org.eml');
    // Nothing loose at the top of the outbox: the month's folder and the public site.
    expect((await readdir(box.outbox)).sort()).toEqual(['1403-04', 'site']);

    // A test copy (--to) with --verbose: each message named, as the file it was written as.
    const copy = await karnameh(runArgs('--to', 'me@example.org', '--verbose'));
    expect(copy.code, copy.stderr).toBe(0);
    const copyId = (await runFolders('1403-04')).find((id) => id !== runId);
    const file = join(box.outbox, '1403-04', copyId ?? '', 'release', 'me@example.org.eml');
    expect(copy.stderr).toContain(`karnameh: wrote ${file} (test copy for me@example.org)\n`);
    expect(copy.stderr).toContain('test copy written as .eml for 1 recipient(s)');
  }, 60_000);

  it('--verbose lists each message written, one line each', async () => {
    const run = await karnameh(runArgs('--verbose'));
    expect(run.code, run.stderr).toBe(0);
    const wrote = run.stderr.split('\n').filter((l) => l.startsWith('karnameh: wrote '));
    const messages = wrote.filter((l) => l.endsWith(')'));
    expect(messages).toHaveLength(113);
    expect(
      messages.filter((l) => l.includes('/release/') && l.includes('(release for ')),
    ).toHaveLength(3);
    expect(messages.filter((l) => l.includes('/cards/') && l.includes('(card for '))).toHaveLength(
      110,
    );
  }, 60_000);

  it('a dry run keeps its previews under <outbox>/preview/ and writes no month folder', async () => {
    const dry = await karnameh(runArgs('--dry-run'));
    expect(dry.code, dry.stderr).toBe(0);
    expect(await readdir(box.outbox)).toEqual(['preview']);
    expect(await readdir(join(box.outbox, 'preview'))).toContain('release.html');
    expect(dry.stderr).toContain(
      `karnameh: preview: 110 agency cards in ${join(box.outbox, 'preview', 'cards')}`,
    );
  }, 60_000);
});

describe('karnameh run --json', () => {
  it('gives every message of the run (kind, recipient, agency, status, reason), in a real process', async () => {
    const done = await spawnCli(runArgs('--json'), {});
    expect(done.code, done.stderr).toBe(0);
    const answer = JSON.parse(done.stdout) as { status: string; deliveries: DeliveryLine[] };
    expect(answer.status).toBe('sent');
    const releases = answer.deliveries.filter((d) => d.kind === 'release');
    const cards = answer.deliveries.filter((d) => d.kind === 'card');
    expect(releases.map((d) => d.recipient).sort()).toEqual([
      'dabirkhaneh@example.org',
      'h.nazari@example.org',
      'z.moradi@example.org',
    ]);
    expect(cards).toHaveLength(110);
    expect(answer.deliveries).toHaveLength(113);
    expect(cards.find((d) => d.agency === 'd001')).toEqual({
      kind: 'card',
      recipient: 'pr.amoozesh@example.org',
      agency: 'd001',
      status: 'sent',
      reason: null,
      file: expect.stringMatching(/1403-04\/r-[^/]+\/cards\/d001_pr\.amoozesh@example\.org\.eml$/),
    });
    expect(releases.every((d) => d.agency === null && d.status === 'sent')).toBe(true);

    // Sent already: nothing goes out, and the JSON says so with an empty list.
    const again = await karnameh(runArgs('--json'));
    expect(again.code, again.stderr).toBe(0);
    expect(again.summary()).toMatchObject({ status: 'already-sent', deliveries: [] });
  }, 60_000);
});

describe('a forced correction', () => {
  /** d001's first score of the month changed: what the release states changes. */
  const changeAScore = () =>
    editTab(box.workbook, 'scores', (ws) => {
      ws.eachRow((row) => {
        if (row.getCell(1).value === '1403-04' && row.getCell(2).value === 'd001') {
          row.getCell(3).value = Number(row.getCell(3).value) === 20 ? 0 : 20;
        }
      });
    });
  const changedMessage = async (): Promise<string> => {
    const problems = (await tabOf(box.workbook, 'problems'))?.rows ?? [];
    const row = problems.find((r) => r.some((c) => c === 'run.data_changed'));
    return String(row?.find((c) => typeof c === 'string' && c.includes('اصلاحیه')) ?? '');
  };

  it('says it sends the correction (terminal and problems tab); without --force, that it does not', async () => {
    expect((await karnameh(runArgs())).code).toBe(0);
    await changeAScore();

    const held = await karnameh(runArgs());
    expect(held.code, held.stderr).toBe(0);
    expect(held.stderr).toContain(
      'خبر دوباره فرستاده نمی‌شود. برای فرستادن اصلاحیه، اجرا را با --force',
    );
    expect(held.stderr).toContain('use --force to send a correction');
    expect(await changedMessage()).toContain('خبر دوباره فرستاده نمی‌شود');

    const preview = await karnameh(runArgs('--force', '--dry-run'));
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toContain('همین فرمان بدون --dry-run اصلاحیهٔ خبر را می‌فرستد');
    expect(preview.stderr).not.toContain('دوباره فرستاده نمی‌شود');

    const forced = await karnameh(runArgs('--force', '--json'));
    expect(forced.code, forced.stderr).toBe(0);
    // No SMTP here: the release was only written as .eml, and the line says so.
    expect(forced.stderr).toContain(
      'run.data_changed: آنچه خبر این ماه می‌گوید پس از نوشتن در پوشهٔ خروجی (.eml) تغییر کرده است',
    );
    expect(forced.stderr).toContain(
      'این اجرا (--force) برگهٔ نتایج را به‌روز می‌کند و اصلاحیهٔ خبر را می‌فرستد.',
    );
    expect(forced.stderr).not.toContain('دوباره فرستاده نمی‌شود');
    expect(forced.stderr).not.toContain('run with --force');
    expect(forced.stderr).toContain('correction written as .eml for 3 recipient(s)');
    const problemsTab = await changedMessage();
    expect(problemsTab).toContain('اصلاحیهٔ خبر را می‌فرستد');
    expect(problemsTab).not.toContain('دوباره فرستاده نمی‌شود');
    const deliveries = (forced.summary() as unknown as { deliveries: DeliveryLine[] }).deliveries;
    expect(deliveries.filter((d) => d.kind === 'correction')).toHaveLength(3);
  }, 120_000);
});

describe('karnameh remind', () => {
  const remindArgs = (...more: string[]) => [
    'remind',
    '--workbook',
    box.workbook,
    '--month',
    '1403-05',
    '--outbox',
    box.outbox,
    ...more,
  ];
  const HEAD = 'reminders for مرداد ۱۴۰۳ (1403-05) on 1403-05-04';
  const WHOM =
    '  to remind: 110 agencies at 110 addresses (110 not submitted, 0 with cells to fix); digest to dabirkhaneh@example.org, z.moradi@example.org, h.nazari@example.org';

  it('a dry run: one block of counts; --verbose lists each reminder and file', async () => {
    const dry = await karnameh(remindArgs('--dry-run'));
    expect(dry.code, dry.stderr).toBe(0);
    const previews = join(box.outbox, 'preview', 'reminders');
    expect(dry.stdout).toBe(
      [
        HEAD,
        WHOM,
        `  dry run: 110 reminders and the digest rendered into ${previews}; nothing sent`,
        '',
      ].join('\n'),
    );
    expect(dry.stderr).toBe(
      'karnameh: dry run: 110 reminder(s), digest to 3 recipient(s) rendered, nothing sent, nothing written\n',
    );

    const verbose = await karnameh(remindArgs('--dry-run', '--verbose'));
    const lines = verbose.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('karnameh: preview: '))).toHaveLength(222);
    expect(lines.filter((l) => / to fix \(/.test(l))).toHaveLength(110);
  }, 60_000);

  it('writes .eml files into <outbox>/<month>/<run id>/reminders/, and counts what was skipped and why', async () => {
    const first = await karnameh(remindArgs());
    expect(first.code, first.stderr).toBe(0);
    const [runId] = await runFolders('1403-05');
    const folder = join(box.outbox, '1403-05', runId ?? '', 'reminders');
    expect(first.stdout).toBe(
      [HEAD, WHOM, `  written as .eml into ${folder}: 110 reminders, 3 digests`, ''].join('\n'),
    );
    expect(first.stderr).toContain(
      'karnameh: مرداد ۱۴۰۳: 110 reminder(s) and 3 digest(s) written as .eml\n',
    );
    expect(first.stderr.split('\n').length).toBeLessThan(6);
    expect(await readdir(folder)).toHaveLength(113);
    expect(await emlFiles(box.outbox)).toHaveLength(113);

    const again = await karnameh(remindArgs());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(
      [
        HEAD,
        WHOM,
        '  written: 0 reminders, 0 digests',
        '  not sent: 113 already written as .eml today',
        '',
      ].join('\n'),
    );
  }, 60_000);
});

describe('karnameh remind after the release went out', () => {
  it('says in its block why nothing was made', async () => {
    expect((await karnameh(runArgs())).code).toBe(0);
    const args = ['remind', '--workbook', box.workbook, '--month', '1403-04'];
    const after = await karnameh([...args, '--outbox', box.outbox]);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toBe(
      [
        'reminders for تیر ۱۴۰۳ (1403-04) on 1403-05-04',
        '  the release of 1403-04 was written as .eml, not sent (runs tab): reminders for it have stopped; nothing sent',
        '',
      ].join('\n'),
    );
  }, 60_000);
});

describe('test copies without SMTP', () => {
  it('files a test copy of a card with the cards, and one of the release with the release', async () => {
    const card = await karnameh(runArgs('--to', 'me@example.org', '--agency', 'd004'));
    expect(card.code, card.stderr).toBe(0);
    const [cardRun] = await runFolders('1403-04');
    expect(await readdir(join(box.outbox, '1403-04', cardRun ?? ''))).toEqual(['cards']);
    const release = await karnameh(runArgs('--to', 'me@example.org'));
    expect(release.code, release.stderr).toBe(0);
    const releaseRun = (await runFolders('1403-04')).find((id) => id !== cardRun);
    expect(await readdir(join(box.outbox, '1403-04', releaseRun ?? ''))).toEqual(['release']);
  });
});

describe('small truths of the usage', () => {
  it('a help that names --verbose belongs to a command that takes it, as docs/command-line.md and the README say', async () => {
    const docs = await readFile(join(ROOT, 'docs', 'command-line.md'), 'utf8');
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(docs).toMatch(/^\| `--verbose` +\| run, remind, watch +\|/m);
    for (const command of COMMANDS) {
      const help = (await karnameh([command, '--help'])).stdout;
      const refused = await karnameh([
        command,
        '--verbose',
        '--workbook',
        box.workbook,
        '--to',
        'x@example.org',
      ]);
      const takes = !refused.stderr.includes('does not take --verbose');
      expect(help.includes('--verbose'), command).toBe(takes);
      const line = new RegExp(`^karnameh ${command} .*\\[--verbose\\]`, 'm');
      expect(line.test(docs), `${command} in docs/command-line.md`).toBe(takes);
      if (command === 'run' || command === 'remind') expect(readme).toMatch(line);
    }
  }, 120_000);

  it("mail-test's help says where it writes the message", async () => {
    const help = await karnameh(['mail-test', '--help']);
    expect(help.stdout).toContain('<outbox>/mail-test-<ADDRESS>.eml');
    expect(help.stdout).not.toContain('<run id>');
  });

  it("a month that is none gives the command's usage line, and a far day to --until says what is wrong", async () => {
    const month = await karnameh(['run', '--workbook', box.workbook, '--month', '1403-13']);
    expect(month.code).toBe(2);
    expect(month.stderr).toMatch(/\nusage: karnameh run \[--month/);
    const reopen = (until: string) =>
      karnameh([
        'reopen',
        '--workbook',
        box.workbook,
        '--month',
        '1403-04',
        '--agency',
        'd004',
        '--until',
        until,
      ]);
    const far = await reopen('1500-01-01');
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(
      /--until 1500-01-01: that day is \d+ days from today; an extension runs to a day within two years/,
    );
    expect((await reopen('1300-01-01')).stderr).toContain('--until 1300-01-01: that day is over');
    expect((await reopen('1404-12-30')).stderr).toContain(
      '--until 1404-12-30: no such day in the Jalali calendar',
    );
  });
});

describe('--verbose on the command line', () => {
  it('is in the usage of run, remind and watch, and refused by a command that sends nothing', async () => {
    for (const command of ['run', 'remind', 'watch']) {
      const help = await karnameh([command, '--help']);
      expect(help.stdout).toContain('[--verbose]');
    }
    const check = await karnameh(['check', '--workbook', box.workbook, '--verbose']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('karnameh error: karnameh check does not take --verbose');
  });
});
