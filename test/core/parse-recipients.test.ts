import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../functions/core/cells.ts';
import { sampleWorkbook, withoutTab } from './fixtures.ts';
import { expectPersian, parse, where } from './parse-helpers.ts';

const TAB = 'گیرندگان';

function withRecipients(rows: CellValue[][]) {
  return sampleWorkbook({ [TAB]: [['ایمیل', 'نام', 'فعال'], ...rows] });
}

describe('recipients', () => {
  it('keeps active, valid addresses once (any case), first one first', () => {
    const result = parse(
      withRecipients([
        [' News@Example.ir ', ' خبرگزاری  ایرنا ', ''],
        ['off@example.ir', 'غیرفعال', 'خیر'],
        ['news@example.IR', 'دوباره', 'بله'],
        ['pr@example.ir', null, true],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.recipients).toEqual([
      { email: 'News@Example.ir', name: 'خبرگزاری ایرنا' },
      { email: 'pr@example.ir', name: null },
    ]);
  });

  it.each<[string, CellValue[], string, string]>([
    [
      'a malformed email',
      ['news@', 'x', ''],
      'A2',
      'ایمیل گیرنده درست نیست: «news@»؛ نشانی درستی مانند name@example.ir بنویسید.',
    ],
    [
      'a blank email',
      ['', 'فقط نام', ''],
      'A2',
      'ایمیل گیرنده خالی است؛ نشانی ایمیل را بنویسید یا ردیف را پاک کنید.',
    ],
    [
      'a bad active flag',
      ['news@example.ir', 'x', 'گاهی'],
      'C2',
      'مقدار «فعال» گیرنده «news@example.ir» خوانده نشد: «گاهی»؛ «بله» یا «خیر» بنویسید. تا آن زمان برای این گیرنده چیزی فرستاده نمی‌شود.',
    ],
  ])('%s is recipient.invalid at its cell and the row is skipped', (_what, row, cell, message) => {
    const result = parse(withRecipients([row]));
    expect(result.problems).toEqual([
      { code: 'recipient.invalid', severity: 'error', tab: TAB, cell, message },
    ]);
    expectPersian(message);
    expect(result.model.recipients).toEqual([]);
    expect(result.fatal).toBe(false);
  });

  it('is not fatal when the tab is missing: nobody gets the mail, and it says so', () => {
    const result = parse(withoutTab(TAB));
    expect(result.fatal).toBe(false);
    expect(result.problems).toEqual([
      {
        code: 'tab.missing',
        severity: 'error',
        tab: TAB,
        cell: '',
        message:
          'برگه «گیرندگان» در فایل نیست؛ برگه‌ای با نام «گیرندگان» (یا recipients) بسازید. بدون آن خبرنامه برای هیچ گیرنده‌ای فرستاده نمی‌شود.',
      },
    ]);
    expect(result.model.recipients).toEqual([]);
  });

  it('is not fatal when the email column is missing', () => {
    const result = parse(sampleWorkbook({ [TAB]: [['name'], ['x']] }));
    expect(result.fatal).toBe(false);
    expect(where(result)).toEqual([`header.missing ${TAB}!1:1`]);
    expect(result.model.recipients).toEqual([]);
  });
});
