/**
 * The bundled example reproduces the article's figures. These checks read the generated
 * .xlsx with exceljs and recompute the figures with their own exact arithmetic (BigInt
 * fractions), independent of the generator and of the product's parser.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE_PATH, makeExample } from '../../scripts/make-example.ts';

type Cell = string | number | null;
type Sheets = Map<string, Cell[][]>;

async function readSheets(path: string): Promise<Sheets> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets: Sheets = new Map();
  for (const sheet of workbook.worksheets) {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        if (v !== null && typeof v !== 'string' && typeof v !== 'number') {
          throw new Error(`unexpected cell ${JSON.stringify(v)} in ${sheet.name}`);
        }
        cells.push(v);
      }
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** Rows of a tab as objects keyed by header text. */
function records(sheets: Sheets, tab: string): Record<string, Cell>[] {
  const rows = sheets.get(tab);
  if (!rows) throw new Error(`no tab ${tab}`);
  const [header = [], ...body] = rows;
  return body.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}

const DIGITS: Record<string, string> = {};
['۰۱۲۳۴۵۶۷۸۹', '٠١٢٣٤٥٦٧٨٩'].forEach((set) => [...set].forEach((d, i) => (DIGITS[d] = String(i))));
const ascii = (text: string): string => text.replace(/[۰-۹٠-٩]/g, (d) => DIGITS[d] ?? d);

interface Fraction {
  n: bigint;
  d: bigint;
}

