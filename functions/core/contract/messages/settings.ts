/** The problem messages of the settings tab, in Persian, for the clerk who fixes them. */
import { quote, faNumber, faRow, faList, MONTH_HINT } from './wording.ts';

export const settingsMessages = {
  publicTableInvalid(value: string): string {
    return `مقدار «جدول عمومی» ${quote(value)} شناخته نشد؛ «برترین‌ها» یا «همه» بنویسید. تا درست شود صفحه‌های عمومی جدول رتبه‌بندی را نشان نمی‌دهند.`;
  },
  agencyCardsInvalid(value: string): string {
    return `مقدار «کارنامه دستگاه‌ها» ${quote(value)} خوانده نشد؛ «بله» یا «خیر» بنویسید. تا درست شود کارنامهٔ هیچ دستگاهی فرستاده نمی‌شود؛ خبرنامه فرستاده می‌شود.`;
  },
  openDayInvalid(value: string): string {
    return `روز باز شدن باید روزی از ماه بعد از ماه ارزیابی باشد، عدد صحیحی از ۱ تا ۲۹؛ ${quote(value)} پذیرفته نیست. تا درست شود ماه به‌طور خودکار برای ورود امتیازها باز نمی‌شود.`;
  },
  openDayAfterDeadline(openDay: number, deadline: number): string {
    return `روز باز شدن (${faNumber(openDay)}) پس از مهلت ثبت (${faNumber(deadline)}) است؛ ماه پس از پایان مهلت باز نمی‌شود. روزی تا ${faNumber(deadline)} بنویسید. تا درست شود ماه به‌طور خودکار برای ورود امتیازها باز نمی‌شود.`;
  },
  editorsInvalid(values: readonly string[]): string {
    const verb = values.length > 1 ? 'نشانی‌های' : 'نشانی';
    return `${verb} ${faList([...values])} در «ویرایشگران» درست نیست؛ نشانی‌ها را مانند name@example.ir بنویسید و با «،» جدا کنید.`;
  },
  provinceMissing(): string {
    return 'نام استان در تنظیمات نیست؛ ردیفی با کلید «استان» بسازید و نام استان را در ستون «مقدار» بنویسید.';
  },
  provinceEmpty(): string {
    return 'مقدار «استان» خالی است؛ نام استان را بنویسید.';
  },
  settingDuplicate(key: string, firstRow: number): string {
    return `کلید «${key}» دو بار آمده است؛ فقط ردیف ${faRow(firstRow)} به کار می‌رود. این ردیف را پاک کنید.`;
  },
  rankingInvalid(value: string): string {
    return `روش رتبه‌بندی ${quote(value)} شناخته نشد؛ «فشرده» یا «رقابتی» بنویسید. فعلاً «فشرده» به کار می‌رود.`;
  },
  topInvalid(value: string, fallback: number): string {
    return `تعداد رتبه‌ها باید عدد صحیح ۱ یا بیشتر باشد؛ ${quote(value)} پذیرفته نیست. فعلاً ${faNumber(fallback)} به کار می‌رود.`;
  },
  weakBandsInvalid(value: string, bandCount: number | null, fallback: number): string {
    const range =
      bandCount !== null && bandCount > 1
        ? `عدد صحیحی از ۱ تا ${faNumber(bandCount - 1)} (کمتر از تعداد سطوح)`
        : 'عدد صحیح ۱ یا بیشتر و کمتر از تعداد سطوح';
    return `تعداد سطوح ضعیف باید ${range} باشد؛ ${quote(value)} پذیرفته نیست. فعلاً ${faNumber(fallback)} به کار می‌رود.`;
  },
  headlineUnknown(unknown: readonly string[], indicatorsTab: string): string {
    const names = faList(unknown.map(quote));
    const verb = unknown.length > 1 ? 'نیستند' : 'نیست';
    return `محور ${names} در برگه «${indicatorsTab}» ${verb}؛ نام محورها را همان‌طور که در آن برگه آمده بنویسید و با «،» جدا کنید. فعلاً همه محورها به کار می‌روند.`;
  },
  runRequestInvalid(value: string): string {
    return `ماه درخواست اجرا ${quote(value)} خوانده نشد؛ ${MONTH_HINT}. این درخواست اجرا نمی‌شود و در نوبت بعد پاک می‌شود؛ دلیلش در «وضعیت اجرا» نوشته می‌شود.`;
  },
};
