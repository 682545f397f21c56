// The card of an agency not evaluated this month, and the subject, correction and test copy marks.
import { describe, expect, it } from 'vitest';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import { AGENCY_ROWS, cardRun, TIR_SCORES } from '../../support/card-fixtures.ts';

const plain = (text: string): string => text.replace(/\u00A0/g, ' ');
const tir = cardRun();
const text = (id: string): string => plain(tir.text(id));
const STATEMENTS = { notEvaluated: 'ارزیابی نشد، چون', missed: 'ارزیابی نشده بودید' } as const;

describe('an agency not evaluated this month', () => {
  const scoresWith = (...cells: (string | number)[]) => ({
    امتیازها: [...TIR_SCORES, ['1403-04', 'a04', ...cells]],
  });

  it.each([
    [
      'no row (agency.no_submission)',
      {},
      'فرم ماه را ثبت نکرده',
      '- برگه «دستگاه‌ها»، خانه A5: دستگاه «اداره کل گاز» برای تیر ۱۴۰۳ هنوز ردیفی در برگه «امتیازها» ندارد.',
    ],
    [
      'a blank cell (score.missing)',
      scoresWith(2, 2, '', 1),
      'همه شاخص‌ها را کامل نکرده',
      '- برگه «امتیازها»، خانه E11: امتیاز شاخص ش۳ برای دستگاه «اداره کل گاز» در تیر ۱۴۰۳ هنوز وارد نشده است.',
    ],
    [
      'text in a score cell (score.not_number)',
      scoresWith(2, 'خوب', 2, 1),
      'امتیاز نادرست ثبت کرده',
      '- برگه «امتیازها»، خانه D11: امتیاز شاخص ش۲ باید عددی بین ۰ تا ۱۰ باشد؛ «خوب» عدد نیست.',
    ],
    [
      'a number in letters over the maximum (score.not_number)',
      scoresWith(2, 'بیست', 2, 1),
      'امتیاز نادرست ثبت کرده',
      '- برگه «امتیازها»، خانه D11: امتیاز شاخص ش۲ با حروف نوشته شده است («بیست»)؛ با رقم بنویسید: عددی از ۰ تا ۱۰. «بیست» یعنی ۲۰، که از حداکثر امتیاز این شاخص (۱۰) بیشتر است.',
    ],
    [
      'a score above the maximum (score.out_of_range)',
      scoresWith(99, 2, 2, 1),
      'امتیاز نادرست ثبت کرده',
      '- برگه «امتیازها»، خانه C11: امتیاز شاخص ش۱ باید عددی بین ۰ تا ۱۰ باشد؛ «99» بیرون از این بازه است.',
    ],
  ])('%s: says why, naming the tab and the cell to fix', (_what, replace, reason, fix) => {
    const run = cardRun(replace);
    const a04 = plain(run.text('a04'));
    expect(a04).toContain(`روابط‌عمومی شما در تیرماه ۱۴۰۳ ارزیابی نشد، چون ${reason} است.`);
    expect(a04).toContain(`برای ارزیابی، این موارد را در کاربرگ اصلاح کنید:\n${fix}`);
    expect(a04).not.toContain('کسب کرد و در سطح');
    expect(a04).not.toMatch(/جایگاه [۰-۹]+ از/);
    expect(a04).not.toContain(STATEMENTS.missed);
    // Its own path through the year still shows, this month as not evaluated.
    expect(a04).toContain('- تیر: ارزیابی نشده (میانگین گروه ۷۱٫۳۳)');
    for (const id of ['a01', 'a02', 'a03', 'f01']) {
      expect(plain(run.text(id))).not.toContain(STATEMENTS.notEvaluated);
    }
  });

  it('puts the cell left-to-right in the HTML', () => {
    const run = cardRun(scoresWith(2, 2, '', 1));
    expect(run.html('a04')).toContain('خانه <span dir="ltr">E11</span>');
  });
});

describe('subject, correction and test copy', () => {
  it('names the agency and the month', () => {
    expect(tir.rendered.get('a01')?.subject).toBe('کارنامه روابط‌عمومی اداره کل برق — تیر ۱۴۰۳');
    expect(text('a01')).not.toContain('اصلاحیه');
    expect(text('a01')).not.toContain('نسخه آزمایشی');
  });

  it('says «اصلاحیه» in the subject and the body of a correction', () => {
    const run = cardRun({}, '1403-04', { correction: true });
    expect(run.rendered.get('a01')?.subject).toBe(
      'اصلاحیه: کارنامه روابط‌عمومی اداره کل برق — تیر ۱۴۰۳',
    );
    expect(run.text('a01')).toContain('اصلاحیه: داده‌های تیرماه ۱۴۰۳ پس از فرستادن کارنامه پیشین');
    expect(run.html('a01')).toContain('<strong>اصلاحیه:</strong>');
  });

  it('sends a test copy of one agency’s card to the address given, marked «نسخه آزمایشی»', () => {
    const run = cardRun({}, '1403-04', {
      testCopy: { to: 'secretary@example.org', agencyId: 'a04' },
      correction: true,
    });
    expect(run.cards.map((c) => [c.agencyId, c.email])).toEqual([['a04', 'secretary@example.org']]);
    expect(run.rendered.get('a04')?.subject).toBe(
      'نسخه آزمایشی: کارنامه روابط‌عمومی اداره کل گاز — تیر ۱۴۰۳',
    );
    expect(run.text('a04')).toContain('نسخه آزمایشی: این نامه برای آزمایش فرستاده شده');
  });

  it('refuses a test copy for an agency that is not active', () => {
    const rows = AGENCY_ROWS.map((r) =>
      r[0] === 'a04' ? [...r.slice(0, 3), 'خیر', r[4] ?? null] : r,
    );
    const attempt = () =>
      cardRun({ دستگاه‌ها: rows }, '1403-04', {
        testCopy: { to: 'secretary@example.org', agencyId: 'a04' },
      });
    expect(attempt).toThrow(/--agency a04/);
    try {
      attempt();
    } catch (error) {
      expect(isKarnamehError(error) && error.code).toBe('usage');
    }
  });
});
