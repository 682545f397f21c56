// The second province's agencies and scores (Lorestan, Farvardin to Khordad 1404): see second-province.ts.
import { MONTHS } from './second-province-months.ts';

export const EXECUTIVE = 'دستگاه اجرایی';
export const GOVERNORATE = 'فرمانداری';
export const MUNICIPALITY = 'شهرداری';

export const EXECUTIVE_NAMES = [
  'اداره کل ورزش و جوانان',
  'بانک سپه',
  'آب منطقه‌ای',
  'اداره کل تعاون، کار و رفاه اجتماعی',
  'سازمان جهاد کشاورزی',
  'اداره کل بهزیستی',
  'شرکت گاز',
  'دانشگاه لرستان',
  'اداره کل فرهنگ و ارشاد اسلامی',
  'سازمان صنعت، معدن و تجارت',
  'بنیاد مسکن انقلاب اسلامی',
  'اداره کل منابع طبیعی',
  'شرکت توزیع نیروی برق',
  'اداره کل راه و شهرسازی',
  'بانک ملی',
  'اداره کل آموزش و پرورش',
  'سازمان مدیریت و برنامه‌ریزی',
  'اداره کل امور مالیاتی',
  'اداره کل ثبت اسناد و املاک',
  'اداره کل دامپزشکی',
  'اداره کل میراث فرهنگی',
  'بیمه سلامت',
];

/** Per month: executive scores in EXECUTIVE_NAMES order (null: no row). */
export const EXECUTIVE_SCORES: Record<(typeof MONTHS)[number], (number | null)[]> = {
  '1404-01': [
    70, 66, 62, 58, 55, 52, 50, 48, 46, 44, 42, 40, 38, 36, 34, 32, 30, 28, 25, 22, 18, 15,
  ],
  '1404-02': [
    88, 88, 75, 60, 57, 53, 51, 49, 47, 45, 43, 41, 39, 37, 35, 33, 31, 29, 26, 20, 12, 12,
  ],
  '1404-03': [
    60,
    85,
    90,
    61,
    58,
    54,
    52,
    50,
    48,
    46,
    44,
    42,
    40,
    38,
    36,
    34,
    32,
    30,
    27,
    21,
    13,
    null,
  ],
};

export const GOVERNORATES = [
  'فرمانداری خرم‌آباد',
  'فرمانداری بروجرد',
  'فرمانداری دورود',
  'فرمانداری الیگودرز',
  'فرمانداری کوهدشت',
  'فرمانداری ازنا',
];
export const GOVERNORATE_SCORES: Record<(typeof MONTHS)[number], number[]> = {
  '1404-01': [45, 40, 35, 30, 25, 20],
  '1404-02': [50, 42, 36, 30, 24, 24],
  '1404-03': [52, 44, 38, 33, 26, 22],
};

export const MUNICIPALITIES = [
  'شهرداری خرم‌آباد',
  'شهرداری بروجرد',
  'شهرداری نورآباد',
  'شهرداری الشتر',
  'شهرداری چقابل',
];
export const MUNICIPALITY_SCORES: Record<(typeof MONTHS)[number], (number | null)[]> = {
  '1404-01': [30, 45, 50, 10, null],
  '1404-02': [42, 38, 40, null, 70],
  '1404-03': [44, 41, 42, null, 72],
};
