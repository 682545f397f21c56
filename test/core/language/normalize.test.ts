import { describe, expect, it } from 'vitest';
import {
  normalizeDisplay,
  normalizeName,
  toAsciiDigits,
  trimMarks,
} from '../../../functions/core/language/normalize.ts';

const ZWNJ = '\u200c';

describe('normalizeName: the matching key of docs/workbook.md#names', () => {
  it.each([
    ['ZWNJ removed', `شاخص${ZWNJ}ها`, 'شاخصها'],
    ['space instead of ZWNJ', 'شاخص ها', 'شاخصها'],
    ['no separator at all', 'شاخصها', 'شاخصها'],
    ['Arabic yeh', 'دستگاه‌هاي', 'دستگاههای'],
    ['Arabic kaf', 'كد', 'کد'],
    ['Arabic alef maksura', 'فعالى', 'فعالی'],
    ['Persian digits', 'ش۳', 'ش3'],
    ['Arabic-Indic digits', 'ش٣', 'ش3'],
    ['surrounding and inner spaces', '  حداکثر   امتیاز ', 'حداکثرامتیاز'],
    ['NBSP and tab', 'حداکثر\u00a0امتیاز\t', 'حداکثرامتیاز'],
    ['underscores', 'spokesperson_title', 'spokespersontitle'],
    ['spaces in English', 'Spokesperson Title', 'spokespersontitle'],
    ['upper case', 'SETTINGS', 'settings'],
    ['RLM, LRM, ZWJ, BOM, ZWSP', '\u200fکد\u200e\u200d\ufeff\u200b', 'کد'],
    ['Arabic presentation forms (from a PDF)', 'ﻛﺪ', 'کد'],
    ['empty', '   ', ''],
  ])('%s: %j -> %j', (_what, text, key) => {
    expect(normalizeName(text)).toBe(key);
  });

  it('makes the Persian spellings of one label equal', () => {
    const forms = ['دستگاه‌ها', 'دستگاه ها', 'دستگاهها', ' دستگاه_ها '];
    expect(new Set(forms.map(normalizeName)).size).toBe(1);
  });

  it('keeps different names different', () => {
    expect(normalizeName('ش1')).not.toBe(normalizeName('ش2'));
    expect(normalizeName('a-1')).not.toBe(normalizeName('a1'));
  });
});

describe('normalizeDisplay: names as written, normalized', () => {
  it.each([
    ['trims and collapses spaces', '  اداره   کل  برق ', 'اداره کل برق'],
    ['Arabic yeh and kaf to Persian', 'شركت ملي', 'شرکت ملی'],
    ['keeps ZWNJ inside', `روابط${ZWNJ}عمومی${ZWNJ}ها`, `روابط${ZWNJ}عمومی${ZWNJ}ها`],
    ['drops invisible marks at the ends', `\u200f${ZWNJ} برق ${ZWNJ}\u200e`, 'برق'],
    ['keeps digits as written', 'فرمانداری ۱۲', 'فرمانداری ۱۲'],
    ['drops bidi overrides', 'a\u202eb\u202c', 'ab'],
    ['NBSP and newlines become one space', 'الف\u00a0\nب', 'الف ب'],
    ['leaves markup as text', ' <script>x</script> ', '<script>x</script>'],
  ])('%s', (_what, text, shown) => {
    expect(normalizeDisplay(text)).toBe(shown);
  });
});

describe('digits and marks', () => {
  it('converts Persian and Arabic-Indic digits to ASCII', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ 42')).toBe('0123456789 0123456789 42');
  });

  it('trims spaces and invisible marks only at the ends', () => {
    expect(trimMarks(`\u00a0\u200f ۳۷/۵${ZWNJ} `)).toBe('۳۷/۵');
    expect(trimMarks(`a${ZWNJ}b`)).toBe(`a${ZWNJ}b`);
  });
});
