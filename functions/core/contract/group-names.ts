/**
 * How the release names a group's members together (docs/workbook.md#groups): the groups
 * tab's plural when it gives one, else this rule.
 */

const ZWNJ = '\u200c';

/**
 * The plural of a group name by rule: the first word takes «‌ها» when the name is one word
 * (فرمانداری → فرمانداری‌ها) and «‌های» before the rest otherwise (دستگاه اجرایی →
 * دستگاه‌های اجرایی، شرکت آب و فاضلاب → شرکت‌های آب و فاضلاب), joined with a ZWNJ, never a
 * space. Spaces around and between words are tidied; an empty name stays empty.
 */
export function pluralOfGroup(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(/^\u200c+|\u200c+$/gu, ''))
    .filter((word) => word !== '');
  const [first, ...rest] = words;
  if (first === undefined) return '';
  if (rest.length === 0) return `${first}${ZWNJ}ها`;
  return `${first}${ZWNJ}های ${rest.join(' ')}`;
}
