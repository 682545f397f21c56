// Names from the sheet as the release shows them: normalized, groups in the plural, lists that stay readable.
import { pluralOfGroup } from '../contract/group-names.ts';
import { normalizeDisplay } from '../language/normalize.ts';
import { joinList } from '../language/persian-text.ts';

/** A name from the sheet for showing: normalized (docs/texts.md#wording-rules: as written, normalised). */
export function displayName(text: string): string {
  return normalizeDisplay(text);
}

/** The province as said after «استان»: a leading «استان» in the setting is dropped. */
export function provinceName(text: string): string {
  return displayName(text).replace(/^استان\s+/, '');
}

/** A group as a writer names it: the label after a number, the plural in a sentence. */
export interface GroupNaming {
  /** The sheet's label, after a count: «۱۰ فرمانداری». */
  singular: string;
  /** «فرمانداری‌ها», «دستگاه‌های اجرایی». */
  plural: string;
}

/** The group's names: the plural from `plurals` (the groups tab), else by the rule. */
export function groupNaming(
  name: string,
  plurals: Readonly<Record<string, string>> = {},
): GroupNaming {
  const singular = displayName(name);
  const given = plurals[name];
  const plural =
    given !== undefined && given.trim() !== '' ? displayName(given) : pluralOfGroup(singular);
  return { singular, plural };
}

/**
 * Names of one group said together, press style: when every name starts with the group's
 * label («فرمانداری بدره»، «فرمانداری دهلران»), the label is said once in the plural
 * («فرمانداری‌های بدره و دهلران»); otherwise the names joined with «،» and «و».
 */
export function namesTogether(names: readonly string[], group: GroupNaming): string {
  const prefix = `${group.singular} `;
  const factored =
    names.length > 1 &&
    names.every((name) => name.startsWith(prefix) && name.length > prefix.length);
  if (!factored) return joinList(names);
  // Followed by names, a plural in «ها» takes the ezafe: «فرمانداری‌های بدره و دهلران».
  const head = group.plural.endsWith('ها') ? `${group.plural}ی` : group.plural;
  return `${head} ${joinList(names.map((name) => name.slice(prefix.length)))}`;
}

/** Head nouns an agency's name starts with when it is not a bare label (editor's rule R11). */
const HEAD_NOUNS = [
  'اداره',
  'سازمان',
  'شرکت',
  'دانشگاه',
  'بانک',
  'بنیاد',
  'فرمانداری',
  'شهرداری',
  'بخشداری',
  'دادگستری',
  'ستاد',
  'مرکز',
  'کمیته',
  'جمعیت',
  'بیمه',
  'پست',
  'صدا',
  'دفتر',
  'مدیریت',
  'نمایندگی',
  'حوزه',
  'شورای',
  'شورا',
  'استانداری',
  'پژوهشگاه',
  'کانون',
  'هلال',
  'گمرک',
  'پلیس',
  'فرماندهی',
  'دبیرخانه',
  'آموزش',
];

/**
 * A name that does not read as one item in an inline list: a bare label (no head noun, nor
 * the group's own label) or one with «و» or «،» inside it.
 */
export function isBareName(name: string, group: GroupNaming): boolean {
  if (/\sو\s|،/u.test(name)) return true;
  const first = name.split(/\s+/u)[0] ?? '';
  return !(HEAD_NOUNS.includes(first) || name.startsWith(`${group.singular} `));
}

/**
 * Names said in a sentence: press style («الف، ب و ج», the group's label said once) when
 * every name reads as one item; otherwise «؛» between them, so no name can be split or
 * merged by the reader (docs/texts.md#small-groups-and-bare-names).
 */
export function namesList(names: readonly string[], group: GroupNaming): string {
  if (names.length > 1 && names.some((name) => isBareName(name, group))) return names.join('؛ ');
  return namesTogether(names, group);
}
