/**
 * The bundled example: Ilam province, Farvardin to Tir 1403, reproducing the council's
 * Tir 1403 press release (/work/shared/seed). Names, indicators, settings and the score
 * design (band counts per month, the Tir podium); example-scores.ts turns the design into
 * indicator values.
 */
import type { CellValue } from '../functions/core/contract/cells.ts';
import { DEFAULT_BANDS } from '../functions/core/contract/tabs.ts';

export const MONTHS = ['1403-01', '1403-02', '1403-03', '1403-04'] as const;
export type ExampleMonth = (typeof MONTHS)[number];

export const INFORMING = 'اطلاع‌رسانی';
export const RESPONSIVENESS = 'پاسخگویی';
export const INNOVATION = 'نوآوری';
/** The dimensions whose combined score leads the release (settings `headline_dimensions`). */
export const HEADLINE_DIMENSIONS = [INFORMING, RESPONSIVENESS];

export const EXECUTIVE = 'دستگاه اجرایی';
export const GOVERNORATE = 'فرمانداری';
export const GROUPS = [EXECUTIVE, GOVERNORATE] as const;

/** Settings rows, key then value, as in the settings tab (Persian keys). */
export const SETTINGS: [string, CellValue][] = [
  ['استان', 'ایلام'],
  ['سخنگو', 'آیت قیصربیگی'],
  [
    'سمت سخنگو',
    'مدیرکل روابط‌عمومی و امور بین‌الملل استانداری ایلام و دبیر شورای هماهنگی روابط‌عمومی‌های استان',
  ],
  ['روش رتبه‌بندی', 'فشرده'],
  ['تعداد رتبه‌ها', 3],
  ['تعداد سطوح ضعیف', 2],
  ['محورهای خبر', HEADLINE_DIMENSIONS.join('، ')],
  ['درخواست اجرا', null],
  ['وضعیت اجرا', null],
  ['منبع خبر', 'روابط‌عمومی استانداری ایلام'],
  [
    'هدف ارزیابی',
    'شفافیت در گزارش عملکرد به مردم، تقویت جایگاه مردم در سازمان‌ها و نهادها و اطلاع‌رسانی صریح و به‌موقع',
  ],
];

export interface ExampleIndicator {
  code: string;
  title: string;
  dimension: string;
  max: number;
  weight: number;
}

const toPersian = (n: number): string =>
  String(n).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);

const INDICATOR_LIST: [string, string, number][] = [
  // اطلاع‌رسانی (8)
  [INFORMING, 'انتشار به‌موقع اخبار و رویدادهای دستگاه', 20],
  [INFORMING, 'به‌روزرسانی پایگاه اطلاع‌رسانی (وب‌سایت) دستگاه', 10],
  [INFORMING, 'فعالیت در پیام‌رسان‌های داخلی و شبکه‌های اجتماعی', 10],
  [INFORMING, 'تولید محتوای چندرسانه‌ای (عکس، فیلم، اینفوگرافیک)', 10],
  [INFORMING, 'برگزاری نشست خبری و گفت‌وگوی رسانه‌ای مدیر', 5],
  [INFORMING, 'بازتاب اخبار دستگاه در رسانه‌های استانی و ملی', 10],
  [INFORMING, 'اطلاع‌رسانی برنامه‌ها و دستاوردهای دولت', 5],
  [INFORMING, 'پوشش خبری مناسبت‌ها و رویدادهای استان', 5],
  // پاسخگویی (7)
  [RESPONSIVENESS, 'پاسخگویی به پرسش‌ها و مطالبات رسانه‌ها', 20],
  [RESPONSIVENESS, 'رسیدگی به پیام‌های سامانه ارتباط مردم و دولت (سامد)', 10],
  [RESPONSIVENESS, 'پاسخ به انتقادها و گزارش‌های منتشرشده در رسانه‌ها', 10],
  [RESPONSIVENESS, 'ملاقات عمومی و دیدار چهره‌به‌چهره مدیر با مردم', 5],
  [RESPONSIVENESS, 'پاسخگویی تلفنی و میز خدمت', 5],
  [RESPONSIVENESS, 'پاسخ به‌موقع به درخواست‌های شورای هماهنگی روابط‌عمومی‌ها', 5],
  [RESPONSIVENESS, 'نظرسنجی و سنجش رضایت مراجعان', 10],
  // نوآوری (5)
  [INNOVATION, 'طرح‌ها و ابتکارهای نو در اطلاع‌رسانی', 20],
  [INNOVATION, 'به‌کارگیری فناوری‌های نوین ارتباطی', 5],
  [INNOVATION, 'تولید پادکست و برنامه‌های ویژه', 5],
  [INNOVATION, 'برگزاری پویش‌ها و کمپین‌های مردمی', 5],
  [INNOVATION, 'مستندسازی و آرشیو دیجیتال تجربه‌ها', 5],
];

