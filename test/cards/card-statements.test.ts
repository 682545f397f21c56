import { describe, expect, it } from 'vitest';
import { isKarnamehError } from '../../functions/core/errors.ts';
import {
  AGENCY_ROWS,
  cardRun,
  SCORE_20,
  SCORE_40,
  SCORE_50,
  SCORE_60,
  TIR_SCORES,
} from './card-fixtures.ts';

/**
 * Each statement of the card is said exactly when the data supports it (press-release.md,
 * "Agency report cards"). Quotes are word for word; no-break spaces are read as spaces
 * here (a test below checks that they are there).
 */
const plain = (text: string): string => text.replace(/\u00A0/g, ' ');

const tir = cardRun();
const text = (id: string): string => plain(tir.text(id));

const STATEMENTS = {
  top: 'بالاترین سطح ارزیابی',
  nextBand: 'فاصله دارید',
  shared: 'به‌طور مشترک',
  sole: 'تنها فرمانداری ارزیابی‌شده',
  firstMonth: 'نخستین ماه سال',
  missed: 'ارزیابی نشده بودید',
  notEvaluated: 'ارزیابی نشد، چون',
  year: 'روند شما در سال',
  rankChange: 'رتبه شما',
} as const;

describe('an evaluated agency', () => {
  it('says its score, band, rank in its group and the group mean', () => {
    const a01 = text('a01');
    expect(a01).toContain(
      'روابط‌عمومی شما در تیر ۱۴۰۳ امتیاز ۹۴٫۰۰ از ۱۰۰ گرفت و در سطح «بسیار خوب» قرار گرفت، بالاترین سطح ارزیابی.',
    );
    expect(a01).toContain(
      'رتبه ۱ از ۳ دستگاه اجرایی را دارید. میانگین امتیاز ۳ دستگاه اجرایی ارزیابی‌شده ۷۱٫۳۳ از ۱۰۰ است.',
    );
    expect(a01).not.toContain(STATEMENTS.shared);
  });

  it('says the change of score, band and rank against the month before', () => {
    expect(text('a01')).toContain(
      'این امتیاز ۴۴٫۰۰ امتیاز بیشتر از خرداد (۵۰٫۰۰) است. سطح شما از «متوسط» به «بسیار خوب» رسید.',
    );
    expect(text('a01')).toContain('رتبه شما از ۲ در خرداد به ۱ رسید؛ ۱ پله بالاتر.');
    expect(text('a02')).toContain('این امتیاز با امتیاز خرداد برابر است.');
    expect(text('a02')).not.toContain('سطح شما از');
    expect(text('a02')).toContain('رتبه شما از ۱ در خرداد به ۲ رسید؛ ۱ پله پایین‌تر.');
    expect(text('a03')).toContain('این امتیاز ۲۰٫۰۰ امتیاز بیشتر از خرداد (۴۰٫۰۰) است.');
  });

  it('says a tied rank is shared, and only then', () => {
    expect(text('a02')).toContain('به‌طور مشترک رتبه ۲ از ۳ دستگاه اجرایی را دارید.');
    expect(text('a03')).toContain('به‌طور مشترک رتبه ۲ از ۳ دستگاه اجرایی را دارید.');
    expect(text('a01')).not.toContain(STATEMENTS.shared);
  });

  it('says the top band when it is reached, the distance to the next band otherwise', () => {
    expect(text('a01')).toContain(STATEMENTS.top);
    expect(text('a01')).not.toContain(STATEMENTS.nextBand);
    expect(text('a02')).not.toContain(STATEMENTS.top);
    expect(text('a02')).toContain('تا سطح «بسیار خوب» ۲۰٫۰۰ امتیاز فاصله دارید.');
  });

  it('sets each dimension beside the group mean', () => {
    expect(text('a01')).toContain(
      '- اطلاع‌رسانی: ۸۵٫۰۰ از ۱۰۰ (میانگین: ۶۸٫۳۳ از ۱۰۰؛ بالاتر از میانگین)',
    );
    expect(text('a02')).toContain(
      '- پاسخگویی: ۶۰٫۰۰ از ۱۰۰ (میانگین: ۷۳٫۳۳ از ۱۰۰؛ پایین‌تر از میانگین)',
    );
  });

  it('names the indicators that cost it most, with score and maximum, and the best ones', () => {
    const a01 = text('a01');
    expect(a01).toContain(
      [
        'بیشترین امتیاز را در این شاخص‌ها از دست داده‌اید:',
        '- انتشار به‌موقع خبر (ش۱): ۸ از ۱۰؛ ۴٫۰۰ امتیاز کمتر از امتیاز کامل',
        '- پوشش رسانه‌ای (ش۲): ۹ از ۱۰؛ ۲٫۰۰ امتیاز کمتر از امتیاز کامل',
        'امتیاز کامل در این شاخص‌ها ۶٫۰۰ امتیاز به امتیاز کل شما می‌افزود.',
      ].join('\n'),
    );
    expect(a01).toContain(
      [
        'بهترین عملکرد شما در این شاخص‌ها بود:',
        '- پاسخ به پیام مردم (ش۳): ۱۰ از ۱۰',
        '- طرح نو (ش۴): ۵ از ۵',
      ].join('\n'),
    );
    expect(a01).not.toContain('امتیاز کامل گرفته‌اید');
  });

  it('says full marks everywhere instead of lists when nothing was lost', () => {
    const run = cardRun({ امتیازها: [...TIR_SCORES, ['1403-04', 'a04', 10, 10, 10, 5]] });
    const a04 = plain(run.text('a04'));
    expect(a04).toContain('در همه ۴ شاخص امتیاز کامل گرفته‌اید.');
    expect(a04).not.toContain('از دست داده‌اید');
    expect(a04).not.toContain('بهترین عملکرد');
  });

  it('shows its path through the year, with the group mean, when there are two months', () => {
    expect(text('a01')).toContain(
      [
        'روند شما در سال ۱۴۰۳:',
        '- خرداد: ۵۰٫۰۰، متوسط (میانگین گروه ۴۲٫۵۰)',
        '- تیر: ۹۴٫۰۰، بسیار خوب (میانگین گروه ۷۱٫۳۳)',
      ].join('\n'),
    );
    expect(text('a01')).not.toContain(STATEMENTS.firstMonth);
  });

  it('puts a no-break space between each figure and its unit', () => {
    const a01 = tir.text('a01');
    expect(a01).toContain('۹۴٫۰۰\u00A0از\u00A0۱۰۰');
    expect(a01).toContain('۴۴٫۰۰\u00A0امتیاز');
    expect(a01).toContain('۸\u00A0از\u00A0۱۰');
    expect(tir.html('a01')).toContain('۹۴٫۰۰\u00A0از\u00A0۱۰۰');
  });
});

