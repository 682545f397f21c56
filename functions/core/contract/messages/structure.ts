/** The problem messages of the workbook's structure (tabs, header rows), in Persian, for the clerk who fixes them. */
import { quote } from './wording.ts';

export const structureMessages = {
  tabMissing(label: string, key: string, fatal: boolean): string {
    const effect = fatal
      ? 'بدون آن کارنامه محاسبه نمی‌شود'
      : 'بدون آن خبرنامه برای هیچ گیرنده‌ای فرستاده نمی‌شود';
    return `برگه «${label}» در فایل نیست؛ برگه‌ای با نام «${label}» (یا ${key}) بسازید. ${effect}.`;
  },
  headerMissing(tab: string, label: string, key: string): string {
    return `ستون «${label}» در ردیف اول برگه «${tab}» نیست؛ عنوان «${label}» (یا ${key}) را در ردیف اول بنویسید.`;
  },
  tabDuplicate(tab: string, first: string, spec: { key: string; label: string }): string {
    return `برگه ${quote(tab)} و برگه ${quote(first)} هر دو برگه «${spec.label}» (${spec.key}) به شمار می‌آیند؛ یکی را پاک کنید یا نامش را تغییر دهید تا معلوم باشد کدام خوانده شود.`;
  },
  tabUnmarked(tab: string, marked: string, spec: { key: string; label: string }): string {
    return `برگه ${quote(tab)} نام برگه «${spec.label}» (${spec.key}) را دارد ولی کارنامه آن را نساخته است؛ برگه «${spec.label}» همان برگه ${quote(marked)} است و این برگه خوانده نمی‌شود. اگر به آن نیازی نیست، پاکش کنید یا نامش را تغییر دهید.`;
  },
  headerDuplicate(tab: string, label: string, firstCell: string): string {
    return `ستون «${label}» در ردیف اول برگه «${tab}» دو بار آمده است (پیش‌تر در خانه ${firstCell})؛ یکی را پاک کنید یا عنوانش را تغییر دهید تا معلوم باشد کدام خوانده شود.`;
  },
  indicatorColumnDuplicate(tab: string, code: string, firstCell: string): string {
    return `دو ستون در برگه «${tab}» عنوان شاخص ${code} را دارند (پیش‌تر در خانه ${firstCell})؛ یکی را پاک کنید یا عنوانش را تغییر دهید تا معلوم باشد امتیاز کدام خوانده شود.`;
  },
  indicatorColumnMissing(tab: string, code: string): string {
    return `ستون شاخص ${code} در ردیف اول برگه «${tab}» نیست؛ ستونی با عنوان «${code}» بسازید تا امتیازهای این شاخص خوانده شود.`;
  },
};