/** Twenty indicators, codes ش۱ … ش۲۰ (Persian digits; the parser normalizes digits). */
export const INDICATORS: ExampleIndicator[] = INDICATOR_LIST.map(([dimension, title, max], i) => ({
  code: `ش${toPersian(i + 1)}`,
  title,
  dimension,
  max,
  weight: 1,
}));

export const BANDS = DEFAULT_BANDS;

export interface ExampleAgency {
  id: string;
  name: string;
  group: string;
  active: boolean;
  email: string | null;
}

/** The article's agencies, by id. */
export const ROADS = 'd004';
export const ELECTRICITY = 'd005';
export const WELFARE = 'd006';
export const LABOUR = 'd007';
export const INDUSTRY = 'd008';
export const BADREH = 'f04';
export const DEHLORAN = 'f07';
export const CHARDAVOL = 'f05';

const EXECUTIVE_NAMES = [
  'اداره کل آموزش و پرورش',
  'دانشگاه علوم پزشکی ایلام',
  'اداره کل راه و شهرسازی',
  'اداره کل راهداری و حمل و نقل جاده‌ای',
  'شرکت توزیع نیروی برق',
  'اداره کل بهزیستی',
  'اداره کل تعاون، کار و رفاه اجتماعی',
  'سازمان صنعت، معدن و تجارت',
  'سازمان جهاد کشاورزی',
  'اداره کل منابع طبیعی و آبخیزداری',
  'اداره کل حفاظت محیط زیست',
  'شرکت آب منطقه‌ای',
  'شرکت آب و فاضلاب',
  'شرکت گاز',
  'اداره کل میراث فرهنگی، گردشگری و صنایع‌دستی',
  'اداره کل فرهنگ و ارشاد اسلامی',
  'اداره کل ورزش و جوانان',
  'اداره کل امور اقتصادی و دارایی',
  'اداره کل امور مالیاتی',
  'سازمان مدیریت و برنامه‌ریزی',
  'اداره کل ثبت اسناد و املاک',
  'اداره کل ثبت احوال',
  'اداره کل کمیته امداد امام خمینی (ره)',
  'اداره کل تأمین اجتماعی',
  'اداره کل بیمه سلامت',
  'اداره کل آموزش فنی و حرفه‌ای',
  'اداره کل ارتباطات و فناوری اطلاعات',
  'شرکت مخابرات منطقه ایلام',
  'اداره کل پست',
  'اداره کل هواشناسی',
  'اداره کل مدیریت بحران',
  'جمعیت هلال‌احمر',
  'اداره کل اوقاف و امور خیریه',
  'اداره کل تبلیغات اسلامی',
  'اداره کل کتابخانه‌های عمومی',
  'اداره کل استاندارد',
  'اداره کل دامپزشکی',
  'بنیاد شهید و امور ایثارگران',
  'بنیاد مسکن انقلاب اسلامی',
  'اداره کل امور عشایر',
  'شرکت شهرک‌های صنعتی',
  'سازمان همیاری شهرداری‌ها',
  'شهرداری ایلام',
  'اداره کل نوسازی، توسعه و تجهیز مدارس',
  'اداره کل تعزیرات حکومتی',
  'اداره کل انتقال خون',
  'اداره کل غله و خدمات بازرگانی',
  'گمرک ایلام',
  'گمرک مهران',
  'اداره کل فرودگاه‌ها',
  'شرکت ملی پخش فرآورده‌های نفتی منطقه ایلام',
  'شرکت بهره‌برداری نفت و گاز غرب',
  'شرکت پالایش گاز ایلام',
  'شرکت پتروشیمی ایلام',
  'دانشگاه ایلام',
  'دانشگاه آزاد اسلامی واحد ایلام',
  'دانشگاه پیام نور',
  'دانشگاه فنی و حرفه‌ای',
  'جهاد دانشگاهی',
  'پارک علم و فناوری',
  'بنیاد نخبگان',
  'اداره کل کانون پرورش فکری کودکان و نوجوانان',
  'سازمان دانش‌آموزی',
  'اداره کل حج و زیارت',
  'اداره کل امور اتباع و مهاجرین خارجی',
  'منطقه ویژه اقتصادی مهران',
  'اتاق بازرگانی، صنایع، معادن و کشاورزی',
  'سازمان نظام مهندسی ساختمان',
  'سازمان نظام مهندسی کشاورزی و منابع طبیعی',
  'سازمان نظام پزشکی ایلام',
  'صدا و سیمای مرکز ایلام',
  'مرکز اورژانس پیش‌بیمارستانی و مدیریت حوادث',
  'صندوق کارآفرینی امید',
  'صندوق بیمه اجتماعی کشاورزان، روستاییان و عشایر',
  'اداره کل آموزش و پرورش استثنایی',
  'اداره کل نهضت سوادآموزی',
  'اداره کل صندوق بازنشستگی کشوری',
  'بنیاد مستضعفان',
  'سازمان جمع‌آوری و فروش اموال تملیکی',
  'مرکز آموزش علمی-کاربردی',
  'سازمان تاکسیرانی شهرداری ایلام',
  'ستاد خدمات سفر',
  'سازمان ملی زمین و مسکن',
  'آزمایشگاه فنی و مکانیک خاک',
  'شرکت خدمات حمایتی کشاورزی',
  'ستاد بازسازی عتبات عالیات',
  'دبیرخانه شورای هماهنگی مبارزه با مواد مخدر',
  'بانک ملی',
  'بانک سپه',
  'بانک کشاورزی',
  'بانک مسکن',
  'بانک صادرات',
  'بانک ملت',
  'بانک تجارت',
  'بانک رفاه کارگران',
  'پست بانک',
  'بانک توسعه تعاون',
  'بانک قرض‌الحسنه مهر ایران',
  'بیمه ایران',
  'بیمه آسیا',
];

