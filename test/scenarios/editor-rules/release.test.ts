// The editor's rules (editor-review-2.md §3) run as a program over every release of the example and of a second province.
import { describe, expect, it } from 'vitest';
import { createReleaseRenderer } from '../../../functions/adapters/mail/render-release.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { computeResults } from '../../../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import {
  releaseWording,
  type ReleaseInput,
} from '../../../functions/core/release/release-input.ts';
import { DEFAULT_EXAMPLE_PATH } from '../../../scripts/make-example.ts';
import { readRelease, RULES, type ReadRelease } from '../../support/editor-rules/release.ts';
import { secondProvince } from '../../support/second-province/workbook.ts';

const render = createReleaseRenderer();
const raw = await createXlsxStore(DEFAULT_EXAMPLE_PATH).read();

function exampleRelease(month: string): ReadRelease {
  const { model, problems } = parseWorkbook(raw, { month });
  const summary = computeResults(model, problems, month, 'dry-run').summary;
  const input: ReleaseInput = {
    summary,
    province: model.settings.province,
    spokesperson: model.settings.spokesperson,
    spokespersonTitle: model.settings.spokespersonTitle,
    top: model.settings.top,
    weakBands: model.settings.weakBands,
    indicatorCount: model.indicators.length,
    dimensions: model.dimensions,
    runId: 'r-20240726-070000-9f2c',
    contentHash: '9f2c1d3e4b5a',
    computedAt: new Date('2024-07-26T07:00:00Z'),
    correction: false,
    ...releaseWording(model, problems, month),
  };
  return readRelease(`Ilam ${month}`, render(input), input);
}

const releases: ReadRelease[] = [
  ...['1403-01', '1403-02', '1403-03', '1403-04'].map(exampleRelease),
  ...(await secondProvince()).map((m) => readRelease(`Lorestan ${m.month}`, m.release, m.input)),
];

describe.each(RULES)('$id: $says', (rule) => {
  it.each(releases.map((r) => [r.label, r] as const))('holds in %s', (_, release) => {
    expect(rule.check(release)).toEqual([]);
  });
});

/** Each rule can fail: the old release's phrasings, put back into a rendered release. */
const BROKEN: Record<string, (text: string) => string> = {
  R1: (t) => t.replace('ضعیف و بسیار ضعیف دستگاه‌های', 'ضعیف دستگاه‌های'),
  R3: (t) => t.replace('۸۰ درصد (۸ فرمانداری از ۱۰)', '۸۰ درصد'),
  R7: (t) => t.replace('به جایگاه شانزدهم نزول کرد', 'به جایگاه سیزدهم نزول کرد'),
  R8: (t) =>
    t.replace('ضعیف ۲۰ تا کمتر از ۴۰، متوسط ۴۰ تا کمتر از ۶۰', 'ضعیف ۲۰ تا ۴۰، متوسط ۴۰ تا ۶۰'),
  R9: (t) => t.replace('به ۴۱ درصد کاهش یافت\n', 'به ۴۱ درصد\n'),
  R10: (t) => t.replace('از ۳۷٫۲۱ به ۴۲٫۷۶', 'از ۳۶٫۴۵ به ۴۱٫۷۷'),
  R12: (t) =>
    t.replace(
      'در دستگاه‌های اجرایی، رتبه‌های اول تا سوم به این شرح است:',
      'اداره کل بهزیستی و اداره کل تعاون، کار و رفاه اجتماعی به‌طور مشترک رتبه دوم را کسب کردند.',
    ),
  R13: (t) => `${t}\nویژه دبیرخانه (برای انتشار نیست)\nشناسه اجرا: r-20240726-070000-9f2c\n`,
  R14: (t) => t.replace(/پیوست: .*/, 'نتایج کامل ماه در فایل پیوست آمده است.'),
  R15: (t) =>
    t
      .replace('وی با اشاره به وضعیت فرمانداری‌ها افزود:', 'وی افزود:')
      .replace('رحیمی ادامه داد:', 'وی افزود:')
      .replace('قیصربیگی ادامه داد:', 'وی افزود:'),
  R16: (t) => t.replace('روابط‌عمومی استانداری', 'روابط عمومی استانداری'),
  R17: (t) => t.replace('۷۱٫۵ امتیاز', '۷۱٫۵۰ امتیاز'),
  R18: (t) => t.replace('\n\nوی افزود:', '\n\nبسیار ضعیف: ██ ۴ درصد\n\nوی افزود:'),
};

describe('each rule can fail', () => {
  const tir = releases.find((r) => r.label === 'Ilam 1403-04');
  it.each(Object.entries(BROKEN))('%s catches the old phrasing', (id, breakIt) => {
    const rule = RULES.find((r) => r.id === id);
    if (!tir || !rule) throw new Error(`no ${id} or no Tir release`);
    const text = breakIt(tir.text);
    expect(text).not.toBe(tir.text);
    expect(rule.check({ ...tir, text })).not.toEqual([]);
  });

  it('R5 catches a whole-group direction across a changed set', () => {
    const khordad = releases.find((r) => r.label === 'Lorestan 1404-02');
    const rule = RULES.find((r) => r.id === 'R5');
    if (!khordad || !rule) throw new Error('no Lorestan Ordibehesht');
    const text = khordad.text.replace(
      'و در شهرداری‌ها اندکی افت کرد',
      'و در شهرداری‌ها بهبود یافت',
    );
    expect(text).not.toBe(khordad.text);
    expect(rule.check({ ...khordad, text })).not.toEqual([]);
    const silent = khordad.text.replace(/ در شهرداری‌ها، شهرداری الشتر[^.]*\./, '');
    expect(rule.check({ ...khordad, text: silent })).not.toEqual([]);
  });
});
