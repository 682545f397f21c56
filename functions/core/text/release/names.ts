import { pluralOfGroup } from '../../group-names.ts';
import { normalizeDisplay } from '../../normalize.ts';
import { joinList } from '../../persian-text.ts';

/** A name from the sheet for showing: normalised (press-release.md, "as written, normalised"). */
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
