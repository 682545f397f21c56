import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { sampleWorkbook, type Rows } from '../../support/raw-workbooks.ts';
import { expectPersian, parse } from '../../support/parse-helpers.ts';

const SETTINGS = 'تنظیمات';

function withSettings(rows: Rows) {
  return sampleWorkbook({ [SETTINGS]: [['key', 'value'], ['province', 'ایلام'], ...rows] });
}

describe('deadline and reminder_days', () => {
  it('have no deadline and the days 3 and 1 by default', () => {
    const { settings } = parse(withSettings([])).model;
    expect([settings.deadline, settings.reminderDays]).toEqual([null, [3, 1]]);
  });

  it.each<[string, CellValue, CellValue, number, number[]]>([
    ['Persian labels and digits', '۱۰', '۵، ۲، ۰', 10, [5, 2, 0]],
    ['English keys, a number cell and «,»', 29, '0,2 , 5', 29, [5, 2, 0]],
    ['one day as a number, repeats once', 1, 0, 1, [0]],
    ['spaces between the days, Arabic digits', ' ٧ ', '٣  ١ ٣', 7, [3, 1]],
  ])('are read with %s', (_, deadline, days, day, list) => {
    const result = parse(
      withSettings([
        ['مهلت ثبت', deadline],
        ['reminder_days', days],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.settings.deadline).toBe(day);
    expect(result.model.settings.reminderDays).toEqual(list);
  });

  it.each<[string, CellValue, RegExp, Record<string, unknown>]>([
    ['deadline', 31, /^مهلت ثبت باید .*از ۱ تا ۲۹؛ «31» پذیرفته نیست/, { deadline: null }],
    ['deadline', 0, /«0» پذیرفته نیست/, { deadline: null }],
    ['deadline', '۱۰/۵', /«۱۰\/۵» پذیرفته نیست/, { deadline: null }],
    ['deadline', 'دهم', /«دهم» پذیرفته نیست/, { deadline: null }],
    [
      'روزهای یادآوری',
      '۵، دو، ۰',
      /^روزهای یادآوری باید .*؛ «دو» پذیرفته نیست\. تا درست شود یادآوری در روزهای یادآوری فرستاده نمی‌شود\.$/,
      { reminderDays: [] },
    ],
    ['reminder_days', '3، -1', /«-1» پذیرفته نیست/, { reminderDays: [] }],
    ['reminder_days', '2.5', /«2\.5» پذیرفته نیست/, { reminderDays: [] }],
    ['reminder_days', '40', /«40» پذیرفته نیست/, { reminderDays: [] }],
    ['reminder_days', '،،', /«،،» پذیرفته نیست/, { reminderDays: [] }],
  ])('%s = %j is settings.invalid at the value cell', (key, value, message, expected) => {
    const result = parse(withSettings([[key, value]]));
    expect(result.fatal).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'settings.invalid',
      // A bad deadline is an error; reminder_days only turns a feature on: a warning.
      severity: key === 'deadline' ? 'error' : 'warning',
      tab: SETTINGS,
      cell: 'B3',
    });
    expect(result.problems[0]?.message).toMatch(message);
    expectPersian(result.problems[0]?.message ?? '');
    expect(result.model.settings).toMatchObject(expected);
  });
});
