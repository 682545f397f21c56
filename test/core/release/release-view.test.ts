import { describe, expect, it } from 'vitest';
import { createReleaseRenderer } from '../../../functions/adapters/mail/render-release.ts';
import { meanRounded } from '../../../functions/core/language/decimal.ts';
import type { ReleaseInput } from '../../../functions/core/release/release-input.ts';
import { overallMean } from '../../../functions/core/release/overall.ts';
import { buildReleaseView } from '../../../functions/core/release/release-view.ts';
import type { GroupSummary } from '../../../functions/core/figures/summary.ts';
import {
  bands,
  group,
  ranking,
  releaseInput,
  summary,
  tirInput,
} from '../../support/release-fixtures.ts';
import { threeGroupInput } from '../../support/three-groups.ts';

const render = createReleaseRenderer();

/** Text with its no-break spaces as plain spaces, so phrases can be quoted as typed. */
const plain = (text: string): string => text.replace(/\u00A0/g, ' ');

/** The Tir fixture with a change to its groups. */
function tirWith(change: (groups: GroupSummary[]) => void, extra: Partial<ReleaseInput> = {}) {
  const input = structuredClone(tirInput(extra));
  change(input.summary.groups);
  return input;
}

function nth(groups: GroupSummary[], i: number): GroupSummary {
  const g = groups[i];
  if (!g) throw new Error(`fixture has no group ${i}`);
  return g;
}

/** No month before: every "previous" field null, history only this month. */
function noMonthBefore(): ReleaseInput {
  return tirWith(
    (groups) => {
      for (const g of groups) {
        g.previousMeanScore = null;
        g.previousBands = null;
        g.previousWeakShare = null;
        g.headline = { ...g.headline, previousMean: null, changePercent: null };
        g.dimensions = g.dimensions.map((d) => ({ ...d, previousMean: null, changePercent: null }));
        g.history = g.history.filter((h) => h.month === '1403-04');
        g.ranking = g.ranking.map((r) => ({ ...r, previousScore: null }));
      }
    },
    { previousRanks: {} },
  );
}

/** Tir with dimension means for the executive agencies (innovation trailing). */
function withAreas(trailing = true): ReleaseInput {
  return tirWith((groups) => {
    nth(groups, 0).dimensions = [
      { name: 'اطلاع‌رسانی', mean: 45.7, previousMean: 39.28, changePercent: 16 },
      { name: 'پاسخگویی', mean: 46.51, previousMean: 40.98, changePercent: 13 },
      { name: 'نوآوری', mean: trailing ? 32.79 : 42, previousMean: 28.63, changePercent: 15 },
    ];
  });
}

interface Case {
  name: string;
  input: () => ReleaseInput;
  present: string[];
  absent: string[];
}

const OLD_PHRASES = [
  'در گروه',
  'به طور مشترک',
  'به دست آوردند',
  'رشد داشته است',
  'کاهش یافته است',
  'این نسبت‌ها در',
  'بسیار ضعیف یا ضعیف',
  'در سطح بسیار ضعیف، ',
  'آنها',
  'undefined',
  'null',
  'NaN',
  '[object',
  'یکم',
];

