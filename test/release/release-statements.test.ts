import { describe, expect, it } from 'vitest';
import { createReleaseRenderer } from '../../functions/adapters/mail/render-release.ts';
import type { ReleaseInput } from '../../functions/core/release-input.ts';
import {
  buildReleaseView,
  overallMean,
  previousOverallMean,
} from '../../functions/core/release-view.ts';
import type { GroupSummary } from '../../functions/core/summary.ts';
import { bands, group, ranking, releaseInput, summary, tirInput } from './fixtures.ts';

const render = createReleaseRenderer();

/** The Tir fixture with a change to its groups. */
function tirWith(change: (groups: GroupSummary[]) => void, extra: Partial<ReleaseInput> = {}) {
  const input = structuredClone(tirInput(extra));
  change(input.summary.groups);
  return input;
}

function first(groups: GroupSummary[]): GroupSummary {
  const g = groups[0];
  if (!g) throw new Error('fixture has no first group');
  return g;
}

function second(groups: GroupSummary[]): GroupSummary {
  const g = groups[1];
  if (!g) throw new Error('fixture has no second group');
  return g;
}

/** No month before: every "previous" field null, history only this month. */
function noMonthBefore(): ReleaseInput {
  return tirWith((groups) => {
    for (const g of groups) {
      g.previousMeanScore = null;
      g.previousBands = null;
      g.previousWeakShare = null;
      g.headline = { ...g.headline, previousMean: null, changePercent: null };
      g.history = g.history.filter((h) => h.month === '1403-04');
      g.ranking = g.ranking.map((r) => ({ ...r, previousScore: null }));
    }
  });
}

interface Case {
  name: string;
  input: () => ReleaseInput;
  present: string[];
  absent: string[];
}

