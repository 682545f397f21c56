/**
 * Workbooks and stores for the Google Sheets adapter tests: a small scorecard in Persian
 * with the awkward cases (a quote in a title, a date cell, booleans, blank rows, ragged
 * rows), a big results tab, and a store wired to the stand-in with short backoff delays.
 */
import {
  createSheetsStore,
  type SheetsStoreOptions,
} from '../../functions/adapters/google-sheets/sheets-store.ts';
import type { CellValue, RawWorkbook } from '../../functions/core/contract/cells.ts';
import { TABS } from '../../functions/core/contract/tabs.ts';
import type { WorkbookStore } from '../../functions/ports.ts';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import type { SheetsStandIn } from './sheets-stand-in.ts';

/** The value, or a test failure saying what was missing. */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/** 1403-04-01 (2024-06-21) at UTC midnight, as exceljs hands over a date cell. */
const TIR_FIRST = new Date(Date.UTC(2024, 5, 21));
export const TIR_FIRST_SERIAL = 45_464;

const label = (key: keyof typeof TABS) => TABS[key].label;

/** The small scorecard; `dates` says how a date cell is held (Date or serial number). */
export function smallWorkbook(dates: 'serial' | 'date' = 'serial'): RawWorkbook {
  const dated: CellValue = dates === 'serial' ? TIR_FIRST_SERIAL : TIR_FIRST;
  return {
    tabs: [
      {
        name: label('settings'),
        rows: [
          ['کلید', 'مقدار'],
          ['استان', 'ایلام'],
          ['روش رتبه‌بندی', 'فشرده'],
          ['تعداد رتبه‌ها', 3],
          ['درخواست اجرا', '1403-04'],
          ['وضعیت اجرا'],
        ],
      },
      {
        name: label('indicators'),
        rows: [
          ['کد', 'عنوان', 'محور', 'حداکثر امتیاز', 'وزن'],
          ['i1', 'انتشار خبر', 'اطلاع‌رسانی', 10, 1],
          ['i2', 'پاسخ به پیام', 'پاسخگویی', 10],
        ],
      },
      {
        name: label('agencies'),
        rows: [
          ['شناسه', 'نام', 'گروه', 'فعال'],
          ['a1', 'اداره کل راهداری', 'دستگاه اجرایی', true],
          ['a2', 'شرکت توزیع برق', 'دستگاه اجرایی', false],
        ],
      },
      {
        name: label('scores'),
        rows: [
          ['ماه', 'دستگاه', 'i1', 'i2', 'توضیحات'],
          [dated, 'a1', 7.5, '۸/۵'],
          [],
          ['تیر ۱۴۰۳', 'a2', null, 6, 'دیر رسید'],
        ],
      },
      { name: "Ali's notes", rows: [[null, 'x'], [], [], ['=HYPERLINK("http://x")']] },
      { name: 'Empty', rows: [] },
      {
        name: label('results'),
        rows: [
          ['ماه', 'گروه', 'رتبه', 'شناسه', 'دستگاه', 'امتیاز', 'سطح'],
          ['1403-03', 'دستگاه اجرایی', 1, 'a1', 'اداره کل راهداری', 70, 'خوب'],
        ],
      },
    ],
  };
}

export const RESULTS_HEADER = [
  'ماه',
  'گروه',
  'رتبه',
  'شناسه',
  'دستگاه',
  'امتیاز',
  'سطح',
  'اطلاع‌رسانی',
  'پاسخگویی',
  'نوآوری',
  'امتیاز ماه قبل',
  'وضعیت',
  'شناسه اجرا',
];

/** One month's results rows for `agencies` agencies, realistic in size (Persian names). */
export function monthBlock(month: string, agencies: number, runId: string): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < agencies; i++) {
    const score = Math.round(((i * 37) % 10_000) / 1.07) / 100;
    rows.push([
      month,
      i % 10 === 0 ? 'فرمانداری' : 'دستگاه اجرایی',
      1 + (i % 97),
      `a${String(i).padStart(4, '0')}`,
      `اداره کل امور شماره ${i} استان ایلام`,
      score,
      score >= 60 ? 'خوب' : score >= 40 ? 'متوسط' : 'ضعیف',
      Math.round(score * 0.9 * 100) / 100,
      Math.round(score * 1.05 * 100) / 100,
      Math.round(score * 0.8 * 100) / 100,
      Math.round(score * 0.95 * 100) / 100,
      'ارزیابی شد',
      runId,
    ]);
  }
  return rows;
}

/** Twenty-four months, 1402-01 … 1403-12. */
export const MONTHS: string[] = Array.from({ length: 24 }, (_, i) => {
  const year = 1402 + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
});

/** The results tab of 2,000 agencies × 24 months, header first. */
export function bigResults(agencies: number, runId = 'r-old'): CellValue[][] {
  return [RESULTS_HEADER, ...MONTHS.flatMap((m) => monthBlock(m, agencies, runId))];
}

/** A store on the stand-in with millisecond backoff (tests stay fast). */
export function standInStore(
  standIn: SheetsStandIn,
  spreadsheetId: string,
  more: Partial<SheetsStoreOptions> = {},
): WorkbookStore {
  return createSheetsStore({
    spreadsheetId,
    rootUrl: standIn.url,
    accessToken: standIn.token,
    ...more,
    retry: { baseDelayMs: 2, maxDelayMs: 10, timeoutMs: 30_000, ...more.retry },
  });
}

/** The Sheets API client on the stand-in, as a test reads or edits the sheet behind a store. */
export function standInApi(standIn: SheetsStandIn): sheets_v4.Sheets {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: standIn.token });
  return sheets({ version: 'v4', auth, rootUrl: standIn.url, retry: false });
}