const COUNTIES = [
  'ایلام',
  'آبدانان',
  'ایوان',
  'بدره',
  'چرداول',
  'دره‌شهر',
  'دهلران',
  'ملکشاهی',
  'مهران',
  'سیروان',
];

const EMAILS: Record<string, string> = {
  d001: 'pr.amoozesh@example.org',
  [ROADS]: 'pr.rahdari@example.org',
  [WELFARE]: 'pr.behzisti@example.org',
  d043: 'pr.shahrdari@example.org',
  f01: 'pr.farmandari.ilam@example.org',
};

/** Every agency has an address, so the demo shows each agency's card. */
const emailOf = (id: string): string => EMAILS[id] ?? `pr.${id}@example.org`;

export const AGENCIES: ExampleAgency[] = [
  ...EXECUTIVE_NAMES.map((name, i) => {
    const id = `d${String(i + 1).padStart(3, '0')}`;
    return { id, name, group: EXECUTIVE, active: true, email: emailOf(id) };
  }),
  // Inactive (merged long ago): listed, d101 with two old rows, never counted.
  {
    id: 'd101',
    name: 'اداره کل بازرگانی',
    group: EXECUTIVE,
    active: false,
    email: emailOf('d101'),
  },
  {
    id: 'd102',
    name: 'سازمان مسکن و شهرسازی',
    group: EXECUTIVE,
    active: false,
    email: emailOf('d102'),
  },
  ...COUNTIES.map((county, i) => {
    const id = `f${String(i + 1).padStart(2, '0')}`;
    return {
      id,
      name: `فرمانداری ${county}`,
      group: GOVERNORATE,
      active: true,
      email: emailOf(id),
    };
  }),
];

