import { describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { createReleaseRenderer } from '../../functions/adapters/mail/render-release.ts';
import { computeResults } from '../../functions/core/compute-summary.ts';
import { parseWorkbook } from '../../functions/core/parse-workbook.ts';
import { releaseWording, type ReleaseInput } from '../../functions/core/release-input.ts';
import type { RawWorkbook } from '../../functions/core/cells.ts';
import { DEFAULT_EXAMPLE_PATH } from '../../scripts/make-example.ts';

/**
 * The bundled example's four releases, Farvardin to Tir 1403, read as the desk editor did
 * (research/release-editor-review.md): each corrected phrasing is there, and the old one
 * is gone.
 */
const render = createReleaseRenderer();
const raw: RawWorkbook = await createXlsxStore(DEFAULT_EXAMPLE_PATH).read();

function release(month: string): { text: string; html: string; csv: string } {
  const parsed = parseWorkbook(raw, { month });
  const { model, problems } = parsed;
  const summary = computeResults(model, problems, month, 'dry-run').summary;
  const input: ReleaseInput = {
    summary,
    province: model.settings.province,
    spokesperson: model.settings.spokesperson,
    spokespersonTitle: model.settings.spokespersonTitle,
    top: model.settings.top,
    weakBands: model.settings.weakBands,
    indicatorCount: model.indicators.length,
    dimensions: model.dimensions,
    runId: 'r-test',
    digest: 'abc123',
    computedAt: new Date('2024-07-26T07:00:00Z'),
    correction: false,
    ...releaseWording(model, problems, month),
  };
  const out = render(input);
  const plain = (s: string): string => s.replace(/\u00A0/g, ' ');
  return {
    text: plain(out.text),
    html: plain(out.html),
    csv: out.attachment.content.toString('utf8'),
  };
}

interface MonthCase {
  month: string;
  says: string[];
  never: string[];
}

/** Old phrasings the editor struck out, in every month. */
const STRUCK = [
  'در گروه',
  'به طور مشترک',
  'به دست آوردند',
  'رشد داشته است',
  '۱۱۰ دستگاه',
  'ارزیابی‌شده)',
  'بسیار ضعیف یا ضعیف',
  'در سطح بسیار ضعیف، ',
  'آنها',
  'فرمانداری بدره، فرمانداری دهلران',
  'نوار پررنگ',
];

const MONTHS: MonthCase[] = [
  {
    month: '1403-04',
    says: [
      'سهم روابط‌عمومی‌های ضعیف دستگاه‌های اجرایی ایلام در تیرماه به ۴۱ درصد کاهش یافت',
      'به گزارش روابط‌عمومی استانداری ایلام، آیت قیصربیگی',
      'میانگین امتیاز ۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری ارزیابی‌شده از ۳۶٫۴۵ به ۴۱٫۷۷ از ۱۰۰ رسید.',
      'از ۴۰٫۰۷ در خردادماه به ۴۶٫۰۸ در تیرماه رسید و ۱۵ درصد رشد داشت.',
      'این در حالی است که در خردادماه ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و تنها ۲ درصد خوب ارزیابی شده بودند.',
      'از ۹۱ درصد در فروردین و اردیبهشت و ۵۶ درصد در خرداد، در تیرماه به ۴۱ درصد کاهش یافت.',
      'در نوآوری از ۲۸٫۶۳ به ۳۲٫۷۹ رسید؛ نوآوری با فاصله از دیگر محورها ضعیف‌ترین محور است.',
      'از ۱۰ فرمانداری ارزیابی‌شده در تیرماه',
      'در فرمانداری‌ها ۸۰ درصد بود؛ ۱۰ واحد درصد کمتر از خردادماه (۹۰ درصد).',
      'روابط‌عمومی فرمانداری‌ها نیازمند تقویت بیشتر است.',
      'بسیار ضعیف زیر ۲۰، ضعیف ۲۰ تا ۴۰، متوسط ۴۰ تا ۶۰، خوب ۶۰ تا ۸۰ و بسیار خوب ۸۰ و بالاتر.',
      'قیصربیگی هدف از ارزیابی ماهانه را شفافیت در گزارش عملکرد به مردم، تقویت جایگاه مردم در سازمان‌ها و نهادها و اطلاع‌رسانی صریح و به‌موقع عنوان کرد.',
      'اداره کل راهداری و حمل و نقل جاده‌ای و شرکت توزیع نیروی برق به‌طور مشترک رتبه اول؛ اداره کل بهزیستی و اداره کل تعاون، کار و رفاه اجتماعی به‌طور مشترک رتبه دوم؛ سازمان صنعت، معدن و تجارت رتبه سوم را کسب کردند.',
      'فرمانداری‌های بدره، دهلران و چرداول به ترتیب رتبه‌های اول تا سوم را کسب کردند.',
      'بیشترین رشد امتیاز در دستگاه‌های اجرایی از آنِ بانک ملت بود که امتیازش از ۹٫۵ در خردادماه به ۲۷ رسید.',
      'سازمان مدیریت و برنامه‌ریزی که در خردادماه رتبه اول را داشت، در تیرماه با امتیاز ۵۷ (در برابر ۶۶٫۵) به رتبه سیزدهم رسید.',
      'رتبه‌بندی تیرماه',
      'روند سال ۱۴۰۳',
      'ویژه دبیرخانه',
    ],
    never: [...STRUCK, '۱۰ درصد کمتر', 'در تیر به', 'رتبه‌های تیر'],
  },
  {
    month: '1403-03',
    says: [
      'سهم روابط‌عمومی‌های ضعیف دستگاه‌های اجرایی ایلام در خردادماه به ۵۶ درصد کاهش یافت',
      'عملکرد ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و تنها ۲ درصد خوب بود؛',
      'از ۹۱ درصد در فروردین و اردیبهشت، در خردادماه به ۵۶ درصد کاهش یافت.',
      'در فرمانداری‌ها ۹۰ درصد بود؛ ۱۰ واحد درصد کمتر از اردیبهشت‌ماه (۱۰۰ درصد).',
    ],
    never: [...STRUCK, '۱۰ درصد کمتر'],
  },
  {
    month: '1403-02',
    says: [
      'سهم روابط‌عمومی‌های ضعیف دستگاه‌های اجرایی ایلام در اردیبهشت‌ماه در ۹۱ درصد ثابت ماند',
      'نسبت به فروردین‌ماه اندکی بهبود یافت؛ میانگین امتیاز ۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری ارزیابی‌شده از ۲۶٫۷۹ به ۲۸٫۰۴ از ۱۰۰ رسید.',
      'در فروردین و اردیبهشت‌ماه بدون تغییر ۹۱ درصد بود.',
      'همه روابط‌عمومی‌های فرمانداری‌ها در سطح ضعیف و بسیار ضعیف بودند، همانند فروردین‌ماه.',
    ],
    never: [...STRUCK, 'فروردین‌ماه بهبود یافت', '۱۰۰ درصد بود', 'نیز ۹۱ درصد بوده است'],
  },
  {
    month: '1403-01',
    says: [
      '۹۱ درصد روابط‌عمومی‌های دستگاه‌های اجرایی ایلام در فروردین‌ماه ضعیف ارزیابی شدند',
      'در ارزیابی فروردین‌ماه، عملکرد روابط‌عمومی ۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری استان ایلام سنجیده شد و میانگین امتیاز آن‌ها ۲۶٫۷۹ از ۱۰۰ بود.',
      'در دستگاه‌های اجرایی سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در فروردین‌ماه ۹۱ درصد بود.',
      'همه روابط‌عمومی‌های فرمانداری‌ها در سطح ضعیف و بسیار ضعیف بودند.',
    ],
    never: [...STRUCK, 'سنجیده شد و میانگین امتیاز آنها', 'بوده است', 'روند سال', 'بیشترین رشد'],
  },
];

describe.each(MONTHS)('the example’s release of $month', ({ month, says, never }) => {
  const { text, html } = release(month);
  it.each(says)('says «%s»', (phrase) => {
    expect(text).toContain(phrase);
    expect(html).toContain(phrase);
  });
  it('says none of the struck phrasings', () => {
    for (const phrase of never) {
      expect(text).not.toContain(phrase);
      expect(html).not.toContain(phrase);
    }
  });
});

describe('the example’s attachment', () => {
  it('spells «ارزیابی‌شده» with a ZWNJ, like the body', () => {
    const { csv } = release('1403-04');
    expect(csv).toContain('"ارزیابی‌شده"');
    expect(csv).not.toContain('ارزیابی شده');
  });
});
