/** A long list of names or addresses cut for one line of the terminal: the first few, then how many more. */

/** `a, b, c, d, e and 101 more` (all of them when there are no more than `shown` + 1). */
export function shortList(items: readonly string[], shown = 5): string {
  if (items.length <= shown + 1) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
