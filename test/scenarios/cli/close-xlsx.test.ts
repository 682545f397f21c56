// `karnameh close` on an .xlsx: the archive, the runs record, changes after the close reported.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { faNumber } from '../../../functions/core/contract/problem-messages.ts';
import { readRunsLog } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import type { Summary } from '../../../functions/core/figures/summary.ts';
import type { CloseOutcome } from '../../../functions/use-cases/close-month.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { emlFiles } from '../../support/outbox-files.ts';

let box: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => box.cleanup());

const MONTH = '1403-04';
const close = () =>
  karnameh(['close', '--workbook', box.workbook, '--month', MONTH, '--json'], { USER: 'dabir' });

/** Sets one cell of the scores tab, as a person saving the file in Excel would. */
async function editScore(row: number, column: number, value: number | string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(box.workbook);
  const sheet = wb.getWorksheet('امتیازها');
  if (!sheet) throw new Error('no scores tab');
  sheet.getCell(row, column).value = value;
  await wb.xlsx.writeFile(box.workbook);
}

describe('karnameh close on an .xlsx', () => {
  it('warns when the month has no rows to archive (never opened, or a wrong --month)', async () => {
    const result = await karnameh(['close', '--workbook', box.workbook, '--month', '1402-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'karnameh warning: فروردین ۱۴۰۲ (1402-01) has no row in the scores tab: nothing to archive',
    );
    expect(result.stderr).toContain('closed: 0 row(s) archived');
  });

  it("archives the month's scores as they stand, records it; a second close does nothing", async () => {
    const result = await close();
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as CloseOutcome;
    expect(outcome.status).toBe('closed');
    const raw = await createXlsxStore(box.workbook).read();
    const parsed = parseWorkbook(raw, { month: MONTH });
    const month = parsed.model.scores.filter((s) => s.month === MONTH);
    expect(outcome.archived).toEqual(month.map((s) => s.agencyId));
    const archive = findTab(raw, 'archive');
    const codes = parsed.model.indicators.map((i) => i.code);
    expect(archive?.name).toBe('بایگانی');
    expect(archive?.rows[0]).toEqual(['ماه', 'دستگاه', ...codes, 'توضیحات', 'زمان بستن']);
    expect(archive?.rows).toHaveLength(month.length + 1);
    const scores = findTab(raw, 'scores');
    const header = scores?.rows[0] ?? [];
    const first = month[0];
    const kept = archive?.rows[1] ?? [];
    expect(kept.slice(0, 2)).toEqual([MONTH, first?.agencyId]);
    codes.forEach((code, i) => {
      expect(kept[2 + i]).toEqual(scores?.rows[first?.rowIndex ?? 0]?.[header.indexOf(code)]);
    });
    expect(kept.at(-1)).toBe(outcome.closedAt);
    const closes = readRunsLog(findTab(raw, 'runs')).filter((e) => e.kind === 'close');
    expect(closes).toEqual([
      expect.objectContaining({
        month: MONTH,
        status: 'done',
        requestedBy: 'cli:dabir',
        detail: expect.stringContaining(`rows archived: ${month.length}`),
      }),
    ]);
    expect(result.stderr).toContain('nothing to guard');

    const bytes = await readFile(box.workbook);
    const again = await close();
    expect((JSON.parse(again.stdout) as CloseOutcome).status).toBe('already-closed');
    expect((await readFile(box.workbook)).equals(bytes)).toBe(true);
  });

  it('a cell changed after the close is reported by check and run at the cell, with both values, and counted in the run row', async () => {
    expect((await close()).code).toBe(0);
    const raw = await createXlsxStore(box.workbook).read();
    const parsed = parseWorkbook(raw, { month: MONTH });
    const row = parsed.model.scores.find((s) => s.month === MONTH);
    const header = findTab(raw, 'scores')?.rows[0] ?? [];
    const column = header.indexOf(parsed.model.indicators[0]?.code ?? '');
    const before = findTab(raw, 'scores')?.rows[row?.rowIndex ?? 0]?.[column];
    const cell = `${String.fromCharCode(65 + column)}${(row?.rowIndex ?? 0) + 1}`;
    // Nothing changed yet: nothing reported.
    const clean = await karnameh(['check', '--workbook', box.workbook, '--month', MONTH, '--json']);
    expect(
      (JSON.parse(clean.stdout) as Summary).problems.filter(
        (p) => p.code === 'score.changed_after_close',
      ),
    ).toEqual([]);

    await editScore((row?.rowIndex ?? 0) + 1, column + 1, '۳');
    const check = await karnameh(['check', '--workbook', box.workbook, '--month', MONTH, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const changed = (JSON.parse(check.stdout) as Summary).problems.filter(
      (p) => p.code === 'score.changed_after_close',
    );
    expect(changed).toEqual([
      expect.objectContaining({ severity: 'warning', tab: 'امتیازها', cell }),
    ]);
    expect(changed[0]?.message).toContain(
      `هنگام بستن «${faNumber(Number(before))}» بود و اکنون «۳» است`,
    );
    // The facts for the agency's card: which agency, which score, from what to what.
    const facts = parseWorkbook(await createXlsxStore(box.workbook).read(), { month: MONTH });
    expect(facts.problems.filter((p) => p.code === 'score.changed_after_close')).toEqual([
      expect.objectContaining({
        agencyId: row?.agencyId,
        month: MONTH,
        change: expect.objectContaining({
          field: parsed.model.indicators[0]?.code,
          atClose: String(before),
          now: '۳',
        }),
      }),
    ]);

    const run = await karnameh(
      ['run', '--workbook', box.workbook, '--month', MONTH, '--outbox', box.outbox, '--json'],
      { USER: 'dabir' },
    );
    expect(run.code, run.stderr).toBe(0);
    const runs = readRunsLog(findTab(await createXlsxStore(box.workbook).read(), 'runs'));
    const runRow = runs.find((e) => e.kind === 'run');
    expect(runRow?.detail).toContain('changed after close: 1 cell(s)');
    // The agency's card says which of its scores changed after the close, from what to what.
    const agency = parsed.model.agencies.find((a) => a.id === row?.agencyId);
    const address = agency?.emails[0] ?? '';
    const files = (await emlFiles(box.outbox)).filter((f) => f.endsWith(`_${address}.eml`));
    expect(files).toHaveLength(1);
    const card = await simpleParser(await readFile(join(box.outbox, files[0] ?? '')));
    expect(card.text).toContain('پس از بسته شدن مهلت ثبت، این خانه‌های ردیف شما تغییر کرده است');
    expect(card.text).toContain(`هنگام بستن «${faNumber(Number(before))}»، اکنون «۳»`);
    expect(String(card.html)).toContain(`هنگام بستن «${faNumber(Number(before))}»، اکنون «۳»`);
  }, 60_000);

  it('a month opened and never closed is closed by the first run that sends its release', async () => {
    // One agency's row of the month removed, so that open has a row to add.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(box.workbook);
    const sheet = wb.getWorksheet('امتیازها');
    let at = 0;
    sheet?.eachRow((row, n) => {
      if (at === 0 && row.getCell(1).value === MONTH) at = n;
    });
    sheet?.spliceRows(at, 1);
    await wb.xlsx.writeFile(box.workbook);
    const opened = await karnameh(['open', '--workbook', box.workbook, '--month', MONTH]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stderr).toContain('added 1 row(s)');
    const run = await karnameh(
      [
        'run',
        '--workbook',
        box.workbook,
        '--month',
        MONTH,
        '--outbox',
        box.outbox,
        '--allow-incomplete',
      ],
      { USER: 'dabir' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('closed with its release');
    const raw = await createXlsxStore(box.workbook).read();
    const kinds = readRunsLog(findTab(raw, 'runs')).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'close')).toHaveLength(1);
    expect(kinds.indexOf('close')).toBeGreaterThan(kinds.indexOf('open'));
    expect(findTab(raw, 'archive')?.rows.length).toBeGreaterThan(100);
    // A second run of the month finds it closed: nothing closed again.
    const again = await karnameh([
      'run',
      '--workbook',
      box.workbook,
      '--month',
      MONTH,
      '--outbox',
      box.outbox,
      '--allow-incomplete',
    ]);
    expect(again.stderr).not.toContain('closed with its release');
  }, 60_000);
});
