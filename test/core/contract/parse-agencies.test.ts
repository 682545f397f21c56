import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { definitionErrors } from '../../../functions/core/runs/run-gate.ts';
import {
  editCell,
  fromTabs,
  sampleTabs,
  sampleWorkbook,
  withRows,
} from '../../support/raw-workbooks.ts';
import { expectPersian, one, parse, where } from '../../support/parse-helpers.ts';

const TAB = 'دستگاه‌ها';
const SCORES = 'امتیازها';

describe('agencies', () => {
  it('reads the sample: active defaults to yes, groups in order of first appearance', () => {
    const { model, problems } = parse(sampleWorkbook());
    expect(problems).toEqual([]);
    expect(model.agencies.map((a) => [a.id, a.group, a.active, a.emails])).toEqual([
      ['a01', 'دستگاه اجرایی', true, ['pr@barq.example.ir']],
      ['a02', 'دستگاه اجرایی', true, []],
      ['a03', 'دستگاه اجرایی', false, []],
      ['f01', 'فرمانداری', true, []],
      ['f02', 'فرمانداری', true, []],
    ]);
    expect(model.groups).toEqual(['دستگاه اجرایی', 'فرمانداری']);
  });

  it('compares groups normalized and shows them as first written; lists only groups with an active agency', () => {
    const result = parse(
      withRows(TAB, ['x1', 'الف', 'شهرداری', 'خیر', ''], ['x2', 'ب', 'دستگاه اجرايي ', 1, '']),
    );
    expect(result.model.agencies.at(-1)?.group).toBe('دستگاه اجرایی');
    expect(result.model.groups).toEqual(['دستگاه اجرایی', 'فرمانداری']);
  });

  it('keeps names as written (normalized), formulas and markup as text', () => {
    const result = parse(
      withRows(
        TAB,
        ['x1', '=HYPERLINK("http://x", "click")', 'g', '', ''],
        ['x2', ' <script>alert(1)</script> ', 'g', '', ''],
      ),
    );
    expect(result.model.agencies.slice(-2).map((a) => a.name)).toEqual([
      '=HYPERLINK("http://x", "click")',
      '<script>alert(1)</script>',
    ]);
  });

  it('reports a repeated id (normalized) on the later row; the first counts', () => {
    const result = parse(withRows(TAB, [' A01 ', 'دیگری', 'فرمانداری', '', '']));
    const problem = one(result, 'agency.duplicate');
    expect(problem).toEqual({
      code: 'agency.duplicate',
      severity: 'error',
      tab: TAB,
      cell: 'A7',
      message:
        'شناسه دستگاه «A01» تکراری است (پیش‌تر در ردیف ۲ آمده)؛ شناسه دیگری بنویسید یا این ردیف را پاک کنید.',
    });
    expect(result.model.agencies.filter((a) => a.id.toLowerCase().includes('a01'))).toHaveLength(1);
  });

  it.each<[string, number, CellValue, string, string, boolean]>([
    [
      'an empty id',
      0,
      '',
      'A3',
      'شناسه دستگاه خالی است؛ شناسه‌ای کوتاه و یکتا مانند «a01» بنویسید.',
      false,
    ],
    [
      'an empty name',
      1,
      ' ',
      'B3',
      'نام دستگاه «a02» خالی است؛ نام دستگاه را بنویسید. تا آن زمان این دستگاه ارزیابی‌نشده شمرده می‌شود و کارنامه فرستاده نمی‌شود.',
      false,
    ],
    [
      'an empty group',
      2,
      null,
      'C3',
      'گروه دستگاه «a02» خالی است؛ گروه را بنویسید (مثلاً «دستگاه اجرایی» یا «فرمانداری»). تا آن زمان این دستگاه ارزیابی‌نشده شمرده می‌شود و کارنامه فرستاده نمی‌شود.',
      false,
    ],
    [
      'a bad active flag',
      3,
      'شاید',
      'D3',
      'مقدار «فعال» دستگاه «اداره کل بهزیستی» خوانده نشد: «شاید»؛ «بله» یا «خیر» بنویسید. فعلاً فعال حساب می‌شود.',
      true,
    ],
  ])('%s is agency.invalid at its cell', (_what, column, value, cell, message, kept) => {
    const result = parse(editCell(TAB, 2, column, value));
    const problem = one(result, 'agency.invalid');
    expect(problem).toMatchObject({ tab: TAB, cell, message, severity: 'error' });
    expectPersian(problem.message);
    const a02 = result.model.agencies.find((a) => a.id === 'a02');
    expect(a02 !== undefined).toBe(kept);
    if (a02) expect([a02.active, a02.emails]).toEqual([true, []]);
    // The scores row of a left-out agency is skipped without a second problem; without an
    // id, nothing ties the scores row to this agency, so it names an unknown agency.
    expect(where(result).filter((w) => w.includes(SCORES))).toEqual(
      column === 0 ? [`score.agency_unknown ${SCORES}!B4`] : [],
    );
    expect(result.fatal).toBe(false);
  });

  it('reports agency.no_submission at the id cell of each active agency without a row for the month', () => {
    const result = parse(sampleWorkbook(), '1403-03');
    expect(where(result)).toEqual([
      `agency.no_submission ${TAB}!A3`,
      `agency.no_submission ${TAB}!A5`,
      `agency.no_submission ${TAB}!A6`,
    ]);
    expect(result.problems[0]).toEqual({
      code: 'agency.no_submission',
      severity: 'warning',
      tab: TAB,
      cell: 'A3',
      message: 'دستگاه «اداره کل بهزیستی» برای خرداد ۱۴۰۳ هنوز ردیفی در برگه «امتیازها» ندارد.',
      month: '1403-03',
      agencyId: 'a02',
    });
  });
});

