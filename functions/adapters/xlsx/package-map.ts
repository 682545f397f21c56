/** Where an .xlsx package keeps its parts: workbook, tabs, shared strings, styles, relationships. */
import { posix } from 'node:path';
import { entryData, type ZipArchive } from './zip-container.ts';
import { parseXml } from './xml-events.ts';

/** One relationship of a part (its `.rels`), target resolved to a zip entry name. */
export interface Relationship {
  id: string;
  type: string;
  part: string;
  external: boolean;
}

/** One tab as workbook.xml lists it, with the zip entry of its worksheet part. */
interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
  isWorksheet: boolean;
}

/** Where the parts that matter are in this package. */
export interface PackageMap {
  workbookPart: string;
  workbookRelsPart: string;
  sheets: SheetRef[];
  sharedStringsPart?: string;
  stylesPart?: string;
  date1904: boolean;
}

const TYPE_TAIL = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

/** `xl/worksheets/_rels/sheet1.xml.rels` for `xl/worksheets/sheet1.xml`. */
function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

export function partText(zip: ZipArchive, part: string): string | undefined {
  const entry = zip.byName.get(part);
  return entry === undefined ? undefined : entryData(zip, entry).toString('utf8');
}

/** The relationships of `part` (empty when it has no .rels). */
export function readRelationships(zip: ZipArchive, part: string): Relationship[] {
  const xml = partText(zip, relsPartOf(part));
  if (xml === undefined) return [];
  const found: Relationship[] = [];
  const base = posix.dirname(part);
  parseXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const a = attributes();
      if (a.Id === undefined || a.Target === undefined) return;
      const external = a.TargetMode === 'External';
      const target = decodeURI(a.Target);
      const resolved = target.startsWith('/') ? target.slice(1) : posix.join(base, target);
      found.push({ id: a.Id, type: a.Type ?? '', part: external ? target : resolved, external });
    },
  });
  return found;
}

/** Reads the package's structure; undefined when it has no workbook part. */
export function mapPackage(zip: ZipArchive): PackageMap | undefined {
  const office = readRelationships(zip, '').find((r) => TYPE_TAIL(r.type) === 'officeDocument');
  const workbookPart = office?.part ?? 'xl/workbook.xml';
  const workbookXml = partText(zip, workbookPart);
  if (workbookXml === undefined) return undefined;
  const rels = readRelationships(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(workbookXml, {
    open(name, attributes) {
      if (name !== 'workbookPr' && name !== 'sheet') return;
      const a = attributes();
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const rel = byId.get(relId);
      sheets.push({
        name: a.name ?? '',
        sheetId: Number(a.sheetId ?? 0),
        relId,
        part: rel?.part ?? '',
        isWorksheet: rel !== undefined && TYPE_TAIL(rel.type) === 'worksheet',
      });
    },
  });
  const typed = (tail: string): string | undefined =>
    rels.find((r) => TYPE_TAIL(r.type) === tail)?.part;
  return {
    workbookPart,
    workbookRelsPart: relsPartOf(workbookPart),
    sheets,
    sharedStringsPart: typed('sharedStrings'),
    stylesPart: typed('styles'),
    date1904,
  };
}
