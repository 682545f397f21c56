import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A fresh temp folder; `cleanup` removes it. */
export async function tempFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-xlsx-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const NS_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_MAIN}" xmlns:r="${NS_REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'SHEET'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_MAIN}"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/**
 * Adds a real bar chart (chart part, drawing, relationships, content types) on the first
 * worksheet of an .xlsx file written by exceljs, as Excel lays one out.
 */
export async function addChart(path: string, sheetTitle: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  zip.file('xl/charts/chart1.xml', CHART_XML.replace('SHEET', sheetTitle));
  zip.file('xl/drawings/drawing1.xml', DRAWING_XML);
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const sheet = await zip.file(sheetPath)?.async('string');
  if (sheet === undefined) throw new Error('no sheet1.xml');
  zip.file(sheetPath, sheet.replace('</worksheet>', '<drawing r:id="rIdChart"/></worksheet>'));
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const relationship = `<Relationship Id="rIdChart" Type="${REL_TYPE}/drawing" Target="../drawings/drawing1.xml"/>`;
  const rels = await zip.file(relsPath)?.async('string');
  zip.file(
    relsPath,
    rels === undefined
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>`
      : rels.replace('</Relationships>', `${relationship}</Relationships>`),
  );
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (types === undefined) throw new Error('no content types');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Adds one raw zip entry (for parts that only need to be present to be detected). */
export async function addZipEntry(path: string, name: string, content: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  zip.file(name, content);
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The XML of one worksheet part, found by the tab's title through workbook.xml and its rels. */
export async function sheetXml(path: string, title: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const sheet = [...workbook.matchAll(/<sheet [^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`name="${title}"`));
  const rId = sheet?.match(/r:id="([^"]+)"/)?.[1];
  const target = [...rels.matchAll(/<Relationship [^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`Id="${rId}"`))
    ?.match(/Target="([^"]+)"/)?.[1];
  if (target === undefined) throw new Error(`no sheet ${title}`);
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return (await zip.file(part)?.async('string')) ?? '';
}

/** Every cell of a workbook's named tabs: address → exceljs value, number format, validation, merge. */
export async function cellSnapshot(
  path: string,
  titles: string[],
): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const snapshot: Record<string, unknown> = {};
  for (const title of titles) {
    const worksheet = workbook.getWorksheet(title);
    if (worksheet === undefined) throw new Error(`no tab ${title}`);
    worksheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        snapshot[`${title}!${cell.address}`] = {
          value: cell.value,
          numFmt: cell.numFmt,
          validation: cell.dataValidation,
          master: cell.isMerged ? cell.master.address : undefined,
        };
      });
    });
    snapshot[`${title}!merges`] = worksheet.model.merges;
  }
  return snapshot;
}

/** The parts that register a new tab (changed by insertions only when one is added). */
export const REGISTRY_PARTS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
];

/** Every zip entry of a file, name → uncompressed bytes. */
export async function zipParts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async('nodebuffer'));
  }
  return parts;
}

const CT = (part: string, type: string): string =>
  `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;

/**
 * Adds to an .xlsx what a long-kept workbook may hold and karnameh never reads: workbook
 * structure protection, a custom document property, a customXml item, an embedded OLE
 * object, a pivot cache and table (and, with addChart, a chart).
 */
export async function addKeptParts(path: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const text = async (name: string): Promise<string> => {
    const content = await zip.file(name)?.async('string');
    if (content === undefined) throw new Error(`no ${name}`);
    return content;
  };
  const workbook = await text('xl/workbook.xml');
  zip.file(
    'xl/workbook.xml',
    workbook.replace(
      /(<workbookPr\b[^>]*\/>)/,
      '$1<workbookProtection lockStructure="1" workbookPassword="CC3D"/>',
    ),
  );
  zip.file(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="دبیرخانه"><vt:lpwstr>شورای هماهنگی</vt:lpwstr></property></Properties>`,
  );
  const rootRels = await text('_rels/.rels');
  zip.file(
    '_rels/.rels',
    rootRels.replace(
      '</Relationships>',
      `<Relationship Id="rIdCustom" Type="${REL_TYPE}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  zip.file('customXml/item1.xml', '<?xml version="1.0"?><council><year>1403</year></council>');
  zip.file(
    'xl/embeddings/oleObject1.bin',
    Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  );
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" refreshOnLoad="1"/>',
  );
  zip.file(
    'xl/pivotTables/pivotTable1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" cacheId="1"/>',
  );
  const types = await text('[Content_Types].xml');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      `${CT('docProps/custom.xml', 'custom-properties+xml')}${CT('xl/pivotCache/pivotCacheDefinition1.xml', 'spreadsheetml.pivotCacheDefinition+xml')}${CT('xl/pivotTables/pivotTable1.xml', 'spreadsheetml.pivotTable+xml')}<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>`,
    ),
  );
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
