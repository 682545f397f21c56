/** The problem messages of the agencies and groups tabs, in Persian, for the clerk who fixes them. */
import { quote, faRow, faList } from './wording.ts';

export const agenciesMessages = {
  agencyDuplicate(id: string, firstRow: number): string {
    return `شناسه دستگاه ${quote(id)} تکراری است (پیش‌تر در ردیف ${faRow(firstRow)} آمده)؛ شناسه دیگری بنویسید یا این ردیف را پاک کنید.`;
  },
  agencyIdEmpty(): string {
    return 'شناسه دستگاه خالی است؛ شناسه‌ای کوتاه و یکتا مانند «a01» بنویسید.';
  },
  agencyNameEmpty(id: string): string {
    return `نام دستگاه ${quote(id)} خالی است؛ نام دستگاه را بنویسید. تا آن زمان این دستگاه ارزیابی‌نشده شمرده می‌شود و کارنامه فرستاده نمی‌شود.`;
  },
  agencyGroupEmpty(id: string): string {
    return `گروه دستگاه ${quote(id)} خالی است؛ گروه را بنویسید (مثلاً «دستگاه اجرایی» یا «فرمانداری»). تا آن زمان این دستگاه ارزیابی‌نشده شمرده می‌شود و کارنامه فرستاده نمی‌شود.`;
  },
  agencyCellFormula(what: 'شناسه' | 'نام' | 'گروه', id?: string): string {
    const whose = id === undefined ? 'دستگاه' : `دستگاه ${quote(id)}`;
    return `${what} ${whose} با فرمول نوشته شده و فرمول مقداری ندارد (حساب نشده یا به خانهٔ خالی می‌رسد)؛ فرمول را درست کنید یا ${what} را مستقیم بنویسید. (فایلی که برنامهٔ دیگری ساخته، یک بار در Excel یا Google Sheets باز و ذخیره شود تا فرمول‌ها حساب شوند.) تا آن زمان این دستگاه ارزیابی‌نشده شمرده می‌شود و کارنامه فرستاده نمی‌شود.`;
  },
  agencyActiveInvalid(name: string, value: string): string {
    return `مقدار «فعال» دستگاه ${quote(name)} خوانده نشد: ${quote(value)}؛ «بله» یا «خیر» بنویسید. فعلاً فعال حساب می‌شود.`;
  },
  agencyEmailInvalid(name: string, values: readonly string[], othersValid: boolean): string {
    const what = values.length > 1 ? 'این نشانی‌ها' : 'این نشانی';
    const effect = othersValid
      ? `به ${what} چیزی فرستاده نمی‌شود؛ به نشانی‌های درست این دستگاه فرستاده می‌شود`
      : 'تا درست شود کارنامه و یادآوری این دستگاه فرستاده نمی‌شود';
    return `ایمیل دستگاه ${quote(name)} درست نیست: ${faList(values.map(quote))}؛ ${effect}. نشانی درستی مانند name@example.ir بنویسید و نشانی‌ها را با «،» جدا کنید.`;
  },
  controlCharacter(what: string, value: string): string {
    return `${what} ${quote(value)} شکست خط یا نویسهٔ کنترلیِ نامرئی دارد (معمولاً از متنی که از برنامهٔ دیگری چسبانده شده)؛ به‌جای آن فاصله خوانده می‌شود. خانه را پاک کنید و متن را دوباره بنویسید.`;
  },
  agencyEmailShared(name: string, email: string, others: readonly string[]): string {
    return `نشانی ${quote(email)} هم برای دستگاه ${quote(name)} آمده و هم برای ${faList(others.map(quote))}؛ تا درست شود کارنامه و یادآوری به این نشانی فرستاده نمی‌شود، تا کارنامهٔ یک دستگاه به دستگاه دیگر نرسد. برای هر دستگاه نشانی خودش را بنویسید.`;
  },

  groupNameEmpty(): string {
    return 'نام گروه خالی است؛ نام گروه را همان‌طور که در ستون «گروه» دستگاه‌ها آمده بنویسید یا ردیف را پاک کنید.';
  },
  groupDuplicate(name: string, firstRow: number): string {
    return `گروه ${quote(name)} دو بار آمده است (پیش‌تر در ردیف ${faRow(firstRow)})؛ این ردیف را پاک کنید.`;
  },
  groupUnknown(name: string, agenciesTab: string): string {
    return `هیچ دستگاهی در برگه «${agenciesTab}» گروه ${quote(name)} را ندارد؛ نام گروه را همان‌طور که در ستون «گروه» آن برگه آمده بنویسید.`;
  },
};
