/** The problem messages of the indicators and bands tabs, in Persian, for the clerk who fixes them. */
import { quote, faNumber, faRow } from './wording.ts';

export const definitionsMessages = {
  indicatorDuplicate(code: string, firstRow: number): string {
    return `کد شاخص ${quote(code)} تکراری است (پیش‌تر در ردیف ${faRow(firstRow)} آمده)؛ کد دیگری بنویسید یا این ردیف را پاک کنید.`;
  },
  indicatorCodeEmpty(): string {
    return 'کد شاخص خالی است؛ کدی کوتاه مانند «ش۱» بنویسید.';
  },
  indicatorDimensionEmpty(code: string): string {
    return `محور شاخص ${code} خالی است؛ نام محور را بنویسید (مثلاً «اطلاع‌رسانی»).`;
  },
  indicatorMaxInvalid(code: string, value: string): string {
    const what = value === '' ? 'خالی است' : `${quote(value)} پذیرفته نیست`;
    return `حداکثر امتیاز شاخص ${code} باید عددی بزرگ‌تر از صفر باشد؛ ${what}.`;
  },
  indicatorWeightInvalid(code: string, value: string): string {
    return `وزن شاخص ${code} باید عددی بزرگ‌تر از صفر باشد؛ ${quote(value)} پذیرفته نیست. برای وزن ۱ خانه را خالی بگذارید.`;
  },
  noIndicators(tab: string): string {
    return `هیچ شاخص درستی در برگه «${tab}» نیست؛ دست‌کم یک ردیف با کد، محور و حداکثر امتیاز بنویسید.`;
  },

  bandLabelEmpty(): string {
    return 'عنوان سطح خالی است؛ نامی مانند «خوب» بنویسید.';
  },
  bandLabelDuplicate(label: string, firstRow: number): string {
    return `عنوان سطح ${quote(label)} تکراری است (پیش‌تر در ردیف ${faRow(firstRow)} آمده)؛ هر سطح نام جداگانه‌ای می‌خواهد.`;
  },
  bandMinInvalid(label: string, value: string): string {
    const what = value === '' ? 'خالی است' : `${quote(value)} پذیرفته نیست`;
    return `حداقل امتیاز سطح ${quote(label)} باید عددی از ۰ تا ۱۰۰ باشد؛ ${what}.`;
  },
  bandFirstNotZero(label: string, min: number): string {
    return `پایین‌ترین سطح (${quote(label)}) باید از ۰ شروع شود، نه ${faNumber(min)}؛ حداقل امتیاز آن را ۰ بنویسید.`;
  },
  bandMinRepeated(label: string, other: string, min: number): string {
    return `حداقل امتیاز سطح ${quote(label)} با سطح ${quote(other)} یکی است (${faNumber(min)})؛ حداقل امتیاز هر سطح باید از سطح پایین‌ترش بیشتر باشد.`;
  },
  noBands(tab: string): string {
    return `هیچ سطح درستی در برگه «${tab}» نیست؛ سطح‌ها را با عنوان و حداقل امتیاز بنویسید (پایین‌ترین از ۰).`;
  },
};
