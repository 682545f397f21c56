/**
 * The workbook content the contract suite hands to both stores: a small scorecard in
 * Persian with what people really type (month and number spellings, an agency named by
 * name, Persian digits, an inactive agency and recipient, ties) and names that look like
 * formulas or HTML. Derived variants add problems in the data.
 */
import type { CellValue, RawTab, RawWorkbook } from '../../functions/core/contract/cells.ts';
import { DEFAULT_BANDS, TABS, type TabKey } from '../../functions/core/contract/tabs.ts';

const EXECUTIVE = 'دستگاه اجرایی';
const GOVERNORATE = 'فرمانداری';

/** Names a spreadsheet or an email client could take for a formula or for markup. */
export const RISKY_NAMES = [
  '=HYPERLINK("http://x","y")',
  '+1',
  '@x',
  '<img src=x onerror=alert(1)>',
] as const;

const INDICATORS = [
  { code: 'i1', title: 'انتشار به‌موقع اخبار', dimension: 'اطلاع‌رسانی', max: 10, weight: 1 },
  { code: 'i2', title: 'به‌روزرسانی وب‌سایت', dimension: 'اطلاع‌رسانی', max: 20, weight: 3 },
  { code: 'i3', title: 'پاسخ به پیام مردم', dimension: 'پاسخگویی', max: 10, weight: 1 },
  { code: 'i4', title: 'خدمات نوآورانه', dimension: 'نوآوری', max: 5, weight: 1 },
] as const;

/** id, name, group, active. */
const AGENCIES: [string, string, string, string][] = [
  ['a01', 'اداره کل راهداری و حمل و نقل جاده‌ای', EXECUTIVE, 'بله'],
  ['a02', 'شرکت توزیع نیروی برق', EXECUTIVE, 'بله'],
  ['a03', RISKY_NAMES[0], EXECUTIVE, 'بله'],
  ['a04', RISKY_NAMES[1], EXECUTIVE, 'بله'],
  ['a05', RISKY_NAMES[2], EXECUTIVE, 'بله'],
  ['a06', RISKY_NAMES[3], EXECUTIVE, 'بله'],
  ['a07', 'اداره کل بهزیستی', EXECUTIVE, 'خیر'],
  ['a08', 'اداره کل تعاون، کار و رفاه اجتماعی', EXECUTIVE, 'بله'],
  ['g01', 'فرمانداری بدره', GOVERNORATE, 'بله'],
  ['g02', 'فرمانداری دهلران', GOVERNORATE, 'بله'],
  ['g03', 'فرمانداری چرداول', GOVERNORATE, 'بله'],
  ['g04', 'فرمانداری مهران', GOVERNORATE, 'بله'],
];

/** Canonical month, then how the scores tab spells it (each month its own way). */
const MONTH_SPELLINGS: [string, CellValue][] = [
  ['1403-02', '1403/2'],
  ['1403-03', '۱۴۰۳/۰۳'],
  ['1403-04', 'تیر ۱۴۰۳'],
];

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** A score as typed: a number, or text with Persian/Arabic-Indic digits and `/` for `.`. */
function typed(value: number, style: number): CellValue {
  if (style % 3 === 0) return value;
  const digits = style % 3 === 1 ? PERSIAN : ARABIC_INDIC;
  return String(value)
    .replace('.', '/')
    .replace(/[0-9]/g, (d) => digits[Number(d)] ?? d);
}

/** Deterministic scores that improve month by month; a01 and a02 tie in every month. */
function scoreOf(agency: number, month: number, indicator: number, max: number): number {
  const base = agency === 1 ? 0 : agency; // a02 scores as a01
  const ratio = ((base * 7 + indicator * 3) % 10) / 12 + ((base * 13) % 7) / 40 + month * 0.05;
  return Math.min(max, Math.round(ratio * max * 2) / 2);
}

function scoreRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  MONTH_SPELLINGS.forEach(([, spelled], m) => {
    AGENCIES.forEach(([id, name], a) => {
      // One agency is named instead of given by id (docs/workbook.md#scores: id, or its name).
      const agency = id === 'g01' ? name : id;
      const values = INDICATORS.map((ind, i) => typed(scoreOf(a, m, i, ind.max), a + i + m));
      rows.push([spelled, agency, ...values, a === 0 ? 'ارسال با تأخیر' : null]);
    });
  });
  return rows;
}

const header = (key: TabKey, keys: string[]): string[] =>
  keys.map((k) => TABS[key].columns.find((c) => c.key === k)?.label ?? k);

