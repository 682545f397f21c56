/**
 * The calculation chain (xl/calcChain.xml) without the cells of replaced worksheets: Excel
 * calls a workbook damaged when the chain names a formula cell that no longer holds one.
 * A `<c>` without `i` belongs to the sheet of the one before it, so every kept entry is
 * written with its sheet id. Undefined when nothing had to be removed.
 */
export function pruneCalcChain(xml: string, sheetIds: ReadonlySet<number>): string | undefined {
  let current = 0;
  let removed = false;
  const pruned = xml.replace(
    /<((?:\w+:)?c)\b([^>]*?)\/>/g,
    (element, name: string, attributes: string) => {
      const id = /\si="(\d+)"/.exec(attributes)?.[1];
      if (id !== undefined) current = Number(id);
      if (sheetIds.has(current)) {
        removed = true;
        return '';
      }
      return id !== undefined ? element : `<${name}${attributes} i="${current}"/>`;
    },
  );
  return removed ? pruned : undefined;
}
