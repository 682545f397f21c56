/**
 * RawWorkbook fixtures built in code. `sampleWorkbook()` is a small valid workbook (the
 * run month is 1403-04, every active agency complete); tests change one thing in it with
 * `withTab` / `withoutTab` / `editCell`.
 */
import type { CellValue, RawTab, RawWorkbook } from '../../functions/core/contract/cells.ts';

export type Rows = CellValue[][];

export function tab(name: string, rows: Rows): RawTab {
  return { name, rows };
}

export function workbook(...tabs: RawTab[]): RawWorkbook {
  return { tabs };
}

export const SAMPLE_MONTH = '1403-04';

export function sampleTabs(): Record<string, Rows> {
  return {
    تنظیمات: [
      ['کلید', 'مقدار'],
      ['استان', 'ایلام'],
      ['سخنگو', 'آیت قیصربیگی'],
      ['سمت سخنگو', 'مدیرکل روابط عمومی استانداری'],
      ['روش رتبه‌بندی', 'فشرده'],
      ['تعداد رتبه‌ها', 3],
      ['تعداد سطوح ضعیف', 2],
      ['محورهای خبر', 'اطلاع‌رسانی، پاسخگویی'],
      ['درخواست اجرا', ''],
      ['وضعیت اجرا', ''],
    ],
    شاخص‌ها: [
      ['کد', 'عنوان', 'محور', 'حداکثر امتیاز', 'وزن'],
      ['ش۱', 'انتشار به‌موقع خبر', 'اطلاع‌رسانی', 10, 1],
      ['ش۲', 'پوشش رسانه‌ای', 'اطلاع‌رسانی', 10, ''],
      ['ش۳', 'پاسخ به پیام مردم', 'پاسخگویی', 10, 2],
      ['ش۴', 'طرح نو', 'نوآوری', 5, 1],
    ],
    سطوح: [
      ['عنوان', 'حداقل امتیاز'],
      ['بسیار ضعیف', 0],
      ['ضعیف', 20],
      ['متوسط', 40],
      ['خوب', 60],
      ['بسیار خوب', 80],
    ],
    دستگاه‌ها: [
      ['شناسه', 'نام', 'گروه', 'فعال', 'ایمیل'],
      ['a01', 'اداره کل برق', 'دستگاه اجرایی', 'بله', 'pr@barq.example.ir'],
      ['a02', 'اداره کل بهزیستی', 'دستگاه اجرایی', '', ''],
      ['a03', 'اداره کل راهداری', 'دستگاه اجرایی', 'خیر', ''],
      ['f01', 'فرمانداری بدره', 'فرمانداری', 'yes', ''],
      ['f02', 'فرمانداری دهلران', 'فرمانداری', true, ''],
    ],
    امتیازها: [
      ['ماه', 'دستگاه', 'ش۱', 'ش۲', 'ش۳', 'ش۴', 'توضیحات'],
      ['1403-03', 'a01', 5, 6, 7, 2, ''],
      ['1403-04', 'a01', 8, 9, 10, 5, 'کامل'],
      ['1403-04', 'a02', '۷/۵', 4, 3, 1, ''],
      ['1403-04', 'f01', 2, 2, 2, 2, ''],
      ['1403-04', 'f02', 10, 10, 10, 5, ''],
    ],
    گیرندگان: [
      ['ایمیل', 'نام', 'فعال'],
      ['news@example.ir', 'خبرگزاری', 'بله'],
      ['editor@example.ir', '', ''],
    ],
  };
}

export function fromTabs(tabs: Record<string, Rows>): RawWorkbook {
  return { tabs: Object.entries(tabs).map(([name, rows]) => tab(name, rows)) };
}

/** The sample workbook, with some tabs' rows replaced. */
export function sampleWorkbook(replace: Record<string, Rows> = {}): RawWorkbook {
  return fromTabs({ ...sampleTabs(), ...replace });
}

/** The sample workbook without one tab. */
export function withoutTab(name: string): RawWorkbook {
  return fromTabs(
    Object.fromEntries(Object.entries(sampleTabs()).filter(([title]) => title !== name)),
  );
}

/** The sample workbook with one cell changed (zero-based row and column; the row is grown as needed). */
export function editCell(name: string, row: number, column: number, value: CellValue): RawWorkbook {
  const tabs = sampleTabs();
  const rows = tabs[name];
  if (!rows) throw new Error(`no tab ${name} in the sample`);
  const cells = rows[row] ?? [];
  while (cells.length <= column) cells.push(null);
  cells[column] = value;
  rows[row] = cells;
  return fromTabs(tabs);
}

/** The sample workbook with rows appended to one tab. */
export function withRows(name: string, ...extra: Rows): RawWorkbook {
  const tabs = sampleTabs();
  const rows = tabs[name];
  if (!rows) throw new Error(`no tab ${name} in the sample`);
  rows.push(...extra);
  return fromTabs(tabs);
}