const tab = (key: TabKey, head: string[], rows: CellValue[][]): RawTab => ({
  name: TABS[key].label,
  rows: [head, ...rows],
});

/** The contract workbook: every input tab, no output tab yet. */
export function contractWorkbook(): RawWorkbook {
  return {
    tabs: [
      tab('settings', header('settings', ['key', 'value']), [
        ['استان', 'ایلام'],
        ['سخنگو', 'آیت قیصربیگی'],
        ['سمت سخنگو', 'دبیر شورای هماهنگی روابط‌عمومی‌های استان'],
        ['روش رتبه‌بندی', 'فشرده'],
        ['تعداد رتبه‌ها', '۳'],
        ['تعداد سطوح ضعیف', 2],
        ['محورهای خبر', 'اطلاع‌رسانی، پاسخگویی'],
      ]),
      tab(
        'indicators',
        header('indicators', ['code', 'title', 'dimension', 'max', 'weight']),
        INDICATORS.map((i) => [i.code, i.title, i.dimension, i.max, i.weight]),
      ),
      tab(
        'bands',
        header('bands', ['label', 'min']),
        DEFAULT_BANDS.map((b) => [b.label, b.min]),
      ),
      tab('agencies', header('agencies', ['id', 'name', 'group', 'active']), AGENCIES),
      tab(
        'scores',
        [...header('scores', ['month', 'agency']), ...INDICATORS.map((i) => i.code), 'توضیحات'],
        scoreRows(),
      ),
      tab('recipients', header('recipients', ['email', 'name', 'active']), [
        ['dabirkhaneh@example.org', 'دبیرخانه شورا', 'بله'],
        ['Press.Desk@example.org', 'میز خبر', 'بله'],
        ['old@example.org', 'نشانی قدیمی', 'خیر'],
      ]),
      // A tab karnameh does not know: left alone by both stores.
      { name: 'یادداشت‌ها', rows: [['هر ماه تا پنجم وارد شود'], [], [null, 'بدون فرمول']] },
    ],
  };
}

function withTab(workbook: RawWorkbook, key: TabKey, edit: (rows: CellValue[][]) => CellValue[][]) {
  return {
    tabs: workbook.tabs.map((t) =>
      t.name === TABS[key].label ? { ...t, rows: edit(t.rows.map((r) => [...r])) } : t,
    ),
  };
}

/**
 * Problems in Tir: a score that is not a number, one above its max, an unknown agency, a
 * duplicate row, and a governorate with no row (so the run is incomplete).
 */
export function problemWorkbook(): RawWorkbook {
  return withTab(contractWorkbook(), 'scores', (rows) => {
    const tir = (id: string) => rows.findIndex((r) => r[0] === 'تیر ۱۴۰۳' && r[1] === id);
    const set = (id: string, column: number, value: CellValue) => {
      const row = rows[tir(id)];
      if (row) row[column] = value;
    };
    set('a04', 2, 'ده');
    set('a05', 3, 25);
    const duplicate = [...(rows[tir('a01')] ?? [])];
    const unknown = ['تیر ۱۴۰۳', 'a99', 1, 1, 1, 1];
    return [...rows.filter((_, i) => i !== tir('g04')), duplicate, unknown];
  });
}

/** A workbook that cannot be read as a scorecard: no indicators tab. */
export function fatalWorkbook(): RawWorkbook {
  return {
    tabs: contractWorkbook().tabs.filter((t) => t.name !== TABS.indicators.label),
  };
}

/** Tir's month cells as real dates (1403-04-01, 2024-06-21, as a date cell). */
export function datedWorkbook(): RawWorkbook {
  return withTab(contractWorkbook(), 'scores', (rows) =>
    rows.map((r) => (r[0] === 'تیر ۱۴۰۳' ? [new Date(Date.UTC(2024, 5, 21)), ...r.slice(1)] : r)),
  );
}

/**
 * The contract workbook with the agencies' addresses (issue 12's cards): every agency but
 * g04 has one (a02's written in capitals), a07 is inactive; agency_cards left unset (on,
 * since some active agency has an address).
 */
export function cardsWorkbook(): RawWorkbook {
  const email = (id: string) =>
    id === 'g04'
      ? null
      : id === 'a02'
        ? `PR.${id.toUpperCase()}@Example.org`
        : `pr.${id}@example.org`;
  return withTab(contractWorkbook(), 'agencies', (rows) =>
    rows.map((row, i) => [
      ...row,
      i === 0 ? (header('agencies', ['email'])[0] ?? '') : email(String(row[0])),
    ]),
  );
}