describe('an agency that is its group’s only member', () => {
  it('says so, with no rank and no group mean to compare with', () => {
    const f01 = text('f01');
    expect(f01).toContain(
      'شما تنها فرمانداری ارزیابی‌شده در تیر ۱۴۰۳ هستید؛ از این رو رتبه و میانگینی برای مقایسه در این ماه نیست.',
    );
    expect(f01).not.toMatch(/رتبه [۰-۹]+ از/);
    expect(f01).not.toContain('میانگین:');
    expect(f01).not.toContain('میانگین گروه');
    expect(f01).not.toContain(STATEMENTS.rankChange);
    expect(f01).toContain('این امتیاز ۱۰٫۰۰ امتیاز بیشتر از خرداد (۴۰٫۰۰) است.');
    for (const id of ['a01', 'a02', 'a03']) expect(text(id)).not.toContain(STATEMENTS.sole);
  });
});

describe('the month before', () => {
  it('says an agency was not evaluated then, when others were', () => {
    const run = cardRun({
      امتیازها: TIR_SCORES.filter((r) => !(r[0] === '1403-03' && r[1] === 'a03')),
    });
    const a03 = plain(run.text('a03'));
    expect(a03).toContain(
      'شما در خرداد ارزیابی نشده بودید؛ از این رو مقایسه با ماه قبل ممکن نیست.',
    );
    expect(a03).not.toContain('بیشتر از خرداد');
    expect(a03).not.toContain(STATEMENTS.rankChange);
    expect(plain(run.text('a01'))).not.toContain(STATEMENTS.missed);
  });

  it('says nothing about a month before when nobody was evaluated in it', () => {
    const run = cardRun({ امتیازها: TIR_SCORES.filter((r) => r[0] !== '1403-03') });
    for (const card of run.cards) {
      const t = plain(run.text(card.agencyId));
      expect(t).not.toContain('خرداد');
      expect(t).not.toContain(STATEMENTS.missed);
      expect(t).not.toContain(STATEMENTS.rankChange);
      expect(t).not.toContain(STATEMENTS.year);
    }
  });
});