describe('the agencies email column: one or more addresses', () => {
  const tabs = (emails: Record<number, CellValue>) => {
    const all = sampleTabs();
    const rows = all[TAB] ?? [];
    for (const [row, value] of Object.entries(emails)) {
      const cells = rows[Number(row)] ?? [];
      while (cells.length <= 4) cells.push(null);
      cells[4] = value;
    }
    return parse(fromTabs(all));
  };
  const emailsOf = (result: ReturnType<typeof parse>, id: string) =>
    result.model.agencies.find((a) => a.id === id)?.emails;

  it('reads several addresses separated by , or ، and a Google Group written group:', () => {
    const result = tabs({
      2: ' pr@behzisti.example.ir، group:behzisti-pr@example.ir ,Boss@behzisti.example.ir',
    });
    expect(result.problems).toEqual([]);
    expect(emailsOf(result, 'a02')).toEqual([
      'pr@behzisti.example.ir',
      'behzisti-pr@example.ir',
      'Boss@behzisti.example.ir',
    ]);
    const a02 = result.model.agencies.find((a) => a.id === 'a02');
    expect(a02?.addresses.map((a) => a.group)).toEqual([false, true, false]);
  });

  it('an invalid address is agency.email_invalid, a warning at its cell; the others still get mail; nothing blocks', () => {
    const result = tabs({ 2: 'pr@، pr@behzisti.example.ir' });
    const problem = one(result, 'agency.email_invalid');
    expect(problem).toMatchObject({
      tab: TAB,
      cell: 'E3',
      severity: 'warning',
      message:
        'ایمیل دستگاه «اداره کل بهزیستی» درست نیست: «pr@»؛ به این نشانی چیزی فرستاده نمی‌شود؛ به نشانی‌های درست این دستگاه فرستاده می‌شود. نشانی درستی مانند name@example.ir بنویسید و نشانی‌ها را با «،» جدا کنید.',
    });
    expectPersian(problem.message);
    expect(emailsOf(result, 'a02')).toEqual(['pr@behzisti.example.ir']);
    expect(definitionErrors(result.problems)).toEqual([]);
    const alone = tabs({ 2: 'pr@' });
    expect(one(alone, 'agency.email_invalid').message).toContain(
      'تا درست شود کارنامه و یادآوری این دستگاه فرستاده نمی‌شود',
    );
    expect(emailsOf(alone, 'a02')).toEqual([]);
  });

  it('an address named by two agencies is agency.email_shared at both cells; neither gets mail there', () => {
    const result = tabs({
      2: 'office@ilam.example.ir، pr@behzisti.example.ir',
      4: 'OFFICE@ilam.example.ir',
    });
    const shared = result.problems.filter((p) => p.code === 'agency.email_shared');
    expect(shared.map((p) => [p.cell, p.severity])).toEqual([
      ['E3', 'warning'],
      ['E5', 'warning'],
    ]);
    expect(shared[0]?.message).toBe(
      'نشانی «office@ilam.example.ir» هم برای دستگاه «اداره کل بهزیستی» آمده و هم برای «فرمانداری بدره»؛ تا درست شود کارنامه و یادآوری به این نشانی فرستاده نمی‌شود، تا کارنامهٔ یک دستگاه به دستگاه دیگر نرسد. برای هر دستگاه نشانی خودش را بنویسید.',
    );
    expectPersian(shared[0]?.message ?? '');
    expect(emailsOf(result, 'a02')).toEqual(['pr@behzisti.example.ir']);
    expect(emailsOf(result, 'f01')).toEqual([]);
    // Both still hold it for edit rights (guarded entry).
    const f01 = result.model.agencies.find((a) => a.id === 'f01');
    expect(f01?.addresses.map((a) => a.email)).toEqual(['OFFICE@ilam.example.ir']);
    expect(definitionErrors(result.problems)).toEqual([]);
  });
});