export const RECIPIENTS: { email: string; name: string; active: boolean }[] = [
  { email: 'dabirkhaneh@example.org', name: 'دبیرخانه شورای هماهنگی روابط‌عمومی‌ها', active: true },
  { email: 'z.moradi@example.org', name: 'زهرا مرادی', active: true },
  { email: 'h.nazari@example.org', name: 'حسین نظری', active: true },
];

/**
 * Target band counts (very weak, weak, average, good, very good) per group per month.
 * Executive agencies are 100, so counts are the article's percentages.
 */
export const BAND_COUNTS: Record<string, Record<ExampleMonth, number[]>> = {
  [EXECUTIVE]: {
    '1403-01': [30, 61, 9, 0, 0],
    '1403-02': [22, 69, 9, 0, 0],
    '1403-03': [12, 44, 42, 2, 0],
    '1403-04': [4, 37, 50, 9, 0],
  },
  [GOVERNORATE]: {
    '1403-01': [4, 6, 0, 0, 0],
    '1403-02': [3, 7, 0, 0, 0],
    '1403-03': [2, 7, 1, 0, 0],
    '1403-04': [1, 7, 2, 0, 0],
  },
};

/**
 * Tir's podium, as exact scores ×4 (the example's scores are multiples of 0.25):
 * Roads = Electricity 71.50, Welfare = Labour 69.75, Industry 68.25; Badreh 47.25,
 * Dehloran 43.50, Chardavol 38.25 (the best of the weak). Higher `order` sorts higher.
 */
export const TIR_PODIUM: { id: string; quarterPoints: number; order: number }[] = [
  { id: ROADS, quarterPoints: 286, order: 5 },
  { id: ELECTRICITY, quarterPoints: 286, order: 4 },
  { id: WELFARE, quarterPoints: 279, order: 3 },
  { id: LABOUR, quarterPoints: 279, order: 2 },
  { id: INDUSTRY, quarterPoints: 273, order: 1 },
  { id: BADREH, quarterPoints: 189, order: 3 },
  { id: DEHLORAN, quarterPoints: 174, order: 2 },
  { id: CHARDAVOL, quarterPoints: 153, order: 1 },
];

/** The target headline change, Tir against Khordad, executive agencies (percent). */
export const HEADLINE_CHANGE = 15;

/** Notes on a few rows (توضیحات). */
export const NOTES: { month: ExampleMonth; agencyId: string; note: string }[] = [
  { month: '1403-01', agencyId: 'd101', note: 'ادغام‌شده؛ از ارزیابی خارج می‌شود' },
  { month: '1403-01', agencyId: 'd031', note: 'گزارش با تأخیر رسید' },
  { month: '1403-02', agencyId: 'd101', note: 'ادغام‌شده؛ از ارزیابی خارج می‌شود' },
  { month: '1403-02', agencyId: 'f09', note: 'مدیر روابط‌عمومی جدید منصوب شد' },
  { month: '1403-03', agencyId: 'd052', note: 'بازبینی‌شده توسط دبیرخانه' },
  { month: '1403-04', agencyId: ROADS, note: 'پوشش خبری ویژه طرح‌های راهداری تابستانه' },
  { month: '1403-04', agencyId: 'd077', note: 'امتیاز ش۱۰ پس از اعتراض اصلاح شد' },
];

/** Seeded PRNG (mulberry32): the example never touches Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from text (FNV-1a), so every agency-month has its own stream. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
