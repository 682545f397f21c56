// Each statement of the card, said exactly when the data supports it, word for word.
import { describe, expect, it } from 'vitest';
import {
  cardRun,
  settingsWith,
  SCORE_20,
  SCORE_40,
  SCORE_50,
  SCORE_60,
  TIR_SCORES,
} from '../../support/card-fixtures.ts';

/**
 * Each statement of the card is said exactly when the data supports it (docs/texts.md#what-a-card-says-in-order). Quotes are word for word; no-break spaces are read as spaces
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
  place: 'ارزیابی‌شده، ',
  firstMonth: 'نخستین ماه سال',
  missed: 'ارزیابی نشده بودید',
  notEvaluated: 'ارزیابی نشد، چون',
  year: 'روند شما در سال',
  rankChange: 'جایگاه شما',
} as const;

describe('an evaluated agency', () => {
  it('opens and closes as a formal letter, signed by the secretariat', () => {
    const a01 = text('a01');
    expect(a01.split('\n').slice(0, 3)).toEqual([
      'تاریخ: ۴ مرداد ۱۴۰۳',
      '',
      'مدیر محترم روابط‌عمومی اداره کل برق، با سلام و احترام؛',
    ]);
    expect(a01.trimEnd().split('\n').slice(-2)).toEqual([
      'با سپاس،',
      'دبیرخانه شورای اطلاع‌رسانی استان ایلام',
    ]);
    expect(a01).not.toMatch(/، سلام\.|، با سلام؛/);
  });

  it('signs with the secretariat and contact settings when they are written', () => {
    const run = cardRun({
      تنظیمات: settingsWith(
        ['secretariat', 'دبیرخانه شورای هماهنگی روابط‌عمومی‌های استان ایلام'],
        ['contact', '084-33330000'],
      ),
    });
    expect(plain(run.text('a01')).trimEnd().split('\n').slice(-3)).toEqual([
      'با سپاس،',
      'دبیرخانه شورای هماهنگی روابط‌عمومی‌های استان ایلام',
      'راه تماس: 084-33330000',
    ]);
    expect(run.html('a01')).toContain('راه تماس: <span dir="ltr">084-33330000</span>');
  });

  it('shows a hostile contact as text: escaped in the HTML, on one line, never a header', () => {
    const run = cardRun({
      تنظیمات: settingsWith(['contact', '<script>alert(1)</script>\r\nBcc: all@example.org']),
    });
    expect(run.html('a01')).not.toContain('<script>');
    expect(run.html('a01')).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Bcc: all@example.org');
    expect(plain(run.text('a01'))).toContain(
      '\nراه تماس: <script>alert(1)</script> Bcc: all@example.org\n'.trimEnd(),
    );
    expect(run.cards[0]?.trace).toEqual({
      runId: run.input.runId,
      contentHash: run.cards[0]?.contentHash,
    });
  });

  it('says its score, band, place in its group and the group mean', () => {
    const a01 = text('a01');
    expect(a01).toContain(
      'روابط‌عمومی شما در ارزیابی تیرماه ۱۴۰۳ امتیاز ۹۴ از ۱۰۰ کسب کرد و در سطح «بسیار خوب» قرار گرفت، بالاترین سطح ارزیابی.',
    );
    expect(a01).toContain(
      'در میان ۳ دستگاه اجرایی ارزیابی‌شده، بالاترین امتیاز را گرفته‌اید و در جایگاه ۱ از ۳ قرار دارید. میانگین امتیاز این ۳ دستگاه اجرایی ۷۱٫۳۳ از ۱۰۰ است.',
    );
    expect(a01).not.toContain(STATEMENTS.shared);
  });

  it('says the change of score, band and rank against the month before', () => {
    expect(text('a01')).toContain(
      'امتیاز شما ۴۴ امتیاز بیشتر از امتیاز خردادماه (۵۰) است. سطح شما از «متوسط» به «بسیار خوب» ارتقا یافت.',
    );
    expect(text('a01')).toContain(
      'در خردادماه در جایگاه ۲ از ۴ بودید؛ جایگاه شما ۱ پله ارتقا یافت.',
    );
    expect(text('a02')).toContain('امتیاز شما با امتیاز خردادماه برابر است.');
    expect(text('a02')).not.toContain('سطح شما از');
    // Same score, but a01 passed it: its standing fell, and the card says so.
    expect(text('a02')).toContain('در خردادماه در جایگاه ۱ از ۴ بودید؛ جایگاه شما ۱ پله نزول کرد.');
    expect(text('a03')).toContain('امتیاز شما ۲۰ امتیاز بیشتر از امتیاز خردادماه (۴۰) است.');
    for (const id of ['a01', 'a02', 'a03']) expect(text(id)).not.toContain('رسید');
  });

  it('says a tied place is shared, with whom it is shared and who scored higher', () => {
    const shared =
      'در میان ۳ دستگاه اجرایی ارزیابی‌شده، به‌طور مشترک با یک دستگاه اجرایی دیگر در جایگاه ۲ از ۳ قرار دارید؛ یک دستگاه اجرایی امتیاز بیشتری گرفت و هیچ دستگاه اجرایی امتیاز کمتری نگرفت.';
    expect(text('a02')).toContain(shared);
    expect(text('a03')).toContain(shared);
    expect(text('a01')).not.toContain(STATEMENTS.shared);
  });

  it('says the top band when it is reached, the distance to the next band otherwise', () => {
    expect(text('a01')).toContain(STATEMENTS.top);
    expect(text('a01')).not.toContain(STATEMENTS.nextBand);
    expect(text('a02')).not.toContain(STATEMENTS.top);
    expect(text('a02')).toContain('تا سطح «بسیار خوب» ۲۰ امتیاز فاصله دارید.');
  });

  it('sets each dimension beside the group mean, the comparison in words', () => {
    expect(text('a01')).toContain(
      'امتیاز شما در هر محور (از ۱۰۰)، در مقایسه با میانگین ۳ دستگاه اجرایی:\n- اطلاع‌رسانی: ۸۵، بالاتر از میانگین گروه (۶۸٫۳۳)',
    );
    expect(text('a02')).toContain('- پاسخگویی: ۶۰، پایین‌تر از میانگین گروه (۷۳٫۳۳)');
    // Arrows in the HTML carry the same words (a red ▼ alone reads as a fall).
    expect(tir.html('a02')).toContain('▼ پایین‌تر از میانگین گروه');
    expect(tir.html('a01')).toContain('▲ بالاتر از میانگین گروه');
  });

  it('names the indicators that cost it most, each line in one scale, and the best ones', () => {
    const a01 = text('a01');
    expect(a01).toContain(
      [
        'بیشترین امتیاز را در این شاخص‌ها از دست داده‌اید:',
        '- انتشار به‌موقع خبر (شاخص ۱): ۸ از ۱۰ (سهم این شاخص از امتیاز کل: ۱۶ از ۲۰)؛ ۴ امتیاز از دست رفته',
        '- پوشش رسانه‌ای (شاخص ۲): ۹ از ۱۰ (سهم این شاخص از امتیاز کل: ۱۸ از ۲۰)؛ ۲ امتیاز از دست رفته',
        'اگر در این ۲ شاخص امتیاز کامل می‌گرفتید، ۶ امتیاز به امتیاز کل شما افزوده می‌شد.',
      ].join('\n'),
    );
    expect(a01).toContain(
      [
        'بهترین عملکرد شما در این شاخص‌ها بود:',
        '- پاسخ به پیام مردم (شاخص ۳): ۱۰ از ۱۰',
        '- طرح نو (شاخص ۴): ۵ از ۵',
      ].join('\n'),
    );
    // Three indicators tie at 8 points lost: the list takes all of them, never two of three.
    expect(text('a02')).toContain(
      [
        '- پاسخ به پیام مردم (شاخص ۳): ۶ از ۱۰ (سهم این شاخص از امتیاز کل: ۲۴ از ۴۰)؛ ۱۶ امتیاز از دست رفته',
        '- انتشار به‌موقع خبر (شاخص ۱): ۶ از ۱۰ (سهم این شاخص از امتیاز کل: ۱۲ از ۲۰)؛ ۸ امتیاز از دست رفته',
        '- پوشش رسانه‌ای (شاخص ۲): ۶ از ۱۰ (سهم این شاخص از امتیاز کل: ۱۲ از ۲۰)؛ ۸ امتیاز از دست رفته',
        '- طرح نو (شاخص ۴): ۳ از ۵ (سهم این شاخص از امتیاز کل: ۱۲ از ۲۰)؛ ۸ امتیاز از دست رفته',
        'اگر در این ۴ شاخص امتیاز کامل می‌گرفتید، ۴۰ امتیاز به امتیاز کل شما افزوده می‌شد.',
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
        'روند شما در سال ۱۴۰۳ (امتیاز از ۱۰۰):',
        '- خرداد: ۵۰، متوسط (میانگین گروه ۴۲٫۵)',
        '- تیر: ۹۴، بسیار خوب (میانگین گروه ۷۱٫۳۳)',
      ].join('\n'),
    );
    expect(text('a01')).not.toContain(STATEMENTS.firstMonth);
  });

  it('puts a no-break space between each figure and its unit', () => {
    const a01 = tir.text('a01');
    expect(a01).toContain('۹۴\u00A0از\u00A0۱۰۰');
    expect(a01).toContain('۴۴\u00A0امتیاز');
    expect(a01).toContain('۸\u00A0از\u00A0۱۰');
    expect(a01).toContain('جایگاه ۱\u00A0از\u00A0۳');
    expect(tir.html('a01')).toContain('۹۴\u00A0از\u00A0۱۰۰');
  });
});

describe('an agency that is its group’s only member', () => {
  it('says so, with no rank and no group mean to compare with', () => {
    const f01 = text('f01');
    expect(f01).toContain(
      'شما تنها فرمانداری ارزیابی‌شده در تیرماه ۱۴۰۳ هستید؛ از این رو جایگاه و میانگینی برای مقایسه در این ماه نیست.',
    );
    expect(f01).not.toMatch(/جایگاه [۰-۹]+ از/);
    expect(f01).not.toContain('میانگین:');
    expect(f01).not.toContain('میانگین گروه');
    expect(f01).not.toContain(STATEMENTS.rankChange);
    expect(f01).toContain('امتیاز شما ۱۰ امتیاز بیشتر از امتیاز خردادماه (۴۰) است.');
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
      'شما در خردادماه ارزیابی نشده بودید؛ از این رو مقایسه با ماه قبل ممکن نیست.',
    );
    expect(a03).not.toContain('بیشتر از امتیاز خرداد');
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
      'امتیاز شما ۳۰ امتیاز بیشتر از امتیاز اسفندماه ۱۴۰۲ (۲۰) است.',
    );
    expect(plain(run.text('a02'))).toContain('شما در اسفندماه ۱۴۰۲ ارزیابی نشده بودید');
    expect(plain(run.text('a01'))).toContain(STATEMENTS.firstMonth);
  });
});