const cases: Case[] = [
  {
    name: 'Tir: every statement, in the press register',
    input: withAreas,
    present: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در تیرماه به ۴۱ درصد کاهش یافت',
      'به گزارش روابط‌عمومی استانداری ایلام، آیت قیصربیگی، مدیرکل روابط‌عمومی و امور بین‌الملل استانداری ایلام، گفت:',
      'در تیرماه نسبت به خردادماه بهبود یافت؛ میانگین امتیاز ۱۰۰ دستگاه اجرایی از ۴۲٫۱ به ۴۲٫۸۷ و میانگین ۱۰ فرمانداری از ۳۰٫۴ به ۳۱٫۱ (از ۱۰۰) رسید.',
      'وی افزود: میانگین امتیاز دستگاه‌های اجرایی در دو محور اطلاع‌رسانی و پاسخگویی از ۴۳٫۶ در خردادماه به ۵۰٫۲ در تیرماه رسید و ۱۵ درصد رشد داشت.',
      'قیصربیگی ادامه داد: از ۱۰۰ روابط‌عمومی دستگاه‌های اجرایی ارزیابی‌شده در تیرماه، عملکرد ۴ درصد بسیار ضعیف، ۳۷ درصد ضعیف، ۵۰ درصد متوسط و ۹ درصد خوب بود؛',
      'این در حالی است که در خردادماه ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و تنها ۲ درصد خوب ارزیابی شده بودند.',
      'در دستگاه‌های اجرایی سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف از ۹۱ درصد در فروردین و اردیبهشت و ۵۶ درصد در خرداد، در تیرماه به ۴۱ درصد کاهش یافت.',
      'در اطلاع‌رسانی از ۳۹٫۲۸ به ۴۵٫۷، در پاسخگویی از ۴۰٫۹۸ به ۴۶٫۵۱ و در نوآوری از ۲۸٫۶۳ به ۳۲٫۷۹ رسید؛ نوآوری با فاصله از دیگر محورها ضعیف‌ترین محور است.',
      'به گفته وی، تاکنون هیچ دستگاه اجرایی یا فرمانداری در این ارزیابی‌ها به سطح «بسیار خوب» نرسیده است.',
      'وی با اشاره به وضعیت فرمانداری‌ها افزود: از ۱۰ فرمانداری ارزیابی‌شده در تیرماه، عملکرد ۲۰ درصد (۲ فرمانداری) بسیار ضعیف، ۶۰ درصد (۶ فرمانداری) ضعیف و ۲۰ درصد (۲ فرمانداری) متوسط بود.',
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در فرمانداری‌ها ۸۰ درصد (۸ فرمانداری از ۱۰) بود که نسبت به خردادماه (۹۰ درصد؛ ۹ فرمانداری از ۱۰) ۱۰ واحد درصد کاهش دارد.',
      'روابط‌عمومی‌های فرمانداری‌ها نیازمند تقویت است.',
      'بر پایه بیست شاخص و در سه محور اطلاع‌رسانی، پاسخگویی و نوآوری انجام می‌شود',
      'با امتیازی بین صفر تا ۱۰۰ در یکی از پنج سطح قرار می‌گیرد: بسیار ضعیف کمتر از ۲۰، ضعیف ۲۰ تا کمتر از ۴۰، متوسط ۴۰ تا کمتر از ۶۰، خوب ۶۰ تا کمتر از ۸۰ و بسیار خوب ۸۰ و بالاتر.',
      'قیصربیگی هدف از ارزیابی ماهانه را تقویت جایگاه مردم و اطلاع‌رسانی صریح و به‌موقع عنوان کرد.',
      'رتبه‌بندی تیرماه',
      // Bare names, «و» inside names: the ranks one agency a line, each dense rank with
      // how many scored higher.
      'در دستگاه‌های اجرایی، رتبه‌های اول تا سوم به این شرح است:',
      'دو دستگاه اجرایی امتیاز بیشتری گرفتند',
      'چهار دستگاه اجرایی امتیاز بیشتری گرفتند',
      'بیشترین رشد امتیاز در دستگاه‌های اجرایی از آن تعاون، کار و رفاه اجتماعی بود که امتیازش از ۶۱٫۳ در خردادماه به ۷۴٫۲۵ رسید.',
      'بهزیستی که در خردادماه رتبه اول را داشت، در تیرماه با ۷۴٫۲۵ امتیاز (در خردادماه ۶۶) به‌طور مشترک به جایگاه سوم نزول کرد.',
      'در فرمانداری‌ها، رتبه‌های اول تا سوم به این شرح است:',
      'بیشترین رشد امتیاز در فرمانداری‌ها از آن بدره بود',
      'روند سال ۱۴۰۳',
      'شبکه بهداشت و درمان: فرم ماه را ثبت نکرده است.',
      'این گزارش در ۵ مرداد ۱۴۰۳ از داده‌های ثبت‌شده دستگاه‌ها تهیه شده است.',
    ],
    absent: [
      ...OLD_PHRASES,
      'اصلاحیه',
      'a101',
      '(۱۰ دستگاه',
      '۱۱۰ دستگاه',
      'تیر ۱۴۰۳ بهبود',
      'ویژه دبیرخانه',
      'شناسه اجرا',
      'از آنِ',
      'رتبه دوم رسید',
    ],
  },
  {
    name: 'no month before: no comparison at all, the weak share still said',
    input: noMonthBefore,
    present: [
      'عملکرد ۴۱ درصد روابط‌عمومی‌های دستگاه‌های اجرایی ایلام در تیرماه زیر سطح متوسط بود',
      'در ارزیابی تیرماه، عملکرد روابط‌عمومی ۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری استان ایلام سنجیده شد؛ میانگین امتیاز دستگاه‌های اجرایی ۴۲٫۸۷ و فرمانداری‌ها ۳۱٫۱ (از ۱۰۰) بود.',
      'در دستگاه‌های اجرایی سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در تیرماه ۴۱ درصد بود.',
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در فرمانداری‌ها ۸۰ درصد (۸ فرمانداری از ۱۰) بود.',
      'به گفته وی، در تیرماه هیچ دستگاه اجرایی یا فرمانداری در این ارزیابی‌ها به سطح «بسیار خوب» نرسید.',
    ],
    absent: [
      ...OLD_PHRASES,
      'نسبت به',
      'این در حالی است',
      'رشد داشت',
      'بهبود',
      'بیشترین رشد',
      'رتبه اول را داشت',
      'نوار خاکستری',
      'روند سال',
      'واحد درصد',
      'تاکنون',
    ],
  },
  {
    name: 'a fall reads as a fall, with its base',
    input: () =>
      tirWith((groups) => {
        const g = nth(groups, 0);
        g.headline = { ...g.headline, mean: 40.07, previousMean: 43.6, changePercent: -8 };
        g.previousMeanScore = 60;
        nth(groups, 1).previousMeanScore = 55;
      }),
    present: [
      'نسبت به خردادماه افت کرد',
      'از ۴۳٫۶ در خردادماه به ۴۰٫۰۷ در تیرماه رسید و ۸ درصد کاهش یافت.',
    ],
    absent: ['رشد داشت', 'بهبود یافت', '−۸', '-۸'],
  },
  {
    name: 'weak shares unchanged, mean under one point higher: «تقریباً ثابت ماند»',
    input: () =>
      tirWith((groups) => {
        for (const g of groups) {
          g.previousWeakShare = g.weakShare;
          g.previousMeanScore = (g.meanScore ?? 0) - 0.5;
        }
      }),
    present: ['نسبت به خردادماه تقریباً ثابت ماند؛'],
    absent: ['بهبود یافت', 'افت کرد'],
  },
  {
    name: 'weak shares unchanged, mean 1.25 points higher: «اندکی بهبود یافت»',
    input: () =>
      tirWith((groups) => {
        for (const g of groups) {
          g.previousWeakShare = g.weakShare;
          g.previousMeanScore = (g.meanScore ?? 0) - 1.25;
        }
      }),
    present: ['نسبت به خردادماه اندکی بهبود یافت؛'],
    absent: ['ماه بهبود یافت', 'تقریباً ثابت'],
  },
  {
    name: 'weak shares unchanged, mean two points lower: «اندکی افت کرد»',
    input: () =>
      tirWith((groups) => {
        for (const g of groups) {
          g.previousWeakShare = g.weakShare;
          g.previousMeanScore = (g.meanScore ?? 0) + 2;
        }
      }),
    present: ['نسبت به خردادماه اندکی افت کرد؛'],
    absent: ['بهبود یافت', 'ماه افت کرد'],
  },
  {
    name: 'an unchanged mean is said to have held',
    input: () =>
      tirWith((groups) => {
        for (const g of groups) g.previousMeanScore = g.meanScore;
      }),
    present: [
      'نسبت به خردادماه ثابت ماند؛ میانگین امتیاز ۱۰۰ دستگاه اجرایی بدون تغییر ۴۲٫۸۷ (از ۱۰۰) ماند و میانگین ۱۰ فرمانداری بدون تغییر ۳۱٫۱ ماند.',
    ],
    absent: ['بهبود یافت', 'افت کرد', 'تقریباً'],
  },
  {
    name: 'a rising weak share reads as rising, in the headline too',
    input: () =>
      tirWith((groups) => {
        const g = nth(groups, 0);
        g.previousWeakShare = 30;
        g.history = g.history.map((h) => (h.month === '1403-03' ? { ...h, weakShare: 30 } : h));
      }),
    present: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در تیرماه به ۴۱ درصد افزایش یافت',
      'و ۳۰ درصد در خرداد، در تیرماه به ۴۱ درصد افزایش یافت.',
    ],
    absent: ['کاهش یافت.'],
  },
  {
    name: 'a changed set whose like-for-like direction differs: no direction word, who left and joined said',
    input: () =>
      tirWith((groups) => {
        const g = nth(groups, 0);
        // Whole group: weak share 56 → 41 (fell), mean 42.1 → 42.87; like for like on 98:
        // weak share 40 → 45 (rose), mean 44 → 43.5 (fell).
        g.likeForLike = {
          agencies: 98,
          meanScore: 43.5,
          previousMeanScore: 44,
          weakShare: 45,
          previousWeakShare: 40,
          joined: ['a02'],
          left: ['a101'],
        };
      }),
    present: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در تیرماه ۴۱ درصد بود',
      'در دستگاه‌های اجرایی افت کرد و در فرمانداری‌ها بهبود یافت؛',
      'میانگین امتیاز ۹۸ دستگاه اجرایی ارزیابی‌شده در هر دو ماه از ۴۴ به ۴۳٫۵',
      'در دستگاه‌های اجرایی، شبکه بهداشت و درمان که در خردادماه ارزیابی شده بود، در تیرماه ارزیابی نشد؛ برق که در خردادماه ارزیابی نشده بود، در تیرماه ارزیابی شد.',
      'و ۵۶ درصد در خرداد، در تیرماه به ۴۱ درصد رسید.',
    ],
    // The headline dimensions' change has no like-for-like figures here: not said.
    absent: ['کاهش یافت', '۱۵ درصد رشد داشت', 'در دو محور'],
  },
  {
    name: 'a small first group: counts beside percents in the headline and the weak path',
    input: () =>
      tirWith(
        (groups) => {
          groups.splice(0, 1);
        },
        {
          historyCounts: {
            فرمانداری: {
              '1403-01': { weak: 10, evaluated: 10 },
              '1403-02': { weak: 9, evaluated: 10 },
              '1403-03': { weak: 9, evaluated: 10 },
              '1403-04': { weak: 8, evaluated: 10 },
            },
          },
        },
      ),
    present: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف فرمانداری‌های ایلام در تیرماه به ۸۰ درصد (۸ فرمانداری از ۱۰) کاهش یافت',
      'از ۱۰۰ درصد (۱۰ فرمانداری از ۱۰) در فروردین و ۹۰ درصد (۹ فرمانداری از ۱۰) در اردیبهشت و خرداد، در تیرماه به ۸۰ درصد (۸ فرمانداری از ۱۰) کاهش یافت.',
      'عملکرد ۲۰ درصد (۲ فرمانداری) بسیار ضعیف، ۶۰ درصد (۶ فرمانداری) ضعیف و ۲۰ درصد (۲ فرمانداری) متوسط بود',
      '۸ از ۱۰',
    ],
    absent: ['۸۰ درصد کاهش'],
  },
  {
    name: 'an unchanged weak share after one run: «بدون تغییر»',
    input: () =>
      tirWith((groups) => {
        const g = nth(groups, 0);
        g.weakShare = 91;
        g.previousWeakShare = 91;
        g.history = g.history.map((h) => ({ ...h, weakShare: 91 }));
      }),
    present: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در تیرماه در ۹۱ درصد ثابت ماند',
      'در فروردین، اردیبهشت و خرداد و تیرماه بدون تغییر ۹۱ درصد بود.',
    ],
    absent: ['کاهش یافت.', 'افزایش یافت.'],
  },
  {
    name: 'a further group that got worse: points more, and all weak said as «همه»',
    input: () =>
      tirWith((groups) => {
        const g = nth(groups, 1);
        g.weakShare = 100;
        g.bands = bands([4, 6, 0, 0, 0]);
      }),
    present: [
      'همه روابط‌عمومی‌های فرمانداری‌ها در سطح ضعیف یا بسیار ضعیف بودند؛ این سهم نسبت به خردادماه (۹۰ درصد؛ ۹ فرمانداری از ۱۰) ۱۰ واحد درصد افزایش دارد.',
    ],
    absent: ['۱۰۰ درصد بود', '۱۰ درصد بیشتر'],
  },
  {
    name: 'a further group no weaker than the first needs no «تقویت بیشتر»',
    input: () =>
      tirWith((groups) => {
        nth(groups, 1).weakShare = 30;
        nth(groups, 1).bands = bands([1, 2, 7, 0, 0]);
      }),
    present: [
      'در فرمانداری‌ها ۳۰ درصد (۳ فرمانداری از ۱۰) بود که نسبت به خردادماه (۹۰ درصد؛ ۹ فرمانداری از ۱۰) ۶۰ واحد درصد کاهش دارد.',
    ],
    absent: ['نیازمند تقویت'],
  },
  {
    name: 'areas: no weakest area when none trails',
    input: () => withAreas(false),
    present: ['و در نوآوری از ۲۸٫۶۳ به ۴۲ رسید.'],
    absent: ['ضعیف‌ترین محور'],
  },
  {
    name: 'no dimension means: no areas paragraph',
    input: () => tirInput(),
    present: ['۱۵ درصد رشد داشت'],
    absent: ['ضعیف‌ترین محور', 'در اطلاع‌رسانی از'],
  },
  {
    name: 'the top band reached: no "never" sentence',
    input: () => {
      const input = tirInput();
      input.summary.topBandEver = 2;
      return input;
    },
    present: ['بیست شاخص'],
    absent: ['تاکنون هیچ'],
  },
  {
    name: 'competition ranks with a shared first: «؛» between clauses, «به‌طور مشترک»',
    input: () =>
      tirWith((groups) => {
        nth(groups, 0).ranking = [
          ...ranking(
            [
              { name: 'برق', score: 80, id: 'a1' },
              { name: 'گاز', score: 80, id: 'a2' },
            ],
            'a',
          ),
          ...ranking([{ name: 'آب', score: 70, id: 'a3' }], 'a').map((r) => ({
            ...r,
            rank: 3,
            standing: 3,
          })),
        ];
      }),
    // A competition rank already is the standing: nothing to add beside it.
    present: ['در دستگاه‌های اجرایی، رتبه‌های اول و سوم به این شرح است:'],
    absent: ['بیشترین رشد امتیاز در دستگاه‌های اجرایی', 'امتیاز بیشتری گرفتند'],
  },
  {
    name: 'a single ranked agency takes a singular verb',
    input: () =>
      tirWith((groups) => {
        nth(groups, 1).ranking = ranking([{ name: 'بدره', score: 52 }], 'f');
      }),
    present: ['در فرمانداری‌ها، بدره رتبه اول را کسب کرد.'],
    absent: ['بدره رتبه اول را کسب کردند'],
  },
  {
    name: 'two ranks in order read «اول و دوم»',
    input: () => tirInput({ top: 2 }),
    present: ['در فرمانداری‌ها، رتبه‌های اول و دوم به این شرح است:'],
    absent: ['چرداول', 'رتبه سوم'],
  },
  {
    name: 'ranks in order but a name with a comma: rank clauses with «؛», not «به ترتیب»',
    input: () =>
      tirWith((groups) => {
        nth(groups, 1).ranking = ranking(
          [
            { name: 'بدره', score: 52 },
            { name: 'دهلران، مرکز', score: 45.5 },
            { name: 'چرداول', score: 38 },
          ],
          'f',
        );
      }),
    present: ['در فرمانداری‌ها، رتبه‌های اول تا سوم به این شرح است:', 'دهلران، مرکز'],
    absent: ['به ترتیب رتبه‌های اول تا سوم'],
  },
  {
    name: 'a source typed with its own comma gets one comma',
    input: () => tirInput({ source: 'روابط‌عمومی استانداری ایلام، ' }),
    present: ['به گزارش روابط‌عمومی استانداری ایلام، آیت'],
    absent: ['ایلام،،', 'ایلام، ،'],
  },
  {
    name: 'top 0 announces no ranks',
    input: () => tirInput({ top: 0 }),
    present: ['بهبود یافت'],
    absent: ['رتبه‌بندی تیرماه', 'رتبه اول'],
  },
  {
    name: 'no weak bands: no weak share statements',
    input: () => tirInput({ weakBands: 0 }),
    present: ['بهبود یافت'],
    absent: ['سهم روابط‌عمومی‌های', 'روند سال'],
  },
  {
    name: 'without a spokesperson or source the release is the council’s own',
    input: () => tirInput({ spokesperson: null, spokespersonTitle: null, source: null }),
    present: [
      'عملکرد روابط‌عمومی‌های استان ایلام در تیرماه نسبت به خردادماه بهبود یافت',
      'هدف از ارزیابی ماهانه تقویت جایگاه مردم و اطلاع‌رسانی صریح و به‌موقع است.',
    ],
    absent: ['گفت:', 'وی افزود', 'ادامه داد', 'به گفته وی', 'به گزارش', 'عنوان کرد'],
  },
  {
    name: 'a spokesperson with one name is «وی» after the lede',
    input: () => tirInput({ spokesperson: 'قیصربیگی', spokespersonTitle: null }),
    present: ['قیصربیگی گفت:', 'وی ادامه داد:', 'وی هدف از ارزیابی ماهانه را'],
    absent: ['قیصربیگی ادامه داد'],
  },
  {
    name: 'no purpose in settings: no purpose sentence',
    input: () => tirInput({ purpose: null }),
    present: ['بیست شاخص'],
    absent: ['هدف از ارزیابی'],
  },
  {
    name: 'no bands given: no thresholds',
    input: () => tirInput({ bands: [] }),
    present: ['بیست شاخص'],
    absent: ['کمتر از ۲۰', 'سطح قرار می‌گیرد'],
  },
  {
    name: 'everyone evaluated: no not-evaluated section',
    input: () =>
      tirWith((groups) => {
        for (const g of groups) g.notEvaluated = [];
      }),
    present: ['بیست شاخص'],
    absent: ['ارزیابی نشدند', 'دستگاه‌های ارزیابی‌نشده'],
  },
  {
    name: 'a province setting that already says «استان»',
    input: () => tirInput({ province: '  استان ایلام ' }),
    present: ['روابط‌عمومی‌های استان ایلام در تیرماه'],
    absent: ['استان استان'],
  },
  {
    name: 'a month with no groups invents nothing',
    input: () => releaseInput({ summary: summary({ groups: [], previousMonth: null }) }),
    present: ['نتایج ارزیابی روابط‌عمومی‌های استان ایلام در تیرماه', 'به‌طور کامل ارزیابی نشد.'],
    absent: ['تاکنون هیچ', 'رتبه‌بندی', 'ارزیابی نشدند', 'سهم روابط‌عمومی‌های', 'روند سال'],
  },
  {
    name: 'three groups, four bands, one weak band, across a year end',
    input: threeGroupInput,
    present: [
      // One weak band: the weak share is the «ضعیف» band itself, and is named so.
      'سهم روابط‌عمومی‌های ضعیف دستگاه‌های اجرایی کهگیلویه و بویراحمد در فروردین‌ماه به ۲۰ درصد کاهش یافت',
      'در فروردین‌ماه نسبت به اسفندماه ۱۴۰۳ در دستگاه‌های اجرایی و فرمانداری‌ها بهبود یافت و در شهرداری‌ها افت کرد؛',
      'میانگین امتیاز ۲۰ دستگاه اجرایی از ۵۵ به ۶۰٫۸، میانگین ۴ فرمانداری از ۴۸ به ۵۲٫۵ و میانگین ۴ شهرداری از ۴۵ به ۴۲٫۵ (از ۱۰۰) رسید.',
      'در دستگاه‌های اجرایی سهم روابط‌عمومی‌های ضعیف در فروردین‌ماه ۲۰ درصد بود.',
      'وی با اشاره به وضعیت فرمانداری‌ها افزود: از ۴ فرمانداری ارزیابی‌شده در فروردین‌ماه',
      'سهم روابط‌عمومی‌های ضعیف در فرمانداری‌ها ۵۰ درصد (۲ فرمانداری از ۴) بود، همانند اسفندماه ۱۴۰۳.',
      'وی درباره شهرداری‌ها گفت: از ۴ شهرداری ارزیابی‌شده در فروردین‌ماه',
      'سهم روابط‌عمومی‌های ضعیف در شهرداری‌ها ۵۰ درصد (۲ شهرداری از ۴) بود که نسبت به اسفندماه ۱۴۰۳ (۲۵ درصد؛ ۱ شهرداری از ۴) ۲۵ واحد درصد افزایش دارد.',
      'در یکی از چهار سطح قرار می‌گیرد: ضعیف کمتر از ۵۰، قابل قبول ۵۰ تا کمتر از ۷۰، خوب ۷۰ تا کمتر از ۹۰ و عالی ۹۰ و بالاتر.',
      'فرمانداری‌های دنا، بویراحمد و گچساران به ترتیب رتبه‌های اول تا سوم را کسب کردند.',
      'شهرداری‌های یاسوج و دهدشت به‌طور مشترک رتبه اول؛ شهرداری سی‌سخت رتبه دوم (دو شهرداری امتیاز بیشتری گرفتند)؛ شهرداری دوگنبدان رتبه سوم (سه شهرداری امتیاز بیشتری گرفتند) را کسب کردند.',
      'روابط‌عمومی‌های شهرداری‌ها نیازمند تقویت است.',
      'رتبه‌بندی فروردین‌ماه',
    ],
    absent: [
      ...OLD_PHRASES,
      'روند سال',
      'تیر',
      'ضعیف و بسیار ضعیف',
      'بسیار خوب',
      'تاکنون هیچ',
      'در شهرداری‌ها، شهرداری',
    ],
  },
];

