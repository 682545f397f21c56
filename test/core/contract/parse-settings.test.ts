import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { DEFAULT_SETTINGS } from '../../../functions/core/contract/parse-settings.ts';
import { definitionErrors } from '../../../functions/core/runs/run-gate.ts';
import { editCell, sampleTabs, sampleWorkbook, type Rows } from '../../support/raw-workbooks.ts';
import { expectPersian, one, parse, where } from '../../support/parse-helpers.ts';

const SETTINGS = 'تنظیمات';

function withSettings(rows: Rows) {
  return sampleWorkbook({ [SETTINGS]: [['key', 'value'], ['province', 'ایلام'], ...rows] });
}

describe('settings', () => {
  it('reads every key of the sample, by its Persian label', () => {
    const { model, problems } = parse(sampleWorkbook());
    expect(problems).toEqual([]);
    expect(model.settings).toEqual({
      province: 'ایلام',
      spokesperson: 'آیت قیصربیگی',
      spokespersonTitle: 'مدیرکل روابط عمومی استانداری',
      ranking: 'dense',
      top: 3,
      weakBands: 2,
      headlineDimensions: ['اطلاع‌رسانی', 'پاسخگویی'],
      runRequest: null,
      runRequestRaw: null,
      runStatus: null,
      source: null,
      purpose: null,
      agencyCards: null,
      deadline: null,
      reminderDays: [3, 1],
      openDay: null,
      publicTable: 'top',
      editors: [],
      secretariat: null,
      contact: null,
    });
  });

  it('reads keys by their English names, in any order, ignoring unknown keys', () => {
    const result = parse(
      withSettings([
        ['run_status', 'sent 1403-03'],
        ['Spokesperson Title', 'مدیرکل'],
        ['unknown_key', 'whatever'],
        ['ranking', 'Competition'],
        ['TOP', '۵'],
        ['weak_bands', 3],
        ['headline_dimensions', 'نوآوری'],
        ['run_request', 'تیر ۱۴۰۳'],
        ['spokesperson', '  آیت   قيصربيگی '],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.settings).toEqual({
      province: 'ایلام',
      spokesperson: 'آیت قیصربیگی',
      spokespersonTitle: 'مدیرکل',
      ranking: 'competition',
      top: 5,
      weakBands: 3,
      headlineDimensions: ['نوآوری'],
      runRequest: '1403-04',
      runRequestRaw: 'تیر ۱۴۰۳',
      runStatus: 'sent 1403-03',
      source: null,
      purpose: null,
      agencyCards: null,
      deadline: null,
      reminderDays: [3, 1],
      openDay: null,
      publicTable: 'top',
      editors: [],
      secretariat: null,
      contact: null,
    });
  });

  it('reads the secretariat and its contact, by their Persian labels, as written', () => {
    const result = parse(
      withSettings([
        ['دبیرخانه', 'دبیرخانه شورای هماهنگی روابط‌عمومی‌های استان ایلام'],
        ['راه تماس', '۰۸۴-۳۳۳۳۰۰۰۰'],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.settings.secretariat).toBe(
      'دبیرخانه شورای هماهنگی روابط‌عمومی‌های استان ایلام',
    );
    expect(result.model.settings.contact).toBe('۰۸۴-۳۳۳۳۰۰۰۰');
  });

  it('uses the defaults when only the province is given', () => {
    const result = parse(withSettings([]));
    expect(result.problems).toEqual([]);
    expect(result.model.settings).toEqual({ ...DEFAULT_SETTINGS, province: 'ایلام' });
  });

  it.each([
    ['فشرده', 'dense'],
    ['رقابتی', 'competition'],
    ['dense', 'dense'],
    ['COMPETITION', 'competition'],
  ])('ranking %s is %s', (value, method) => {
    expect(parse(withSettings([['ranking', value]])).model.settings.ranking).toBe(method);
  });

  it('matches headline dimensions by their normalized names, split on «،» or «,»', () => {
    const result = parse(withSettings([['محورهای خبر', ' اطلاع رساني ,پاسخگویی، اطلاع‌رسانی ']]));
    expect(result.problems).toEqual([]);
    expect(result.model.settings.headlineDimensions).toEqual(['اطلاع‌رسانی', 'پاسخگویی']);
  });

  it('reads run_request in every month form and keeps the raw text', () => {
    const serial = parse(withSettings([['run_request', 45483]])).model.settings;
    expect([serial.runRequest, serial.runRequestRaw]).toEqual(['1403-04', '45483']);
    const date = parse(withSettings([['درخواست اجرا', new Date('2024-07-10T12:00:00Z')]])).model
      .settings;
    expect([date.runRequest, date.runRequestRaw]).toEqual(['1403-04', '2024-07-10']);
    const text = parse(withSettings([['run_request', ' ۱۴۰۳/۴ ']])).model.settings;
    expect([text.runRequest, text.runRequestRaw]).toEqual(['1403-04', ' ۱۴۰۳/۴ ']);
  });

  it.each<[string, CellValue, string, Record<string, unknown>]>([
    [
      'ranking',
      'الفبایی',
      'روش رتبه‌بندی «الفبایی» شناخته نشد؛ «فشرده» یا «رقابتی» بنویسید. فعلاً «فشرده» به کار می‌رود.',
      { ranking: 'dense' },
    ],
    [
      'top',
      'سه',
      'تعداد رتبه‌ها باید عدد صحیح ۱ یا بیشتر باشد؛ «سه» پذیرفته نیست. فعلاً ۳ به کار می‌رود.',
      { top: 3 },
    ],
    [
      'top',
      2.5,
      'تعداد رتبه‌ها باید عدد صحیح ۱ یا بیشتر باشد؛ «2.5» پذیرفته نیست. فعلاً ۳ به کار می‌رود.',
      { top: 3 },
    ],
    [
      'top',
      0,
      'تعداد رتبه‌ها باید عدد صحیح ۱ یا بیشتر باشد؛ «0» پذیرفته نیست. فعلاً ۳ به کار می‌رود.',
      { top: 3 },
    ],
    [
      'weak_bands',
      5,
      'تعداد سطوح ضعیف باید عدد صحیحی از ۱ تا ۴ (کمتر از تعداد سطوح) باشد؛ «5» پذیرفته نیست. فعلاً ۲ به کار می‌رود.',
      { weakBands: 2 },
    ],
    [
      'weak_bands',
      '۰',
      'تعداد سطوح ضعیف باید عدد صحیحی از ۱ تا ۴ (کمتر از تعداد سطوح) باشد؛ «۰» پذیرفته نیست. فعلاً ۲ به کار می‌رود.',
      { weakBands: 2 },
    ],
    [
      'headline_dimensions',
      'اطلاع‌رسانی، شفافیت',
      'محور «شفافیت» در برگه «شاخص‌ها» نیست؛ نام محورها را همان‌طور که در آن برگه آمده بنویسید و با «،» جدا کنید. فعلاً همه محورها به کار می‌روند.',
      { headlineDimensions: null },
    ],
  ])(
    '%s = %j is settings.invalid at the value cell; the default is used',
    (key, value, message, expected) => {
      const result = parse(
        withSettings([
          ['spokesperson', 'x'],
          [key, value],
        ]),
      );
      expect(result.fatal).toBe(false);
      expect(result.problems).toEqual([
        { code: 'settings.invalid', severity: 'error', tab: SETTINGS, cell: 'B4', message },
      ]);
      expectPersian(message);
      expect(result.model.settings).toMatchObject(expected);
    },
  );

  it.each<[string, CellValue, string, Record<string, unknown>]>([
    [
      'run_request',
      'ماه بعد',
      'ماه درخواست اجرا «ماه بعد» خوانده نشد؛ ماه را مانند ۱۴۰۳-۰۴ یا «تیر ۱۴۰۳» بنویسید. این درخواست اجرا نمی‌شود و در نوبت بعد پاک می‌شود؛ دلیلش در «وضعیت اجرا» نوشته می‌شود.',
      { runRequest: null, runRequestRaw: 'ماه بعد' },
    ],
    [
      'agency_cards',
      'شاید',
      'مقدار «کارنامه دستگاه‌ها» «شاید» خوانده نشد؛ «بله» یا «خیر» بنویسید. تا درست شود کارنامهٔ هیچ دستگاهی فرستاده نمی‌شود؛ خبرنامه فرستاده می‌شود.',
      { agencyCards: false },
    ],
    [
      'روزهای یادآوری',
      '۵، دو',
      'روزهای یادآوری باید عددهای صحیحی از ۰ تا ۳۰ باشند (چند روز پیش از مهلت)، جدا با «،» مانند «۵، ۲، ۰»؛ «دو» پذیرفته نیست. تا درست شود یادآوری در روزهای یادآوری فرستاده نمی‌شود.',
      { reminderDays: [] },
    ],
    [
      'open_day',
      'اول ماه',
      'روز باز شدن باید روزی از ماه بعد از ماه ارزیابی باشد، عدد صحیحی از ۱ تا ۲۹؛ «اول ماه» پذیرفته نیست. تا درست شود ماه به‌طور خودکار برای ورود امتیازها باز نمی‌شود.',
      { openDay: null },
    ],
    [
      'جدول عمومی',
      'ده‌تا',
      'مقدار «جدول عمومی» «ده‌تا» شناخته نشد؛ «برترین‌ها» یا «همه» بنویسید. تا درست شود صفحه‌های عمومی جدول رتبه‌بندی را نشان نمی‌دهند.',
      { publicTable: null },
    ],
  ])(
    'a bad feature switch %s = %j is a warning at its cell that turns the feature off and says so',
    (key, value, message, expected) => {
      const result = parse(
        withSettings([
          ['spokesperson', 'x'],
          [key, value],
        ]),
      );
      expect(result.fatal).toBe(false);
      expect(result.problems).toEqual([
        { code: 'settings.invalid', severity: 'warning', tab: SETTINGS, cell: 'B4', message },
      ]);
      expectPersian(message);
      // Never "the default is used" while turning the feature off.
      expect(message).not.toMatch(/فعلاً|به کار می‌رود/);
      expect(result.model.settings).toMatchObject(expected);
      expect(definitionErrors(result.problems)).toEqual([]);
    },
  );

  it('open_day after the deadline is a warning that turns it off; on or before, it is kept', () => {
    const late = parse(
      withSettings([
        ['deadline', 10],
        ['روز باز شدن', '۱۵'],
      ]),
    );
    expect(late.problems).toEqual([
      {
        code: 'settings.invalid',
        severity: 'warning',
        tab: SETTINGS,
        cell: 'B4',
        message:
          'روز باز شدن (۱۵) پس از مهلت ثبت (۱۰) است؛ ماه پس از پایان مهلت باز نمی‌شود. روزی تا ۱۰ بنویسید. تا درست شود ماه به‌طور خودکار برای ورود امتیازها باز نمی‌شود.',
      },
    ]);
    expect(late.model.settings.openDay).toBeNull();
    for (const day of [1, 10]) {
      const fine = parse(
        withSettings([
          ['open_day', day],
          ['deadline', 10],
        ]),
      );
      expect(fine.problems).toEqual([]);
      expect(fine.model.settings.openDay).toBe(day);
    }
  });

  it.each([
    ['top', 'top'],
    ['ALL', 'all'],
    ['برترین ها', 'top'],
    ['همه', 'all'],
  ])('public_table %s is %s', (value, table) => {
    const result = parse(withSettings([['public_table', value]]));
    expect(result.problems).toEqual([]);
    expect(result.model.settings.publicTable).toBe(table);
  });

  it('reads editors (, or ،, groups too), secretariat and contact', () => {
    const result = parse(
      withSettings([
        ['ویرایشگران', 'A@Example.org، group:dabir@example.org , a@example.org'],
        ['secretariat', 'دبیرخانه شورای اطلاع‌رسانی'],
        ['راه تماس', '۰۸۴-۳۲۲۲۰۰۰۰'],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.settings).toMatchObject({
      editors: ['a@example.org', 'dabir@example.org'],
      secretariat: 'دبیرخانه شورای اطلاع‌رسانی',
      contact: '۰۸۴-۳۲۲۲۰۰۰۰',
    });
  });

  it('an editor address that is not one is settings.invalid, an error', () => {
    const result = parse(withSettings([['editors', 'a@example.org، دبیرخانه']]));
    expect(result.problems).toMatchObject([
      { code: 'settings.invalid', severity: 'error', cell: 'B3' },
    ]);
    expect(result.problems[0]?.message).toContain('«دبیرخانه»');
    expect(result.model.settings.editors).toEqual(['a@example.org']);
  });

  it('names every unknown headline dimension', () => {
    const result = parse(withSettings([['headline_dimensions', 'الف، ب']]));
    expect(one(result, 'settings.invalid').message).toContain(
      'محور «الف» و «ب» در برگه «شاخص‌ها» نیستند',
    );
  });

  it('counts a key given twice once, the first time, and reports the later row', () => {
    const result = parse(
      withSettings([
        ['top', 4],
        ['تعداد رتبه‌ها', 9],
      ]),
    );
    expect(result.model.settings.top).toBe(4);
    const problem = one(result, 'settings.invalid');
    expect(problem.cell).toBe('A4');
    expect(problem.message).toBe(
      'کلید «تعداد رتبه‌ها» دو بار آمده است؛ فقط ردیف ۳ به کار می‌رود. این ردیف را پاک کنید.',
    );
  });

  it('is fatal without a province row', () => {
    const result = parse(
      sampleWorkbook({
        [SETTINGS]: [
          ['key', 'value'],
          ['top', 3],
        ],
      }),
    );
    expect(result.fatal).toBe(true);
    expect(where(result)).toEqual([`settings.invalid ${SETTINGS}!`]);
    expect(result.problems[0]?.message).toBe(
      'نام استان در تنظیمات نیست؛ ردیفی با کلید «استان» بسازید و نام استان را در ستون «مقدار» بنویسید.',
    );
  });

  it('is fatal with an empty province', () => {
    const result = parse(editCell(SETTINGS, 1, 1, '  '));
    expect(result.fatal).toBe(true);
    expect(where(result)).toEqual([`settings.invalid ${SETTINGS}!B2`]);
  });

  it('keeps the default weak_bands below the number of bands', () => {
    const tabs = sampleTabs();
    const result = parse(
      sampleWorkbook({
        [SETTINGS]: [
          ['key', 'value'],
          ['province', 'ایلام'],
        ],
        سطوح: [
          ['label', 'min'],
          ['ضعیف', 0],
          ['خوب', 50],
        ],
        شاخص‌ها: tabs['شاخص‌ها'] ?? [],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.settings.weakBands).toBe(1);
  });
});