/** A score cell as an exact fraction: numbers, or text with the accepted digits and separators. */
function fraction(cell: Cell): Fraction {
  const text = ascii(String(cell)).trim().replace(/[/٫]/, '.');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a number: ${JSON.stringify(cell)}`);
  const decimals = m[2] ?? '';
  return { n: BigInt(`${m[1]}${decimals}`), d: 10n ** BigInt(decimals.length) };
}

const MONTH_NAMES = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر'];
function month(cell: Cell): string {
  const text = ascii(String(cell)).trim();
  const numeric = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (numeric) return `${numeric[1]}-${numeric[2]?.padStart(2, '0')}`;
  const named = /^(\S+) (\d{4})$/.exec(text);
  const index = named ? MONTH_NAMES.indexOf(named[1] ?? '') : -1;
  if (!named || index < 0) throw new Error(`not a month: ${JSON.stringify(cell)}`);
  return `${named[2]}-${String(index + 1).padStart(2, '0')}`;
}

/** x rounded half away from zero to a whole number (x ≥ 0 here). */
const roundHalfUp = (n: bigint, d: bigint): number => Number((2n * n + d) / (2n * d));

interface Agency {
  id: string;
  name: string;
  group: string;
  active: boolean;
}

interface Evaluation {
  agency: Agency;
  month: string;
  /** Hundredths. */
  score: number;
  headline: number;
}

function evaluate(sheets: Sheets): Evaluation[] {
  const settings = new Map(records(sheets, 'تنظیمات').map((r) => [r['کلید'], r['مقدار']]));
  const headlineDimensions = String(settings.get('محورهای خبر'))
    .split(/[,،]/)
    .map((s) => s.trim());
  const indicators = records(sheets, 'شاخص‌ها').map((r) => ({
    code: String(r['کد']),
    max: BigInt(Number(r['حداکثر امتیاز'])),
    headline: headlineDimensions.includes(String(r['محور'])),
  }));
  const agencies = new Map(
    records(sheets, 'دستگاه‌ها').map((r) => [
      String(r['شناسه']),
      {
        id: String(r['شناسه']),
        name: String(r['نام']),
        group: String(r['گروه']),
        active: r['فعال'] !== 'خیر',
      },
    ]),
  );
  const percent = (cells: Cell[], of: typeof indicators): number => {
    // 100 × mean of value/max, in hundredths: 10000 × Σ(v/max) / count.
    let sum: Fraction = { n: 0n, d: 1n };
    of.forEach((ind, i) => {
      const v = fraction(cells[i] ?? null);
      sum = { n: sum.n * v.d * ind.max + v.n * sum.d, d: sum.d * v.d * ind.max };
    });
    return roundHalfUp(10000n * sum.n, sum.d * BigInt(of.length));
  };
  return records(sheets, 'امتیازها').flatMap((r) => {
    const agency = agencies.get(String(r['دستگاه']));
    if (!agency) throw new Error(`unknown agency ${String(r['دستگاه'])}`);
    if (!agency.active) return [];
    const cells = indicators.map((ind) => r[ind.code] ?? null);
    return [
      {
        agency,
        month: month(r['ماه'] ?? null),
        score: percent(cells, indicators),
        headline: percent(
          cells.filter((_, i) => indicators[i]?.headline),
          indicators.filter((ind) => ind.headline),
        ),
      },
    ];
  });
}

const EXECUTIVE = 'دستگاه اجرایی';
const GOVERNORATE = 'فرمانداری';
const MINS = [0, 2000, 4000, 6000, 8000];
const bandOf = (score: number): number => MINS.filter((m) => m <= score).length - 1;
const mean = (xs: number[]): number =>
  roundHalfUp(BigInt(xs.reduce((s, x) => s + x, 0)), BigInt(xs.length));

let dir: string;
let sheets: Sheets;
let evaluations: Evaluation[];
const of = (group: string, m: string): Evaluation[] =>
  evaluations.filter((e) => e.agency.group === group && e.month === m);
const bandCounts = (group: string, m: string): number[] => {
  const counts = [0, 0, 0, 0, 0];
  for (const e of of(group, m)) {
    const band = bandOf(e.score);
    counts[band] = (counts[band] ?? 0) + 1;
  }
  return counts;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'karnameh-example-'));
  await makeExample(join(dir, 'first.xlsx'));
  sheets = await readSheets(join(dir, 'first.xlsx'));
  evaluations = evaluate(sheets);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the example workbook reproduces the article', () => {
  it('has the six input tabs, right to left, with frozen headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'first.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'تنظیمات',
      'شاخص‌ها',
      'سطوح',
      'دستگاه‌ها',
      'امتیازها',
      'گیرندگان',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
  });

  it('lists 100 executive agencies, 10 governorates and inactive agencies that never count', () => {
    const agencies = records(sheets, 'دستگاه‌ها');
    const active = (group: string): number =>
      agencies.filter((a) => a['گروه'] === group && a['فعال'] === 'بله').length;
    expect(active(EXECUTIVE)).toBe(100);
    expect(active(GOVERNORATE)).toBe(10);
    expect(agencies.filter((a) => a['فعال'] === 'خیر').length).toBeGreaterThanOrEqual(1);
    const inactiveRows = records(sheets, 'امتیازها').filter((r) =>
      agencies.some((a) => a['شناسه'] === r['دستگاه'] && a['فعال'] === 'خیر'),
    );
    expect(inactiveRows.length).toBeGreaterThan(0);
    for (const m of ['1403-01', '1403-02', '1403-03', '1403-04']) {
      expect(of(EXECUTIVE, m)).toHaveLength(100);
      expect(of(GOVERNORATE, m)).toHaveLength(10);
    }
  });

  it.each([
    ['1403-04', [4, 37, 50, 9, 0]],
    ['1403-03', [12, 44, 42, 2, 0]],
  ])('executive agencies in %s fall in the bands %j', (m, counts) => {
    expect(bandCounts(EXECUTIVE, m)).toEqual(counts);
  });

  it.each(['1403-01', '1403-02'])('91 of 100 executive agencies are weak in %s', (m) => {
    const counts = bandCounts(EXECUTIVE, m);
    expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(91);
    expect(counts.slice(2)).toEqual([9, 0, 0]);
  });

  it.each([
    ['1403-04', 8],
    ['1403-03', 9],
  ])('governorates in %s: %i of 10 weak', (m, weak) => {
    const counts = bandCounts(GOVERNORATE, m);
    expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(weak);
  });

  it('never reaches the top band', () => {
    expect(Math.max(...evaluations.map((e) => e.score))).toBeLessThan(8000);
  });

  it('grows the information + responsiveness mean by 15 % from Khordad to Tir', () => {
    const before = mean(of(EXECUTIVE, '1403-03').map((e) => e.headline));
    const now = mean(of(EXECUTIVE, '1403-04').map((e) => e.headline));
    const exact = (100 * (now - before)) / before;
    expect(roundHalfUp(BigInt(100 * (now - before)), BigInt(before))).toBe(15);
    expect(Math.abs(exact - 15)).toBeLessThan(0.1);
  });

  it.each([EXECUTIVE, GOVERNORATE, 'all'])('improves the mean score every month (%s)', (group) => {
    const means = ['1403-01', '1403-02', '1403-03', '1403-04'].map((m) =>
      mean(
        evaluations
          .filter((e) => e.month === m && (group === 'all' || e.agency.group === group))
          .map((e) => e.score),
      ),
    );
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1] ?? 0);
  });

  it.each([
    [
      EXECUTIVE,
      [
        ['راهداری و حمل و نقل جاده‌ای', 'برق'],
        ['بهزیستی', 'تعاون، کار و رفاه اجتماعی'],
        ['صنعت، معدن و تجارت'],
      ],
    ],
    [GOVERNORATE, [['فرمانداری بدره'], ['فرمانداری دهلران'], ['فرمانداری چرداول']]],
  ])('ranks %s in Tir densely as the article does', (group, podium) => {
    const tir = of(group, '1403-04');
    const distinct = [...new Set(tir.map((e) => e.score))].sort((a, b) => b - a);
    podium.forEach((names, i) => {
      const holders = tir.filter((e) => e.score === distinct[i]).map((e) => e.agency.name);
      expect(holders).toHaveLength(names.length);
      for (const name of names) expect(holders.some((h) => h.endsWith(name))).toBe(true);
    });
  });

  it('shows the other accepted forms of numbers and months', () => {
    const rows = records(sheets, 'امتیازها');
    const texts = rows.flatMap((r) =>
      Object.entries(r).flatMap(([k, v]) => (/^ش/.test(k) && typeof v === 'string' ? [v] : [])),
    );
    expect(texts.some((t) => /^[۰-۹]+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^[٠-٩]+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^[۰-۹]+\/[۰-۹]+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^[۰-۹]+٫[۰-۹]+$/.test(t))).toBe(true);
    const months = new Set(rows.map((r) => r['ماه']));
    expect(months.has('۱۴۰۳/۰۲')).toBe(true);
    expect(months.has('تیر ۱۴۰۳')).toBe(true);
    expect(rows.filter((r) => typeof r['توضیحات'] === 'string').length).toBeGreaterThan(2);
  });
});

describe('the generator', () => {
  it('writes the same cell values every time, and the committed example is current', async () => {
    const second = join(dir, 'second.xlsx');
    await promisify(execFile)(process.execPath, ['scripts/make-example.ts', second], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    expect(await readSheets(second)).toEqual(sheets);
    expect(await readSheets(DEFAULT_EXAMPLE_PATH)).toEqual(sheets);
  });
});
