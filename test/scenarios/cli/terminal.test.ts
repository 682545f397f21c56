/** What a person at the terminal gets: the figures on stdout, logs on stderr, and a hint when the default month is empty. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { karnameh, scratch } from '../../support/cli-harness.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => {
  await box.cleanup();
});

it('run: the month figures go to stdout (so > summary.txt keeps them), the logs to stderr', async () => {
  const args = ['run', '--workbook', box.workbook, '--month', '1403-04', '--dry-run'];
  const result = await karnameh([...args, '--outbox', box.outbox]);
  expect(result.code, result.stderr).toBe(0);
  const out = result.stdout.split('\n');
  expect(out[0]).toBe('تیر ۱۴۰۳ (1403-04)');
  expect(out[1]).toBe('  دستگاه اجرایی: 100 evaluated, mean 42.76, weak 41%');
  expect(result.stdout).not.toContain('karnameh');
  expect(result.stderr).toContain('karnameh: dry run: nothing written, nothing sent');
  expect(result.stderr).not.toContain('evaluated, mean');

  const json = await karnameh([...args, '--json', '--outbox', box.outbox]);
  expect(json.summary().month).toBe('1403-04');
});

it('the default month with no scores: a hint naming the workbook latest month and the flag', async () => {
  // 2026-12-06 is in Azar 1405: the default month is Aban 1405, which the example lacks.
  const today = new Date('2026-12-06T10:00:00Z');
  for (const command of ['run', 'check']) {
    const extra = command === 'run' ? ['--dry-run', '--outbox', box.outbox] : [];
    const result = await karnameh([command, '--workbook', box.workbook, ...extra], {}, today);
    expect(result.stderr).toContain(
      'karnameh: hint: 1405-08 (the default: the month before this one) has no scores in this workbook; its latest month with scores is 1403-04 (تیر ۱۴۰۳): give --month 1403-04',
    );
    expect(result.stdout).toBe('');
  }
  // Given on purpose, the month gets no hint.
  const given = await karnameh(
    ['check', '--workbook', box.workbook, '--month', '1405-08'],
    {},
    today,
  );
  expect(given.stderr).not.toContain('hint:');
});
