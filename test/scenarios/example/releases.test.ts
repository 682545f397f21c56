import { describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { createReleaseRenderer } from '../../../functions/adapters/mail/render-release.ts';
import { computeResults } from '../../../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import {
  releaseWording,
  type ReleaseInput,
} from '../../../functions/core/release/release-input.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { DEFAULT_EXAMPLE_PATH } from '../../../scripts/make-example.ts';

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
    contentHash: 'abc123',
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

/** Struck in issue 20: labels, ranks and internal text that a reader took wrongly. */
const UNTRUE = [
  'روابط‌عمومی‌های ضعیف دستگاه‌های',
  'درصد ضعیف، میانگین',
  'زیر ۲۰',
  ' ۲۰ تا ۴۰',
  'ویژه دبیرخانه',
  'شناسه اجرا',
  'چکیده داده‌ها',
  'از آنِ',
  'در برابر',
  'رتبه سیزدهم',
  '٫۵۰',
  '٫۷۰',
  '٫۰۰',
  'فایل پیوست آمده',
];

const MONTHS: MonthCase[] = [
  {
    month: '1403-04',
    says: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در تیرماه به ۴۱ درصد کاهش یافت',
      'به گزارش روابط‌عمومی استانداری ایلام، آیت قیصربیگی',
      'نسبت به خردادماه بهبود یافت؛ میانگین امتیاز ۱۰۰ دستگاه اجرایی از ۳۷٫۲۱ به ۴۲٫۷۶ و میانگین ۱۰ فرمانداری از ۲۸٫۸۳ به ۳۱٫۹۵ (از ۱۰۰) رسید.',
      'از ۴۰٫۰۷ در خردادماه به ۴۶٫۰۸ در تیرماه رسید و ۱۵ درصد رشد داشت.',
      'این در حالی است که در خردادماه ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و تنها ۲ درصد خوب ارزیابی شده بودند.',
      'از ۹۱ درصد در فروردین و اردیبهشت و ۵۶ درصد در خرداد، در تیرماه به ۴۱ درصد کاهش یافت.',
      'در نوآوری از ۲۸٫۶۳ به ۳۲٫۷۹ رسید؛ نوآوری با فاصله از دیگر محورها ضعیف‌ترین محور است.',
      'از ۱۰ فرمانداری ارزیابی‌شده در تیرماه، عملکرد ۱۰ درصد (۱ فرمانداری) بسیار ضعیف، ۷۰ درصد (۷ فرمانداری) ضعیف و ۲۰ درصد (۲ فرمانداری) متوسط بود.',
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در فرمانداری‌ها ۸۰ درصد (۸ فرمانداری از ۱۰) بود که نسبت به خردادماه (۹۰ درصد؛ ۹ فرمانداری از ۱۰) ۱۰ واحد درصد کاهش دارد.',
      'روابط‌عمومی‌های فرمانداری‌ها نیازمند تقویت است.',
      'بسیار ضعیف کمتر از ۲۰، ضعیف ۲۰ تا کمتر از ۴۰، متوسط ۴۰ تا کمتر از ۶۰، خوب ۶۰ تا کمتر از ۸۰ و بسیار خوب ۸۰ و بالاتر.',
      'قیصربیگی هدف از ارزیابی ماهانه را شفافیت در گزارش عملکرد به مردم، تقویت جایگاه مردم در سازمان‌ها و نهادها و اطلاع‌رسانی صریح و به‌موقع عنوان کرد.',
      'در دستگاه‌های اجرایی، رتبه‌های اول تا سوم به این شرح است:',
      'دو دستگاه اجرایی امتیاز بیشتری گرفتند',
      'چهار دستگاه اجرایی امتیاز بیشتری گرفتند',
      'فرمانداری‌های بدره، دهلران و چرداول به ترتیب رتبه‌های اول تا سوم را کسب کردند.',
      'بیشترین رشد امتیاز در دستگاه‌های اجرایی از آن بانک ملت بود که امتیازش از ۹٫۵ در خردادماه به ۲۷ رسید.',
      'سازمان مدیریت و برنامه‌ریزی که در خردادماه رتبه اول را داشت، در تیرماه با ۵۷ امتیاز (در خردادماه ۶۶٫۵) به جایگاه شانزدهم نزول کرد.',
      'رتبه‌بندی تیرماه',
      'روند سال ۱۴۰۳',
      'این گزارش در ۵ مرداد ۱۴۰۳ از داده‌های ثبت‌شده دستگاه‌ها تهیه شده است.',
    ],
    never: [...STRUCK, ...UNTRUE, '۱۰ درصد کمتر', 'در تیر به', 'رتبه‌های تیر'],
  },
  {
    month: '1403-03',
    says: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در خردادماه به ۵۶ درصد کاهش یافت',
      'عملکرد ۱۲ درصد بسیار ضعیف، ۴۴ درصد ضعیف، ۴۲ درصد متوسط و تنها ۲ درصد خوب بود؛',
      'از ۹۱ درصد در فروردین و اردیبهشت، در خردادماه به ۵۶ درصد کاهش یافت.',
      'در فرمانداری‌ها ۹۰ درصد (۹ فرمانداری از ۱۰) بود که نسبت به اردیبهشت‌ماه (۱۰۰ درصد؛ ۱۰ فرمانداری از ۱۰) ۱۰ واحد درصد کاهش دارد.',
      'سازمان ملی زمین و مسکن که در اردیبهشت‌ماه رتبه اول را داشت، در خردادماه با ۵۳٫۷۵ امتیاز (در اردیبهشت‌ماه ۵۸٫۲۵) به جایگاه پانزدهم نزول کرد.',
    ],
    never: [...STRUCK, ...UNTRUE, '۱۰ درصد کمتر'],
  },
  {
    month: '1403-02',
    says: [
      'سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف دستگاه‌های اجرایی ایلام در اردیبهشت‌ماه در ۹۱ درصد ثابت ماند',
      'نسبت به فروردین‌ماه اندکی بهبود یافت؛ میانگین امتیاز ۱۰۰ دستگاه اجرایی از ۲۷٫۰۶ به ۲۸٫۳۲ و میانگین ۱۰ فرمانداری از ۲۴٫۰۸ به ۲۵٫۲۳ (از ۱۰۰) رسید.',
      'در فروردین و اردیبهشت‌ماه بدون تغییر ۹۱ درصد بود.',
      'همه روابط‌عمومی‌های فرمانداری‌ها در سطح ضعیف یا بسیار ضعیف بودند، همانند فروردین‌ماه.',
    ],
    never: [...STRUCK, ...UNTRUE, 'فروردین‌ماه بهبود یافت', '۱۰۰ درصد بود', 'نیز ۹۱ درصد بوده است'],
  },
  {
    month: '1403-01',
    says: [
      'عملکرد ۹۱ درصد روابط‌عمومی‌های دستگاه‌های اجرایی ایلام در فروردین‌ماه زیر سطح متوسط بود',
      'در ارزیابی فروردین‌ماه، عملکرد روابط‌عمومی ۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری استان ایلام سنجیده شد؛ میانگین امتیاز دستگاه‌های اجرایی ۲۷٫۰۶ و فرمانداری‌ها ۲۴٫۰۸ (از ۱۰۰) بود.',
      'در دستگاه‌های اجرایی سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در فروردین‌ماه ۹۱ درصد بود.',
      'همه روابط‌عمومی‌های فرمانداری‌ها در سطح ضعیف یا بسیار ضعیف بودند.',
      'به گفته وی، در فروردین‌ماه هیچ دستگاه اجرایی یا فرمانداری در این ارزیابی‌ها به سطح «بسیار خوب» نرسید.',
      // A name with «و» inside: the ranks one agency a line (F-S5).
      'در دستگاه‌های اجرایی، رتبه‌های اول تا سوم به این شرح است:',
    ],
    never: [
      ...STRUCK,
      ...UNTRUE,
      'ضعیف ارزیابی شدند',
      '۲۶٫۷۹',
      'تاکنون',
      'بوده است',
      'روند سال',
      'بیشترین رشد',
    ],
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