describe('the first month of a year', () => {
  const farvardin = (before: boolean) =>
    cardRun(
      {
        امتیازها: [
          ['ماه', 'دستگاه', 'ش۱', 'ش۲', 'ش۳', 'ش۴'],
          ...(before ? [['1402-12', 'a01', ...SCORE_20]] : []),
          ['1403-01', 'a01', ...SCORE_50],
          ['1403-01', 'a02', ...SCORE_40],
          ['1403-01', 'a03', ...SCORE_60],
          ['1403-01', 'a04', ...SCORE_20],
          ['1403-01', 'f01', ...SCORE_20],
        ],
      },
      '1403-01',
    );

  it('says the path through the year starts next month, and shows no year table', () => {
    const a01 = plain(farvardin(false).text('a01'));
    expect(a01).toContain(
      'فروردین نخستین ماه سال ۱۴۰۳ است؛ روند ماه‌به‌ماه سال از ماه آینده در این کارنامه می‌آید.',
    );
    expect(a01).not.toContain(STATEMENTS.year);
    expect(a01).not.toContain('اسفند');
    expect(a01).not.toContain(STATEMENTS.missed);
  });

  it('compares with Esfand of the year before, named with its year', () => {
    const run = farvardin(true);
    expect(plain(run.text('a01'))).toContain(
      'این امتیاز ۳۰٫۰۰ امتیاز بیشتر از اسفند ۱۴۰۲ (۲۰٫۰۰) است.',
    );
    expect(plain(run.text('a02'))).toContain('شما در اسفند ۱۴۰۲ ارزیابی نشده بودید');
    expect(plain(run.text('a01'))).toContain(STATEMENTS.firstMonth);
  });
});

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
      'a score above the maximum (score.out_of_range)',
      scoresWith(99, 2, 2, 1),
      'امتیاز نادرست ثبت کرده',
      '- برگه «امتیازها»، خانه C11: امتیاز شاخص ش۱ باید عددی بین ۰ تا ۱۰ باشد؛ «99» بیرون از این بازه است.',
    ],
  ])('%s: says why, naming the tab and the cell to fix', (_what, replace, reason, fix) => {
    const run = cardRun(replace);
    const a04 = plain(run.text('a04'));
    expect(a04).toContain(`روابط‌عمومی شما در تیر ۱۴۰۳ ارزیابی نشد، چون ${reason} است.`);
    expect(a04).toContain(`برای ارزیابی، این موارد را در کاربرگ اصلاح کنید:\n${fix}`);
    expect(a04).not.toContain('گرفت و در سطح');
    expect(a04).not.toMatch(/رتبه [۰-۹]+ از/);
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
    expect(run.text('a01')).toContain('اصلاحیه: داده‌های تیر ۱۴۰۳ پس از فرستادن کارنامه پیشین');
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
