/**
 * Groups named as a writer names them (workbook.md, "groups"): the plural of a group's
 * label. One word takes «‌ها» (فرمانداری → فرمانداری‌ها); several words: the first word
 * takes «‌های» before the rest (دستگاه اجرایی → دستگاه‌های اجرایی).
 */
export function pluralOfGroup(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const [head, ...rest] = words;
  if (head === undefined) return '';
  if (rest.length === 0) return `${head}\u200Cها`;
  return [`${head}\u200Cهای`, ...rest].join(' ');
}