const cases: Case[] = [
  {
    name: 'the Tir release says every statement',
    input: () => tirInput(),
    present: [
      'عملکرد روابط‌عمومی‌های استان ایلام در تیر ۱۴۰۳ بهبود یافت',
      'آیت قیصربیگی، مدیرکل روابط‌عمومی و امور بین‌الملل استانداری ایلام، گفت:',
      'نسبت به خرداد بهبود یافته است',
      'محورهای اطلاع‌رسانی و پاسخگویی در گروه دستگاه اجرایی نسبت به خرداد ۱۵ درصد رشد داشته است',
      'این نسبت‌ها در خرداد ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و ۲ درصد خوب بود',
      'تاکنون هیچ دستگاهی در این ارزیابی‌ها به سطح «بسیار خوب» نرسیده است',
      'در فروردین و اردیبهشت ۹۱ درصد، در خرداد ۵۶ درصد بود و در تیر به ۴۱ درصد کاهش یافته است',
      'در گروه فرمانداری، ۸۰ درصد روابط‌عمومی‌ها در تیر در سطح بسیار ضعیف یا ضعیف قرار دارند که ۱۰ درصد کمتر از خرداد است',
      'بر پایه بیست شاخص و در سه محور اطلاع‌رسانی، پاسخگویی و نوآوری انجام می‌شود',
      'برق و راهداری و حمل و نقل جاده‌ای به طور مشترک رتبه اول',
      'بهزیستی و تعاون، کار و رفاه اجتماعی به طور مشترک رتبه دوم',
      'و صنعت، معدن و تجارت رتبه سوم را به دست آوردند',
      'بدره، دهلران و چرداول به ترتیب رتبه‌های اول تا سوم را به دست آوردند',
      'شبکه بهداشت و درمان',
      'فرم ماه را ثبت نکرده است',
    ],
    absent: ['اصلاحیه', 'یکم', 'undefined', 'null', 'NaN', '[object'],
  },
  {
    name: 'no month before: no comparison at all',
    input: noMonthBefore,
    present: [
      'نتایج ارزیابی روابط‌عمومی‌های استان ایلام در تیر ۱۴۰۳',
      'سنجیده شد و میانگین امتیاز آنها',
      'در گروه فرمانداری، ۸۰ درصد روابط‌عمومی‌ها در تیر در سطح بسیار ضعیف یا ضعیف قرار دارند.',
    ],
    absent: [
      'نسبت به خرداد',
      'این نسبت‌ها در',
      'رشد داشته',
      'کاهش یافته',
      'کمتر از',
      'بیشتر از',
      'بهبود',
      'سهم روابط‌عمومی‌هایی که',
      '(خرداد',
      'نوار کم‌رنگ',
    ],
  },
  {
    name: 'a fall reads as a fall',
    input: () =>
      tirWith((groups) => {
        const g = first(groups);
        g.headline = { ...g.headline, changePercent: -8 };
        g.previousMeanScore = 60;
        second(groups).previousMeanScore = 55;
      }),
    present: [
      'عملکرد روابط‌عمومی‌های استان ایلام در تیر ۱۴۰۳ افت کرد',
      'نسبت به خرداد افت کرده است',
      'نسبت به خرداد ۸ درصد کاهش یافته است',
    ],
    absent: ['رشد داشته', 'بهبود', '−۸', '-۸'],
  },
  {
    name: 'an unchanged headline score and mean are said to have held',
    input: () =>
      tirWith((groups) => {
        const g = first(groups);
        g.headline = { ...g.headline, changePercent: 0 };
        const mean = overallMean(tirInput().summary) ?? 0;
        g.previousMeanScore = mean;
        second(groups).previousMeanScore = mean;
      }),
    present: [
      'در تیر ۱۴۰۳ ثابت ماند',
      'نسبت به خرداد تغییری نکرده است؛ میانگین امتیاز ۱۱۰ دستگاه ارزیابی‌شده همانند خرداد ۴۱٫۸ بوده است.',
      'در گروه دستگاه اجرایی نسبت به خرداد تغییری نکرده است.',
    ],
    absent: ['رشد داشته', 'بهبود', 'افت کرد', 'نسبت به خرداد ۰'],
  },
  {
    name: 'no headline change figure: no headline sentence',
    input: () =>
      tirWith((groups) => {
        const g = first(groups);
        g.headline = { ...g.headline, changePercent: null };
      }),
    present: ['بهبود یافت'],
    absent: ['محورهای اطلاع‌رسانی و پاسخگویی', 'رشد داشته'],
  },
  {
    name: 'a single headline dimension is one «محور»',
    input: () =>
      tirWith((groups) => {
        const g = first(groups);
        g.headline = { ...g.headline, dimensions: ['پاسخگویی'], changePercent: 3 };
      }),
    present: ['میانگین امتیاز محور پاسخگویی در گروه دستگاه اجرایی نسبت به خرداد ۳ درصد رشد'],
    absent: ['محورهای'],
  },
  {
    name: 'the top band reached: no "never" sentence',
    input: () => {
      const input = tirInput();
      input.summary.topBandEver = 2;
      return input;
    },
    present: ['بهبود یافت'],
    absent: ['تاکنون هیچ دستگاهی', 'نرسیده است'],
  },
  {
    name: 'a rising weak share reads as rising',
    input: () =>
      tirWith((groups) => {
        const g = first(groups);
        g.history = [
          { month: '1403-01', weakShare: 30, meanScore: 50 },
          { month: '1403-02', weakShare: 35, meanScore: 48 },
          { month: '1403-03', weakShare: 35, meanScore: 47 },
          { month: '1403-04', weakShare: 41, meanScore: 45 },
        ];
      }),
    present: [
      'در فروردین ۳۰ درصد، در اردیبهشت و خرداد ۳۵ درصد بود و در تیر به ۴۱ درصد افزایش یافته است',
    ],
    absent: ['به ۴۱ درصد کاهش یافته'],
  },
  {
    name: 'equal shares that are not next to each other are not joined',
    input: () =>
      tirWith((groups) => {
        first(groups).history = [
          { month: '1403-01', weakShare: 50, meanScore: 50 },
          { month: '1403-02', weakShare: 60, meanScore: 48 },
          { month: '1403-03', weakShare: 50, meanScore: 47 },
          { month: '1403-04', weakShare: 41, meanScore: 45 },
        ];
      }),
    present: [
      'در فروردین ۵۰ درصد، در اردیبهشت ۶۰ درصد، در خرداد ۵۰ درصد بود و در تیر به ۴۱ درصد کاهش یافته است',
    ],
    absent: ['فروردین و خرداد'],
  },
  {
    name: 'an unchanged weak share is said to be the same',
    input: () =>
      tirWith((groups) => {
        first(groups).history = [
          { month: '1403-03', weakShare: 41, meanScore: 47 },
          { month: '1403-04', weakShare: 41, meanScore: 45 },
        ];
      }),
    present: ['در خرداد ۴۱ درصد بود و در تیر نیز ۴۱ درصد بوده است'],
    absent: ['به ۴۱ درصد'],
  },
  {
    name: 'governorates worse than the month before, and unchanged',
    input: () =>
      tirWith((groups) => {
        second(groups).previousWeakShare = 75;
        groups.push(
          group({
            name: 'بخشداری',
            ranking: ranking([{ name: 'بخش مرکزی', score: 30 }], 'b'),
            weakShare: 100,
            previousWeakShare: 100,
          }),
        );
      }),
    present: [
      'در گروه فرمانداری، ۸۰ درصد روابط‌عمومی‌ها در تیر در سطح بسیار ضعیف یا ضعیف قرار دارند که ۵ درصد بیشتر از خرداد است',
      'در گروه بخشداری، ۱۰۰ درصد روابط‌عمومی‌ها در تیر در سطح بسیار ضعیف یا ضعیف قرار دارند، همانند خرداد',
    ],
    absent: ['کمتر از خرداد'],
  },
  {
    name: 'competition ranks: shared first, then third',
    input: () =>
      tirWith((groups) => {
        const g = first(groups);
        g.ranking = [
          { rank: 1, id: 'x1', name: 'برق', score: 80, band: 'بسیار خوب', previousScore: null },
          { rank: 1, id: 'x2', name: 'گاز', score: 80, band: 'بسیار خوب', previousScore: null },
          { rank: 3, id: 'x3', name: 'آب', score: 70, band: 'خوب', previousScore: null },
          { rank: 4, id: 'x4', name: 'نفت', score: 60, band: 'خوب', previousScore: null },
        ];
      }),
    present: ['برق و گاز به طور مشترک رتبه اول و آب رتبه سوم را به دست آوردند'],
    absent: ['نفت', 'رتبه چهارم'],
  },
  {
    name: 'a single ranked agency takes a singular verb',
    input: () =>
      tirWith((groups) => {
        groups.splice(1);
        const g = first(groups);
        g.ranking = ranking([{ name: 'برق', score: 70 }], 'x');
      }),
    present: ['در گروه دستگاه اجرایی، برق رتبه اول را به دست آورد.'],
    absent: ['به طور مشترک', 'به ترتیب', 'در گروه فرمانداری'],
  },
  {
    name: 'two ranks in order read «اول و دوم»',
    input: () =>
      tirWith((groups) => {
        second(groups).ranking = ranking(
          [
            { name: 'بدره', score: 52 },
            { name: 'دهلران', score: 45.5 },
          ],
          'f',
        );
      }),
    present: ['بدره و دهلران به ترتیب رتبه‌های اول و دوم را به دست آوردند'],
    absent: ['چرداول'],
  },
  {
    name: 'top limits the ranks announced',
    input: () => tirInput({ top: 1 }),
    present: ['برق و راهداری و حمل و نقل جاده‌ای به طور مشترک رتبه اول را به دست آوردند'],
    absent: ['رتبه دوم', 'بهزیستی', 'دهلران'],
  },
  {
    name: 'agencies not evaluated are named with their reason',
    input: () => tirInput(),
    present: [
      'این دستگاه‌ها در تیر ارزیابی نشدند',
      'منابع طبیعی و آبخیزداری',
      'همه شاخص‌ها را کامل نکرده است',
      'میراث فرهنگی',
      'امتیاز نادرست ثبت کرده است',
    ],
    absent: ['agency.no_submission', 'score.missing'],
  },
  {
    name: 'everyone evaluated: no not-evaluated section',
    input: () => tirWith((groups) => groups.forEach((g) => (g.notEvaluated = []))),
    present: ['بهبود یافت'],
    absent: ['ارزیابی‌نشده', 'ارزیابی نشدند'],
  },
  {
    name: 'a correction says so in the subject and at the top',
    input: () => tirInput({ correction: true }),
    present: ['اصلاحیه: این متن نسخه اصلاح‌شده گزارش تیر ۱۴۰۳ است'],
    absent: [],
  },
  {
    name: 'without a spokesperson the release is impersonal',
    input: () => tirInput({ spokesperson: null, spokespersonTitle: null }),
    present: ['بر پایه ارزیابی ماهانه، عملکرد روابط‌عمومی‌های استان ایلام در تیر'],
    absent: ['گفت:', 'وی افزود', 'وی ادامه داد', 'به گفته وی', 'قیصربیگی'],
  },
  {
    name: 'a spokesperson without a title is quoted by name',
    input: () => tirInput({ spokespersonTitle: null }),
    present: ['آیت قیصربیگی گفت: بر پایه', 'وی افزود:'],
    absent: ['مدیرکل'],
  },
  {
    name: 'a title without a name is quoted by title',
    input: () => tirInput({ spokesperson: null, spokespersonTitle: 'سخنگوی شورا' }),
    present: ['سخنگوی شورا گفت: بر پایه'],
    absent: ['قیصربیگی'],
  },
  {
    name: 'no indicators and no dimensions: no method sentence',
    input: () => tirInput({ indicatorCount: 0, dimensions: [] }),
    present: ['بهبود یافت'],
    absent: ['شیوه ارزیابی', 'انجام می‌شود'],
  },
  {
    name: 'a method with one dimension and twenty-one indicators',
    input: () => tirInput({ indicatorCount: 21, dimensions: ['پاسخگویی'] }),
    present: ['بر پایه بیست و یک شاخص و در یک محور پاسخگویی انجام می‌شود'],
    absent: ['بیست شاخص'],
  },
  {
    name: 'a group with nobody evaluated gets no band sentence',
    input: () =>
      tirWith((groups) => {
        const g = second(groups);
        g.evaluated = 0;
        g.ranking = [];
        g.bands = bands([0, 0, 0, 0, 0]);
        g.previousBands = null;
        g.weakShare = null;
        g.previousWeakShare = null;
        g.meanScore = null;
      }),
    present: ['در گروه دستگاه اجرایی (۱۰۰ دستگاه ارزیابی‌شده)'],
    absent: ['در گروه فرمانداری'],
  },
  {
    name: 'a province setting that already says «استان»',
    input: () => tirInput({ province: '  استان ایلام ' }),
    present: ['روابط‌عمومی‌های استان ایلام در تیر ۱۴۰۳'],
    absent: ['استان استان'],
  },
  {
    name: 'zero shares are not said',
    input: () => tirInput(),
    present: ['۹ درصد در سطح خوب ارزیابی شده‌اند'],
    absent: ['۰ درصد بسیار خوب', '۰ درصد در سطح بسیار خوب'],
  },
  {
    name: 'a month with no groups invents nothing',
    input: () => releaseInput({ summary: summary({ groups: [], previousMonth: null }) }),
    present: [
      'نتایج ارزیابی روابط‌عمومی‌های استان ایلام در تیر ۱۴۰۳',
      'به طور کامل ارزیابی نشده است',
    ],
    absent: ['تاکنون هیچ', 'رتبه‌های تیر', 'در گروه', 'ارزیابی نشدند', 'سهم روابط‌عمومی‌هایی که'],
  },
  {
    name: 'top 0 announces no ranks',
    input: () => tirInput({ top: 0 }),
    present: ['بهبود یافت'],
    absent: ['رتبه‌های تیر', 'رتبه اول'],
  },
  {
    name: 'no weak bands: no weak share statements',
    input: () => tirInput({ weakBands: 0 }),
    present: ['بهبود یافت'],
    absent: ['سهم روابط‌عمومی‌هایی که', 'قرار دارند'],
  },
  {
    name: 'Farvardin compares with Esfand of the year before',
    input: () => {
      const input = structuredClone(tirInput());
      input.summary.month = '1403-01';
      input.summary.monthName = 'فروردین ۱۴۰۳';
      input.summary.previousMonth = '1402-12';
      for (const g of input.summary.groups) g.history = g.history.slice(0, 1);
      return input;
    },
    present: ['در فروردین ۱۴۰۳ بهبود یافت', 'نسبت به اسفند ۱۴۰۲'],
    absent: ['خرداد', 'سهم روابط‌عمومی‌هایی که'],
  },
];

