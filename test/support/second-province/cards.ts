// A second province for the card and reminder tests: three groups, a drop-out, ties at the bottom, a deadline.
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import type { Rows } from '../raw-workbooks.ts';
import { SCORE_20, SCORE_40, SCORE_50, SCORE_60, SCORE_94 } from '../card-fixtures.ts';

/**
 * Kermanshah, Khordad and Tir 1403, on the sample's four indicators (ش۴ has a maximum of 5):
 * - executive agencies (six in Khordad, five in Tir: e06, Khordad's leader, sends no Tir
 *   row): in Tir e01 94, e02 and e03 60, e04 and e05 20 (a tie at the bottom; dense ranks
 *   1, 2, 2, 3, 3 and standings 1, 2, 2, 4, 4);
 * - governorates (three: a small group), g02 and g03 tied at the bottom in Tir;
 * - municipalities: m01 alone in Khordad, m02 joins in Tir.
 * Settings: a deadline (day 10 of the next month), the secretariat's name and a contact.
 */
export const SECRETARIAT = 'دبیرخانه شورای هماهنگی روابط‌عمومی‌های استان کرمانشاه';
export const CONTACT = 'pr-council@kermanshah.example.ir';

const SETTINGS: Rows = [
  ['کلید', 'مقدار'],
  ['استان', 'کرمانشاه'],
  ['سخنگو', 'مریم احمدی'],
  ['سمت سخنگو', 'مدیرکل روابط‌عمومی استانداری کرمانشاه'],
  ['روش رتبه‌بندی', 'فشرده'],
  ['تعداد رتبه‌ها', 3],
  ['مهلت ثبت', 10],
  ['روزهای یادآوری', '۳، ۱'],
  ['دبیرخانه', SECRETARIAT],
  ['راه تماس', CONTACT],
];

const agency = (id: string, name: string, group: string): CellValue[] => [
  id,
  name,
  group,
  'بله',
  `pr.${id}@kermanshah.example.ir`,
];

const AGENCIES: Rows = [
  ['شناسه', 'نام', 'گروه', 'فعال', 'ایمیل'],
  agency('e01', 'اداره کل آموزش و پرورش', 'دستگاه اجرایی'),
  agency('e02', 'اداره کل تعاون، کار و رفاه اجتماعی', 'دستگاه اجرایی'),
  agency('e03', 'سازمان صنعت، معدن و تجارت', 'دستگاه اجرایی'),
  agency('e04', 'اداره کل بنادر', 'دستگاه اجرایی'),
  agency('e05', 'شرکت آب منطقه‌ای', 'دستگاه اجرایی'),
  agency('e06', 'اداره کل ورزش و جوانان', 'دستگاه اجرایی'),
  agency('g01', 'فرمانداری اسلام‌آباد غرب', 'فرمانداری'),
  agency('g02', 'فرمانداری سنقر', 'فرمانداری'),
  agency('g03', 'فرمانداری پاوه', 'فرمانداری'),
  agency('m01', 'شهرداری کرمانشاه', 'شهرداری'),
  agency('m02', 'شهرداری هرسین', 'شهرداری'),
];

const row = (month: string, id: string, values: CellValue[]): CellValue[] => [month, id, ...values];

export const SCORES: Rows = [
  ['ماه', 'دستگاه', 'ش۱', 'ش۲', 'ش۳', 'ش۴'],
  row('1403-03', 'e01', SCORE_50),
  row('1403-03', 'e02', SCORE_60),
  row('1403-03', 'e03', SCORE_40),
  row('1403-03', 'e04', SCORE_40),
  row('1403-03', 'e05', SCORE_20),
  row('1403-03', 'e06', SCORE_94),
  row('1403-03', 'g01', SCORE_40),
  row('1403-03', 'g02', SCORE_60),
  row('1403-03', 'g03', SCORE_20),
  row('1403-03', 'm01', SCORE_50),
  row('1403-04', 'e01', SCORE_94),
  row('1403-04', 'e02', SCORE_60),
  row('1403-04', 'e03', SCORE_60),
  row('1403-04', 'e04', SCORE_20),
  row('1403-04', 'e05', SCORE_20),
  row('1403-04', 'g01', SCORE_60),
  row('1403-04', 'g02', SCORE_40),
  row('1403-04', 'g03', SCORE_40),
  row('1403-04', 'm01', SCORE_40),
  row('1403-04', 'm02', SCORE_50),
];

/** The tabs that differ from the sample's (indicators, bands and recipients are the sample's). */
export function secondProvince(scores: Rows = SCORES): Record<string, Rows> {
  return { تنظیمات: SETTINGS, دستگاه‌ها: AGENCIES, امتیازها: scores };
}
