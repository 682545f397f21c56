/**
 * Problems in the input: where they are (tab, A1 cell or row) and what they say, in
 * Persian, to the data-entry clerk who has to fix them. `ProblemSink` collects them and
 * hands them back in the contract's order (tab order, then row, then column).
 */
import { a1 } from './cells.ts';
import { monthName, toPersianDigits, type MonthKey } from '../language/jalali.ts';
import { normalizeDisplay } from '../language/normalize.ts';
import { numberFromWords } from '../language/number-words.ts';
import { severityOf, type Problem, type ProblemCode, type Severity } from './problems.ts';
import { PEOPLE_TABS, TABS, type TabKey } from './tabs.ts';

/** Sheet values longer than this are cut short in messages. */
const MAX_QUOTED = 40;

/** A value from the sheet inside «», normalized for display and cut short when long. */
export function quote(value: string): string {
  const text = normalizeDisplay(value);
  const chars = [...text];
  return `«${chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : text}»`;
}

/** A number in Persian digits with the Persian decimal separator: 37.5 -> ۳۷٫۵. */
export function faNumber(value: number): string {
  return toPersianDigits(String(value)).replace('.', '٫');
}

/** A 1-based sheet row number in Persian digits, from a zero-based row index. */
export function faRow(rowIndex: number): string {
  return toPersianDigits(rowIndex + 1);
}

/** «الف، ب و ج». */
function faList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('، ')} و ${items[items.length - 1] ?? ''}`;
}

/** How to write a month, said the same way everywhere. */
const MONTH_HINT = 'ماه را مانند ۱۴۰۳-۰۴ یا «تیر ۱۴۰۳» بنویسید';

export const messages = {
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
  agencyUnknown(value: string, agenciesTab: string): string {
    return `دستگاه ${quote(value)} در برگه «${agenciesTab}» نیست؛ شناسه یا نام دستگاه را همان‌طور که در آن برگه آمده بنویسید.`;
  },
  agencyAmbiguous(value: string): string {
    return `نام ${quote(value)} به بیش از یک دستگاه می‌خورد؛ به‌جای نام، شناسه دستگاه را بنویسید.`;
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
  scoreMerged(code: string, shown: string): string {
    const top = shown === '' ? '' : ` (${quote(shown)})`;
    return `خانهٔ امتیاز شاخص ${code} در این ردیف با خانه‌های دیگر ادغام شده است و فقط مقدار خانهٔ اول ادغام${top} را نشان می‌دهد؛ امتیاز این ردیف معلوم نیست. ادغام را بردارید و امتیاز هر دستگاه را در ردیف خودش بنویسید.`;
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

/** The place of a problem: -1 row for the whole tab, -1 column for a whole row. */
interface Entry {
  problem: Problem;
  tabOrder: number;
  row: number;
  column: number;
  seq: number;
}

const TAB_ORDER = new Map<TabKey, number>(PEOPLE_TABS.map((key, i) => [key, i]));

export interface ProblemContext {
  month?: MonthKey;
  agencyId?: string;
  change?: Problem['change'];
  /**
   * The code's severity when the problem is milder than its code (a bad feature switch is
   * `settings.invalid` as a warning that turns the feature off: docs/workbook.md#settings).
   */
  severity?: Severity;
}

/** Collects problems with their place; `sorted()` gives them in the contract's order. */
export class ProblemSink {
  private readonly entries: Entry[] = [];

  private push(
    code: ProblemCode,
    tabKey: TabKey,
    tab: string,
    cell: string,
    row: number,
    column: number,
    message: string,
    context: ProblemContext | undefined,
  ): void {
    const severity = context?.severity ?? severityOf(code);
    const problem: Problem = { code, severity, tab, cell, message };
    if (context?.month !== undefined) problem.month = context.month;
    if (context?.agencyId !== undefined) problem.agencyId = context.agencyId;
    if (context?.change !== undefined) problem.change = context.change;
    this.entries.push({
      problem,
      tabOrder: TAB_ORDER.get(tabKey) ?? PEOPLE_TABS.length,
      row,
      column,
      seq: this.entries.length,
    });
  }

  /** A problem with the tab as a whole (cell ''). */
  tab(code: ProblemCode, tabKey: TabKey, tab: string | undefined, message: string): void {
    this.push(code, tabKey, tab ?? TABS[tabKey].label, '', -1, -1, message, undefined);
  }

  /** A problem with a whole row (`12:12`). */
  row(
    code: ProblemCode,
    tabKey: TabKey,
    tab: string,
    rowIndex: number,
    message: string,
    context?: ProblemContext,
  ): void {
    const ref = `${rowIndex + 1}:${rowIndex + 1}`;
    this.push(code, tabKey, tab, ref, rowIndex, -1, message, context);
  }

  /** A problem at one cell (`F12`). */
  cell(
    code: ProblemCode,
    tabKey: TabKey,
    tab: string,
    rowIndex: number,
    columnIndex: number,
    message: string,
    context?: ProblemContext,
  ): void {
    const ref = a1(rowIndex, columnIndex);
    this.push(code, tabKey, tab, ref, rowIndex, columnIndex, message, context);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Tab order of the contract, then row, then column, then the order they were found. */
  sorted(): Problem[] {
    return [...this.entries]
      .sort(
        (a, b) => a.tabOrder - b.tabOrder || a.row - b.row || a.column - b.column || a.seq - b.seq,
      )
      .map((e) => e.problem);
  }
}
