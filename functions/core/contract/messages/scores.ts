/** The problem messages of the scores and recipients tabs, in Persian, for the clerk who fixes them. */
import { quote, faNumber, faRow, faList, MONTH_HINT } from './wording.ts';
import { monthName, type MonthKey } from '../../language/jalali.ts';
import { numberFromWords } from '../../language/number-words.ts';

export const scoresMessages = {
  monthInvalid(value: string): string {
    return value === ''
      ? `ماه خالی است؛ ${MONTH_HINT}.`
      : `ماه ${quote(value)} خوانده نشد؛ ${MONTH_HINT}.`;
  },
  agencyEmpty(agenciesTab: string): string {
    return `دستگاه خالی است؛ شناسه یا نام دستگاه را همان‌طور که در برگه «${agenciesTab}» آمده بنویسید.`;
  },
  changedAfterClose(
    field: string,
    name: string,
    month: MonthKey,
    atClose: string,
    now: string,
  ): string {
    const shown = (text: string) =>
      text === '' ? 'خالی' : quote(/^-?\d+(\.\d+)?$/.test(text) ? faNumber(Number(text)) : text);
    const what = field === 'note' ? 'توضیحات' : `امتیاز شاخص ${quote(field)}`;
    return `${what} دستگاه ${quote(name)} در ${monthName(month)} پس از بستن ماه تغییر کرده است: هنگام بستن ${shown(atClose)} بود و اکنون ${shown(now)} است. اگر این تغییر پذیرفتنی است، چیزی لازم نیست؛ وگرنه مقدار هنگام بستن را برگردانید.`;
  },
  agencyIdChanged(value: string, agenciesTab: string, likelyId: string, name: string): string {
    return `دستگاه ${quote(value)} در برگه «${agenciesTab}» نیست؛ نام این ردیف ${quote(name)} است که اکنون شناسهٔ ${quote(likelyId)} دارد: شاید شناسه‌اش در برگهٔ «${agenciesTab}» عوض شده است. شناسهٔ این ردیف را ${quote(likelyId)} بنویسید یا شناسهٔ پیشین را برگردانید.`;
  },
  agencyUnknown(value: string, agenciesTab: string): string {
    return `دستگاه ${quote(value)} در برگه «${agenciesTab}» نیست؛ شناسه یا نام دستگاه را همان‌طور که در آن برگه آمده بنویسید.`;
  },
  agencyAmbiguous(value: string): string {
    return `نام ${quote(value)} به بیش از یک دستگاه می‌خورد؛ به‌جای نام، شناسه دستگاه را بنویسید.`;
  },
  agencyMismatch(
    written: string,
    agency: { id: string; name: string },
    agenciesTab: string,
    other: { id: string; name: string } | undefined,
  ): string {
    const lead = `نام دستگاه این ردیف ${quote(written)} است، ولی شناسهٔ ${quote(agency.id)} در برگهٔ «${agenciesTab}» از آنِ ${quote(agency.name)} است`;
    const counted = `امتیازهای این ردیف به نام ${quote(agency.name)} شمرده می‌شوند.`;
    if (other) {
      return `${lead} و ${quote(other.name)} شناسهٔ ${quote(other.id)} دارد. اگر این ردیف از آنِ ${quote(other.name)} است، شناسه را ${quote(other.id)} بنویسید؛ وگرنه نام را ${quote(agency.name)} کنید. ${counted}`;
    }
    return `${lead}. اگر نام دستگاه عوض شده است، این خانه را ${quote(agency.name)} کنید؛ وگرنه شناسهٔ درست را بنویسید. ${counted}`;
  },
  scoreMerged(code: string, shown: string): string {
    const top = shown === '' ? '' : ` (${quote(shown)})`;
    return `خانهٔ امتیاز شاخص ${code} در این ردیف با خانه‌های دیگر ادغام شده است و فقط مقدار خانهٔ اول ادغام${top} را نشان می‌دهد؛ امتیاز این ردیف معلوم نیست. ادغام را بردارید و امتیاز هر دستگاه را در ردیف خودش بنویسید.`;
  },
  scoreDuplicate(name: string, month: MonthKey, firstRow: number): string {
    return `برای دستگاه ${quote(name)} در ${monthName(month)} دو ردیف هست؛ ردیف ${faRow(firstRow)} به کار می‌رود و این ردیف نادیده گرفته می‌شود. یکی را پاک کنید.`;
  },
  scoreNotNumber(code: string, max: number, value: string): string {
    const worded = numberFromWords(value);
    if (worded === null) {
      return `امتیاز شاخص ${code} باید عددی بین ۰ تا ${faNumber(max)} باشد؛ ${quote(value)} عدد نیست.`;
    }
    const over =
      worded > max
        ? ` ${quote(value)} یعنی ${faNumber(worded)}، که از حداکثر امتیاز این شاخص (${faNumber(max)}) بیشتر است.`
        : '';
    return `امتیاز شاخص ${code} با حروف نوشته شده است (${quote(value)})؛ با رقم بنویسید: عددی از ۰ تا ${faNumber(max)}.${over}`;
  },
  scoreFormula(code: string, shown: string): string {
    const what = shown === '' ? 'مقداری ندارد' : `به خطای ${quote(shown)} رسیده است`;
    return `امتیاز شاخص ${code} با فرمول نوشته شده و فرمول ${what}؛ فرمول را درست کنید یا عدد امتیاز را مستقیم بنویسید. (فایلی که برنامه دیگری ساخته، یک بار در Excel یا Google Sheets باز و ذخیره شود تا فرمول‌ها حساب شوند.)`;
  },
  scoreOutOfRange(code: string, max: number, value: string): string {
    return `امتیاز شاخص ${code} باید عددی بین ۰ تا ${faNumber(max)} باشد؛ ${quote(value)} بیرون از این بازه است.`;
  },
  scoreMissing(codes: readonly string[], name: string, month: MonthKey): string {
    const which = codes.length > 1 ? `شاخص‌های ${faList(codes)}` : `شاخص ${codes[0] ?? ''}`;
    return `امتیاز ${which} برای دستگاه ${quote(name)} در ${monthName(month)} هنوز وارد نشده است.`;
  },
  noSubmission(name: string, month: MonthKey, scoresTab: string): string {
    return `دستگاه ${quote(name)} برای ${monthName(month)} هنوز ردیفی در برگه «${scoresTab}» ندارد.`;
  },

  recipientEmailEmpty(): string {
    return 'ایمیل گیرنده خالی است؛ نشانی ایمیل را بنویسید یا ردیف را پاک کنید.';
  },
  recipientEmailInvalid(value: string): string {
    return `ایمیل گیرنده درست نیست: ${quote(value)}؛ نشانی درستی مانند name@example.ir بنویسید.`;
  },
  recipientNone(tab: string): string {
    return `هیچ گیرنده فعال با ایمیل درست در برگه «${tab}» نیست؛ دست‌کم یک نشانی ایمیل (مانند name@example.ir) بنویسید. تا آن زمان خبرنامه برای کسی فرستاده نمی‌شود.`;
  },
  recipientActiveInvalid(email: string, value: string): string {
    return `مقدار «فعال» گیرنده ${quote(email)} خوانده نشد: ${quote(value)}؛ «بله» یا «خیر» بنویسید. تا آن زمان برای این گیرنده چیزی فرستاده نمی‌شود.`;
  },
};
