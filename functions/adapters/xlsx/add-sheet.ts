/** A new worksheet registered in an .xlsx package: workbook.xml, its relationship and content type. */
import { posix } from 'node:path';
import type { PackageMap } from './package-map.ts';
import { escapeXml } from './write-sheet.ts';
import type { ZipArchive } from './zip-container.ts';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The three registering parts as text, changed only by insertions before their closing tag. */
export interface Registry {
  workbook: string;
  rels: string;
  types: string;
}

function insertBefore(
  xml: string,
  closing: RegExp,
  text: (prefix: string) => string,
  what: string,
): string {
  const match = closing.exec(xml);
  if (match === null) throw new Error(`${what} has no closing tag`);
  return xml.slice(0, match.index) + text(match[1] ?? '') + xml.slice(match.index);
}

/** The name of a new part that is neither in the zip nor already planned. */
function freePart(zip: ZipArchive, taken: Set<string>, dir: string): string {
  for (let n = 1; ; n++) {
    const part = posix.join(dir, `sheet${n}.xml`);
    if (!zip.byName.has(part) && !taken.has(part)) return part;
  }
}

/**
 * Registers a new worksheet `title` in `registry` (a `<sheet>` in workbook.xml, its
 * relationship and content-type override), returning the zip entry name of its part.
 */
export function registerSheet(
  zip: ZipArchive,
  map: PackageMap,
  registry: Registry,
  title: string,
  taken: Set<string>,
): string {
  const base = posix.dirname(map.workbookPart);
  const part = freePart(zip, taken, posix.join(base, 'worksheets'));
  taken.add(part);
  const ids = new Set([...registry.rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const relId = `rId${n}`;
  const sheetIds = [...registry.workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"/g)];
  const sheetId = Math.max(0, ...sheetIds.map((m) => Number(m[1]))) + 1;
  // only the root's declaration is in scope for a new <sheet>; openpyxl declares it on each <sheet>
  const root = /<(?![?!])[^>]*>/.exec(registry.workbook)?.[0] ?? '';
  const declared = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(root)?.[1];
  const idAttribute =
    declared === undefined ? `r:id="${relId}" xmlns:r="${REL_NS}"` : `${declared}:id="${relId}"`;
  registry.workbook = insertBefore(
    registry.workbook,
    /<\/(\w+:)?sheets>/,
    (prefix) => `<${prefix}sheet name="${escapeXml(title)}" sheetId="${sheetId}" ${idAttribute}/>`,
    'workbook.xml',
  );
  registry.rels = insertBefore(
    registry.rels,
    /<\/(\w+:)?Relationships>/,
    (prefix) =>
      `<${prefix}Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="${posix.relative(base, part)}"/>`,
    'workbook relationships',
  );
  registry.types = insertBefore(
    registry.types,
    /<\/(\w+:)?Types>/,
    (prefix) => `<${prefix}Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`,
    '[Content_Types].xml',
  );
  return part;
}