describe('which statements the release makes', () => {
  it.each(cases)('$name', ({ input, present, absent }) => {
    const release = render(input());
    for (const part of [release.text, release.html]) {
      for (const phrase of present) expect(part).toContain(phrase);
      for (const phrase of absent) expect(part).not.toContain(phrase);
    }
  });

  it('says the statements in the order of press-release.md', () => {
    const { text } = render(tirInput());
    const order = [
      'بهبود یافت',
      'گفت:',
      '۱۵ درصد رشد',
      'در گروه دستگاه اجرایی (۱۰۰',
      'در گروه فرمانداری (۱۰',
      'تاکنون هیچ دستگاهی',
      'سهم روابط‌عمومی‌هایی که',
      'در گروه فرمانداری، ۸۰ درصد',
      'بیست شاخص',
      'به طور مشترک رتبه اول',
      'ارزیابی نشدند',
      'زمان محاسبه',
      'شناسه اجرا',
      'چکیده داده‌ها',
    ];
    const positions = order.map((phrase) => text.indexOf(phrase));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts a correction in the subject and before the headline', () => {
    const release = render(tirInput({ correction: true }));
    expect(release.subject).toBe('اصلاحیه: گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
    expect(release.text.startsWith('اصلاحیه:')).toBe(true);
    expect(release.html.indexOf('اصلاحیه')).toBeLessThan(release.html.indexOf('<h1'));
    expect(render(tirInput()).subject).toBe('گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
  });
});

describe('the overall mean', () => {
  it('is the mean of every ranking score this month', () => {
    const input = releaseInput({
      summary: summary({
        groups: [
          group({ ranking: ranking([{ name: 'الف', score: 10.01 }], 'a') }),
          group({ name: 'دوم', ranking: ranking([{ name: 'ب', score: 10.02 }], 'b') }),
        ],
      }),
    });
    // 10.015 rounds half away from zero: 10.02, never 10.01.
    expect(overallMean(input.summary)).toBe(10.02);
  });

  it('is Σ(previous mean × previous count) / Σ count the month before', () => {
    // (42.1 × 100 + 30.4 × 10) / 110 = 41.0363… → 41.04
    expect(previousOverallMean(tirInput().summary)).toBe(41.04);
    const view = buildReleaseView(tirInput());
    expect(view.overall.previousMeanText).toBe('۴۱٫۰۴');
    expect(view.overall.improved).toBe(true);
  });

  it('leaves out groups with no month before', () => {
    const input = tirWith((groups) => {
      second(groups).previousMeanScore = null;
      second(groups).previousBands = null;
    });
    expect(previousOverallMean(input.summary)).toBe(42.1);
  });

  it('rounds the weighted mean half away from zero, exactly', () => {
    const input = releaseInput({
      summary: summary({
        groups: [
          group({ previousMeanScore: 10.01, previousBands: bands([1, 0, 0, 0, 0]) }),
          group({ previousMeanScore: 10.02, previousBands: bands([1, 0, 0, 0, 0]) }),
        ],
      }),
    });
    expect(previousOverallMean(input.summary)).toBe(10.02);
  });

  it('is absent with no month before', () => {
    expect(previousOverallMean(noMonthBefore().summary)).toBeNull();
    expect(buildReleaseView(noMonthBefore()).overall.hasDirection).toBe(false);
  });
});