describe('which statements the release makes', () => {
  it.each(cases)('$name', ({ input, present, absent }) => {
    const release = render(input());
    for (const part of [plain(release.text), plain(release.html)]) {
      for (const phrase of present) expect(part).toContain(phrase);
      for (const phrase of absent) expect(part).not.toContain(phrase);
    }
  });

  it('says the statements in the order of docs/texts.md#what-it-says-in-order', () => {
    const text = plain(render(withAreas()).text);
    const order = [
      'به ۴۱ درصد کاهش یافت', // 1 headline
      'به گزارش', // 2 source and lede
      '۱۵ درصد رشد داشت', // 3 headline change
      'این در حالی است', // 4 first group
      'در تیرماه به ۴۱ درصد کاهش یافت.',
      'ضعیف‌ترین محور', // 5 areas
      'تاکنون هیچ', // 6 never top
      'وی با اشاره به وضعیت فرمانداری‌ها', // 7 further groups
      'بیست شاخص', // 8 method
      'کمتر از ۲۰',
      'هدف از ارزیابی',
      'رتبه‌بندی تیرماه', // 9 rankings
      'بیشترین رشد',
      'روند سال ۱۴۰۳', // 10 year so far
      'نمودار سهم هر سطح', // the bars, out of the quoted paragraphs
      'ارزیابی نشدند', // 11 not evaluated
      'این گزارش در ۵ مرداد ۱۴۰۳', // 12 closing line
      'پیوست:', // the covering note after it
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
  });

  it('marks a test copy «نسخه آزمایشی» in the subject, and only a test copy', () => {
    expect(render(tirInput({ test: true })).subject).toBe(
      'نسخه آزمایشی: گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳',
    );
    expect(render(tirInput()).subject).toBe('گزارش ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳');
  });

  it('holds every figure to «درصد», «واحد درصد» and «از ۱۰۰» with a no-break space', () => {
    const { text, html } = render(withAreas());
    for (const part of [text, html]) {
      expect(part).toContain('۴۱\u00A0درصد');
      expect(part).toContain('۱۰\u00A0واحد\u00A0درصد');
      expect(part).toMatch(/[۰-۹]\u00A0\(از\u00A0۱۰۰\)/);
      expect(part).not.toMatch(/[۰-۹] درصد/);
      expect(part).not.toMatch(/[۰-۹] از ۱۰۰/);
    }
  });

  it('says the year so far, one row per month, in text and html', () => {
    const { text, html } = render(tirInput());
    const t = plain(text);
    expect(t).toContain(
      '- فروردین: دستگاه‌های اجرایی ۹۱ درصد ضعیف و بسیار ضعیف، میانگین ۳۰٫۲؛ فرمانداری‌ها ۱۰۰ درصد ضعیف و بسیار ضعیف، میانگین ۲۲٫۱',
    );
    expect(t).toContain(
      '- تیر: دستگاه‌های اجرایی ۴۱ درصد ضعیف و بسیار ضعیف، میانگین ۴۷٫۳۱؛ فرمانداری‌ها ۸۰ درصد ضعیف و بسیار ضعیف، میانگین ۳۱٫۱',
    );
    for (const cell of ['۹۱٪', '>۳۰٫۲<', '>۲۲٫۱<', '>۴۷٫۳۱<', '>۳۱٫۱<'])
      expect(html).toContain(cell);
    // The table's column says what the share counts.
    expect(html).toMatch(/<th [^>]*>ضعیف و بسیار ضعیف<\/th>/);
    expect(html).not.toMatch(/<th [^>]*>ضعیف<\/th>/);
  });
});

describe('the view decides each statement once', () => {
  it('names the groups in the plural by the rule, or as the groups tab says', () => {
    const view = buildReleaseView(tirInput());
    expect(view.firstGroup.plural).toBe('دستگاه‌های اجرایی');
    expect(view.furtherGroups[0]?.plural).toBe('فرمانداری‌ها');
    const given = buildReleaseView(
      tirInput({ groupPlurals: { فرمانداری: 'فرمانداری‌های استان' } }),
    );
    expect(given.furtherGroups[0]?.plural).toBe('فرمانداری‌های استان');
  });

  it('puts the ranking tables’ column under the group’s own name, scores with no trailing zero', () => {
    const { html } = render(tirInput());
    expect(html).toMatch(/<th [^>]*>دستگاه اجرایی<\/th>/);
    expect(html).toMatch(/<th [^>]*>فرمانداری<\/th>/);
    expect(html).toMatch(/>۵۲</);
    expect(html).toMatch(/>۴۵٫۵</);
    expect(html).not.toMatch(/۵۲٫۰۰|۴۵٫۵۰/);
  });

  it('keeps internal ids and the run out of the public text; the attachment note comes last', () => {
    const { text } = render(tirInput());
    expect(text).not.toMatch(/a10[1-3]|run-20240726-0700-7f3a|3f9a1c0d7e2b|ویژه دبیرخانه/);
    expect(text.indexOf('پیوست:')).toBeGreaterThan(text.indexOf('این گزارش در'));
    expect(text.slice(text.indexOf('پیوست:'))).toContain('karnameh-1403-04.csv');
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

  it('the lede compares each group like for like, with its own count', () => {
    const view = buildReleaseView(tirInput());
    expect(view.overall.directionText).toBe('بهبود یافت');
    expect(plain(view.overall.meansText)).toBe(
      'میانگین امتیاز ۱۰۰ دستگاه اجرایی از ۴۲٫۱ به ۴۲٫۸۷ و میانگین ۱۰ فرمانداری از ۳۰٫۴ به ۳۱٫۱ (از ۱۰۰) رسید',
    );
  });

  it('is absent with no month before', () => {
    expect(buildReleaseView(noMonthBefore()).overall.hasDirection).toBe(false);
  });

  it('is the mean of both groups, counted apart', () => {
    const view = buildReleaseView(tirInput());
    const scores = tirInput().summary.groups.flatMap((g) => g.ranking.map((r) => r.score));
    expect(overallMean(tirInput().summary)).toBe(meanRounded(scores));
    expect(view.overall.countsText).toBe('۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری');
  });
});
