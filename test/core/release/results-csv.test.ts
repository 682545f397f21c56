import { describe, expect, it } from 'vitest';
import {
  RESULTS_CSV_HEADER,
  csvField,
  neutraliseFormula,
  resultsCsv,
  resultsCsvFilename,
  resultsRows,
  toCsv,
} from '../../../functions/core/release/results-csv.ts';
import { group, ranking, summary, tirInput } from '../../support/release-fixtures.ts';

/** A tiny RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('the results CSV', () => {
  const csv = resultsCsv(tirInput().summary);

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back to the same rows, Persian intact', () => {
    const rows = parseCsv(csv.slice(1));
    const expected = resultsRows(tirInput().summary).map((row) =>
      row.map((cell) => (cell === null ? '' : String(cell))),
    );
    expect(rows).toEqual(expected);
    expect(rows[0]).toEqual([...RESULTS_CSV_HEADER]);
    // 100 + 10 evaluated, 3 not evaluated, one header.
    expect(rows).toHaveLength(114);
    expect(rows[1]).toEqual([
      'تیر ۱۴۰۳',
      'دستگاه اجرایی',
      '1',
      '1',
      'a02',
      'برق',
      '78.5',
      'خوب',
      '70.1',
      'ارزیابی‌شده',
      '',
      '',
    ]);
    expect(rows).toContainEqual([
      'تیر ۱۴۰۳',
      'دستگاه اجرایی',
      '',
      '',
      'a101',
      'شبکه بهداشت و درمان',
      '',
      '',
      '',
      'ارزیابی‌نشده',
      'فرم ماه را ثبت نکرده',
      'agency.no_submission',
    ]);
    expect(rows.some((row) => row[5] === 'راهداری و حمل و نقل جاده‌ای')).toBe(true);
  });

  it('is exactly this for a small month', () => {
    const small = summary({
      groups: [
        group({
          name: 'فرمانداری',
          ranking: ranking([{ name: 'بدره', score: 52, previousScore: 41.5 }], 'f'),
          notEvaluated: [{ id: 'f2', name: 'مهران، "مرکز"', reason: 'score.missing' }],
        }),
      ],
    });
    expect(resultsCsv(small)).toBe(
      '\uFEFF' +
        '"ماه","گروه","رتبه","جایگاه در گروه","شناسه","نام","امتیاز","سطح","امتیاز ماه قبل","وضعیت","دلیل ارزیابی نشدن","کد دلیل"\r\n' +
        '"تیر ۱۴۰۳","فرمانداری","1","1","f01","بدره","52","متوسط","41.5","ارزیابی‌شده","",""\r\n' +
        '"تیر ۱۴۰۳","فرمانداری","","","f2","مهران، ""مرکز""","","","","ارزیابی‌نشده","همه شاخص‌ها را کامل نکرده","score.missing"\r\n',
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+98 912', "'+98 912"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['برق', 'برق'],
    ['a=b', 'a=b'],
  ])('neutralises %j as %j', (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
  });

  it('quotes every field and doubles quotes', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(null)).toBe('""');
    expect(csvField(47.31)).toBe('"47.31"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(toCsv([['الف', 'ب\r\nج']])).toBe('\uFEFF"الف","ب ج"\r\n'.replace(' ', '\r\n'));
  });

  it('is named by the month, in ASCII', () => {
    expect(resultsCsvFilename('1403-04')).toBe('karnameh-1403-04.csv');
    expect(resultsCsvFilename('../14/03')).toBe('karnameh-1403.csv');
  });
});
