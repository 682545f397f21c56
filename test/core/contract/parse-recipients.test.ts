import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { sampleWorkbook, withoutTab } from '../../support/raw-workbooks.ts';
import { expectPersian, parse, where } from '../../support/parse-helpers.ts';

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
    const result = parse(withRecipients([row, ['pr@example.ir', null, '']]));
    expect(result.problems).toEqual([
      { code: 'recipient.invalid', severity: 'warning', tab: TAB, cell, message },
    ]);
    expectPersian(message);
    expect(result.model.recipients).toEqual([{ email: 'pr@example.ir', name: null }]);
    expect(result.fatal).toBe(false);
  });

  const NONE =
    'هیچ گیرنده فعال با ایمیل درست در برگه «گیرندگان» نیست؛ دست‌کم یک نشانی ایمیل (مانند name@example.ir) بنویسید. تا آن زمان خبرنامه برای کسی فرستاده نمی‌شود.';

  it.each<[string, CellValue[][], string[]]>([
    ['no rows at all', [], ['recipient.none گیرندگان!A2']],
    [
      'only bad or inactive rows',
      [
        ['news@', 'x', ''],
        ['off@example.ir', 'y', 'خیر'],
      ],
      ['recipient.invalid گیرندگان!A2', 'recipient.none گیرندگان!A2'],
    ],
  ])('%s is recipient.none (an error: nothing would be sent)', (_what, rows, expected) => {
    const result = parse(withRecipients(rows));
    expect(where(result)).toEqual(expected);
    const none = result.problems.find((p) => p.code === 'recipient.none');
    expect(none).toMatchObject({ severity: 'error', message: NONE });
    expectPersian(NONE);
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
      { code: 'recipient.none', severity: 'error', tab: TAB, cell: '', message: NONE },
    ]);
    expect(result.model.recipients).toEqual([]);
  });

  it('is not fatal when the email column is missing', () => {
    const result = parse(sampleWorkbook({ [TAB]: [['name'], ['x']] }));
    expect(result.fatal).toBe(false);
    expect(where(result)).toEqual([`recipient.none ${TAB}!`, `header.missing ${TAB}!1:1`]);
    expect(result.model.recipients).toEqual([]);
  });
});
